// go.mod: `require` lines and blocks; replace/exclude/retract blocks are read past, not declared.
import { ManifestCollector } from './collector.js';
import type { ManifestResult } from './types.js';

export function parseGoMod(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'go');
  let block: string | null = null;
  let blockLine = 0;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    // `// indirect` is a comment too: indirect requirements are still runtime dependencies.
    const line = (lines[index] ?? '').replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (block !== null) {
      if (line === ')') block = null;
      else if (block === 'require') readRequire(out, line, index + 1);
      continue;
    }
    const [, name = '', rest = ''] = /^(\w+)\s*(.*)$/.exec(line) ?? [];
    if (rest === '(') {
      block = name;
      blockLine = index + 1;
    } else if (name === 'require') readRequire(out, rest, index + 1);
  }
  if (block !== null) out.fail(`line ${blockLine}: "${block} (" is never closed`);
  return out.result();
}

function readRequire(out: ManifestCollector, spec: string, lineNumber: number): void {
  const [path, version, ...extra] = spec.split(/\s+/).map(unquote);
  if (!path || !version || extra.length > 0) {
    out.fail(`line ${lineNumber}: cannot read require "${spec}"`);
    return;
  }
  out.addPackage(path, version, 'runtime');
}

function unquote(token: string): string {
  return token.replace(/^(["`])(.*)\1$/, '$2');
}
