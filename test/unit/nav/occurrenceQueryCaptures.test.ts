// The occurrence query's size: each tree-sitter capture is a JavaScript object, so a name is captured as
// a call once (its qualifier comes from the member pattern), a member once (its receiver, a plain name or a
// two-step path, is an optional capture of that one pattern, not a second pattern), and still comes out as a qualified call.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/types.js';
import { analyzeFile } from '../../../electron/engine/analyze.js';
import { occurrenceQuery } from '../../../electron/engine/parsers/occurrences.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import { OCCURRENCE_ROLES } from '../../../shared/nav.js';

/** How many captures of each name land on the node starting at `at`. */
async function capturesAt(language: Language, source: string, at: number): Promise<Record<string, number>> {
  const query = await occurrenceQuery(language);
  if (!query) throw new Error(`no query for ${language}`);
  const tree = await parse(language, source);
  try {
    const counts: Record<string, number> = {};
    for (const match of query.matches(tree.rootNode)) {
      for (const c of match.captures) if (c.node.startIndex === at) counts[c.name] = (counts[c.name] ?? 0) + 1;
    }
    return counts;
  } finally {
    tree.delete();
  }
}

/** The role and qualifier of the occurrence at 1-based `line:col`. */
async function occurrenceAt(language: Language, path: string, source: string, line: number, col: number): Promise<string> {
  const occ = (await analyzeFile(language, path, source)).occurrences;
  if (!occ) throw new Error(`no occurrences for ${language}`);
  for (let i = 0; i < occ.rows.length; i += 6) {
    if (occ.rows[i] !== line || occ.rows[i + 1] !== col) continue;
    const qualifier = occ.rows[i + 5]!;
    return `${occ.names[occ.rows[i + 2]!]} ${OCCURRENCE_ROLES[occ.rows[i + 3]!]} q=${qualifier < 0 ? '' : occ.names[qualifier]}`;
  }
  return 'none';
}

const CASES: Array<{ language: Language; path: string; source: string; name: string; expected: string }> = [
  { language: 'typescript', path: 'a.ts', source: 'a.run();\nthis.a.go();\n', name: 'run', expected: 'run call q=a' },
  { language: 'typescript', path: 'a.ts', source: 'a.run();\nthis.a.go();\n', name: 'go', expected: 'go call q=this.a' },
  { language: 'javascript', path: 'a.js', source: 'a.run();\nthis.a.go();\n', name: 'go', expected: 'go call q=this.a' },
  { language: 'python', path: 'a.py', source: 'a.run()\nself.a.go()\n', name: 'run', expected: 'run call q=a' },
  { language: 'python', path: 'a.py', source: 'a.run()\nself.a.go()\n', name: 'go', expected: 'go call q=self.a' },
  { language: 'go', path: 'a.go', source: 'package a\n\nfunc f() {\n\tfmt.Println()\n\tc.engine.Run()\n}\n', name: 'Println', expected: 'Println call q=fmt' },
  { language: 'go', path: 'a.go', source: 'package a\n\nfunc f() {\n\tfmt.Println()\n\tc.engine.Run()\n}\n', name: 'Run', expected: 'Run call q=c.engine' },
  { language: 'typescript', path: 'a.ts', source: 'this.run();\nf().go();\n', name: 'run', expected: 'run call q=this' },
  { language: 'typescript', path: 'a.ts', source: 'this.run();\nf().go();\n', name: 'go', expected: 'go call q=()' },
  { language: 'python', path: 'a.py', source: 'f().run()\n', name: 'run', expected: 'run call q=()' },
];

describe('occurrence query captures', () => {
  it.each(CASES)('$language: `$name` is captured as a call once, as a member once and comes out as $expected', async ({ language, path, source, name, expected }) => {
    const at = source.indexOf(`.${name}(`) + 1;
    const captures = await capturesAt(language, source, at);
    expect(captures.call).toBe(1);
    expect(captures.member).toBe(1);
    // No second pattern for a member with a plain receiver; Python's catch-all has it too (a Python name is one node type).
    expect(captures.ref).toBe(language === 'python' ? 1 : undefined);
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    const col = at - before.lastIndexOf('\n');
    expect(await occurrenceAt(language, path, source, line, col)).toBe(expected);
  });

  it.each([
    { language: 'typescript' as Language, source: 'a.b;\n', name: 'b' },
    { language: 'javascript' as Language, source: 'a.b;\n', name: 'b' },
    { language: 'go' as Language, source: 'package a\n\nvar v = a.b\n', name: 'b' },
  ])('$language: a name after a dot is captured by the member pattern only, not by the catch-all too', async ({ language, source, name }) => {
    expect(await capturesAt(language, source, source.indexOf(`.${name}`) + 1)).toEqual({ member: 1 });
  });

  it('TypeScript: an object literal key is captured by no pattern (it names nothing; it was a @skip beside the catch-all)', async () => {
    const source = 'const x = { key: 1 };\n';
    expect(await capturesAt('typescript', source, source.indexOf('key'))).toEqual({});
  });

  it.each([
    // Go: @declared too, which only says the function body's block declares x (for `:=` in it), no role.
    { language: 'go' as Language, source: 'package a\n\nfunc f(x int) {}\n', captures: { def: 1, ref: 1, declared: 1 } },
    { language: 'python' as Language, source: 'def f(x: int, y: str = "") -> None:\n    pass\n', captures: { def: 1, ref: 1 } },
  ])('$language: a typed parameter is matched by one definition pattern (the one that takes its type as hint)', async ({ language, source, captures }) => {
    expect(await capturesAt(language, source, source.indexOf('x'))).toEqual(captures);
  });
});
