// Fails the build if `INSERT OR REPLACE` (or `REPLACE INTO`) appears in code: it deletes the old
// row and fires ON DELETE CASCADE, silently wiping children. Use INSERT … ON CONFLICT DO UPDATE.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Usage: node scripts/check-no-insert-or-replace.mjs [projectDir]
const base = process.argv[2] ?? '.';
const ROOTS = ['electron', 'shared', 'renderer', 'scripts', 'test'].map((r) => join(base, r));
const SELF = 'scripts/check-no-insert-or-replace.mjs';
const FORBIDDEN = /\bINSERT\s+OR\s+REPLACE\b|^\s*REPLACE\s+INTO\b|[`'"]\s*REPLACE\s+INTO\b/im;
const ALLOW_MARK = 'clew-allow-replace-fixture';

function* files(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'output' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|js|mjs|cjs|sql)$/.test(name)) yield path;
  }
}

const offenders = [];
for (const root of ROOTS) {
  for (const path of files(root)) {
    const rel = relative(base, path);
    if (rel === SELF) continue;
    const text = readFileSync(path, 'utf8');
    if (text.includes(ALLOW_MARK)) continue;
    const match = FORBIDDEN.exec(text);
    if (match) offenders.push(`${rel}:${text.slice(0, match.index).split('\n').length}`);
  }
}
if (offenders.length) {
  console.error(`INSERT OR REPLACE is forbidden (it fires ON DELETE CASCADE); use INSERT … ON CONFLICT DO UPDATE:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
