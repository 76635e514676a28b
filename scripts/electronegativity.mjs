// Runs Electronegativity (offline) over the app's Electron and renderer sources and fails on any HIGH or
// MEDIUM finding. A finding is accepted only by an inline `eng-disable CHECK_ID -- why` on its line, and
// every such directive must say why. The CLI cannot fail on severity, hence this wrapper.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');

const root = process.cwd();
const SOURCES = ['electron', 'renderer', 'shared'];
const SCANNED = new Set(['.ts', '.tsx', '.js', '.jsx', '.html']);
// Needs the network (it downloads Electron's release list); the Electron version is pinned in package.json.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (SCANNED.has(extname(name))) yield path;
  }
}

// Every suppression must carry a reason, and none may silence a whole file.
function unjustifiedSuppressions() {
  const problems = [];
  for (const dir of SOURCES.filter((d) => existsSync(join(root, d)))) {
    for (const file of files(join(root, dir))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const m = /eng-disable\s+([A-Z_ ]+?)(?:\s+--\s*(.*))?\s*(?:\*\/|-->)?\s*$/.exec(line);
        if (!/eng-disable/.test(line)) return;
        const where = `${relative(root, file)}:${i + 1}`;
        if (i === 0) problems.push(`${where}: eng-disable on the first line silences the whole file`);
        else if (!m || !m[2] || m[2].trim().length < 10) problems.push(`${where}: eng-disable without a justification (write "eng-disable CHECK_ID -- why")`);
      });
    }
  }
  return problems;
}

// Scan a copy holding only the app's sources (not tests, dist or node_modules) and package.json.
const scratch = mkdtempSync(join(tmpdir(), 'clew-eng-'));
try {
  for (const dir of SOURCES) if (existsSync(join(root, dir))) cpSync(join(root, dir), join(scratch, dir), { recursive: true });
  cpSync(join(root, 'package.json'), join(scratch, 'package.json'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const electronVersion = String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');

  const result = await run({ input: scratch, isRelative: true, excludeFromScan: EXCLUDED, electronVersionOverride: electronVersion || undefined }, false);
  const failures = [];
  for (const issue of result.issues) {
    const severity = issue.severity.name;
    const line = `${severity.padEnd(13)} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column}${issue.manualReview ? ' (review)' : ''}`;
    console.log(line);
    if (FAILING.has(severity)) failures.push(line);
  }
  for (const e of result.errors.filter((x) => !x.tolerable)) failures.push(`cannot parse ${relative(scratch, e.file)}: ${e.message}`);
  failures.push(...unjustifiedSuppressions());
  if (failures.length > 0) {
    console.error(`electronegativity: ${failures.length} problem(s) — fix them or justify inline with "eng-disable CHECK_ID -- why":`);
    for (const f of failures) console.error(`  ${f}`);
    process.exitCode = 1;
  } else console.log(`electronegativity: no HIGH/MEDIUM findings (${result.issues.length} lower ones listed above)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
