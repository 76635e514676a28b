// A plain Python name in a file that defines it at top level (`__all__` in nearly every module) finds that file's own
// definition, whatever its imports bring: a references scan skips those uses unresolved. And same-named members are
// ranked as a guess the same way however often a scan asks: the file's own, its folder's, its top folder's, the rest.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { countingNav } from '../helpers/countingNav.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const TREE: Record<string, string> = {
  'mod/a.py': `__all__ = ["x"]


def x():
    return list(__all__)
`,
  'mod/b.py': `from a import *

__all__ = ["y"]


def y():
    return list(__all__)
`,
  'mod/c.py': `from a import *


def z():
    return list(__all__)
`,
  'mod/d.py': `from a import *


def w():
    __all__ = []
    return __all__
`,
  'p/q/use.py': `class Near:
    def go(self):
        return 0


def f(r):
    return r.go()
`,
  'p/q/zz_long_name.py': `class Long:
    def go(self):
        return 1
`,
  'p/q/a.py': `class Short:
    def go(self):
        return 2
`,
  'p/other/b.py': `class Top:
    def go(self):
        return 3
`,
  'z/c.py': `class Far:
    def go(self):
        return 4
`,
};

describe('references scan: a file defining the name at top level', () => {
  const index = useIndexedTrees('clew-nav-own-top', [TREE]);
  const { repo } = index;

  it('skips the plain uses of a file with its own top-level definition; a wildcard import elsewhere still reaches the target', async () => {
    const position = { repo: repo.path, path: 'mod/a.py', line: 1, column: 1 };
    const answer = await call(index.backend, 'nav:refs', { repo: repo.path, position });
    const expected = ['mod/a.py:1:1 definition exact', 'mod/a.py:5:17 reference exact', 'mod/c.py:5:17 reference exact'];
    expect(answer.refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`)).toEqual(expected);
    const { nav, asked } = countingNav(join(index.data.path, 'clew.db'));
    const direct = nav.references({ repo: repo.path, position });
    expect(direct.refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`)).toEqual(expected);
    // b.py's wildcard import brings a's `__all__`, but its own top-level one is what its plain use finds: never resolved.
    expect(asked).not.toContain('mod/b.py:7:17');
    // d.py defines it only inside w(): the use is resolved in its scope (a local), as before.
    expect(asked).toContain('mod/d.py:6:12');
    expect(asked).toContain('mod/c.py:5:17');
  });

  it('ranks same-named members as a guess: the own file, then its folder and top folder (shorter paths first), then the rest', async () => {
    const hits = await call(index.backend, 'nav:def', { repo: repo.path, path: 'p/q/use.py', line: 7, column: 14 });
    expect(hits.map((h) => `${h.file}:${h.line} ${h.confidence}`)).toEqual([
      'p/q/use.py:2 candidate', 'p/q/a.py:2 candidate', 'p/q/zz_long_name.py:2 candidate', 'p/other/b.py:2 candidate', 'z/c.py:2 candidate',
    ]);
  });
});
