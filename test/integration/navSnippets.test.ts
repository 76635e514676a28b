// A references answer shows each place's line as written, also when the places of one file lie in
// different stored chunks (80 lines each): the lines of chunks already read are reused within a request,
// never mixed up between chunks or files. The scan's own rows tell where each file redefines the name.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

/** A module with `helper` and 300 lines that call it, each line telling which it is. */
function longModule(tag: string): string {
  const lines = ['def helper(x):', '    return x', ''];
  for (let i = 1; i <= 300; i++) lines.push(`value_${i} = helper(${i})  # ${tag} line ${i}`);
  return `${lines.join('\n')}\n`;
}

const TREE = {
  'pkg/__init__.py': '',
  'pkg/long.py': longModule('long'),
  // Rebinding the imported name: neither use below is the imported function.
  'pkg/shadow.py': 'from pkg.long import helper\n\na = helper(1)\nhelper = len\nb = helper(2)\n',
  'pkg/other.py': `from pkg.long import helper\n\nfirst = helper(1)  # other\n${'\n'.repeat(150)}last = helper(2)  # other end\n`,
};

describe('references snippets across chunks', () => {
  const index = useIndexedTrees('nav-snippets', [TREE]);

  it('gives every place its own line, in every chunk of every file', async () => {
    const { repo, backend } = index;
    const answer = await call(backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path: 'pkg/long.py', line: 1, column: 5 }, limit: 1000 });
    const sources: Record<string, string[]> = Object.fromEntries(Object.entries(TREE).map(([path, text]) => [path, text.split('\n')]));
    expect(answer.refs.length).toBeGreaterThanOrEqual(302);
    for (const ref of answer.refs) expect(ref.snippet).toBe(sources[ref.file]![ref.line - 1]!.trim());
    expect(answer.refs.filter((r) => r.file === 'pkg/other.py').map((r) => r.line)).toEqual([1, 3, 154]);
  });

  it('counts only the import in a file that rebinds the name (its definitions there come from the scan itself)', async () => {
    const { repo, backend } = index;
    const answer = await call(backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path: 'pkg/long.py', line: 1, column: 5 }, limit: 1000 });
    expect(answer.refs.filter((r) => r.file === 'pkg/shadow.py').map((r) => `${r.line} ${r.role}`)).toEqual(['1 import']);
  });
});
