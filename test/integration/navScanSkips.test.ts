// A references scan resolves only the places that could name the target: a definition in another file declares
// something of that file, and a plain Python name in another file cannot name a member or attribute (only a
// receiver's type leads there). The answer is the same; the places skipped are never resolved.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { countingNav } from '../helpers/countingNav.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const TREE: Record<string, string> = {
  'py/model.py': `class Model:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return self.name
`,
  'py/use.py': `from model import Model


def show(m: Model, name):
    name = name or "x"
    return m.name + name
`,
  'py/other.py': `name = "module"


class Other:
    def __init__(self):
        self.name = name
`,
  'py/shared.py': `class Box:
    def __init__(self):
        self.size = 1


def make():
    return Box()
`,
  'py/plain.py': `from shared import make


def first():
    return make()


def second():
    make = lambda: None
    return make()


def third():
    return make()
`,
  'py/calls.py': `from shared import make


def a():
    return make()


def b():
    return make()
`,
  'py/guess.py': `def one():
    return thing.size


def two():
    return thing.size


def three():
    return thing.size
`,
  'py/free.py': `def name():
    """Gives one."""
    return 1


def call_it():
    return name()
`,
  'py/imports_free.py': `from free import name


def caller():
    return name()


def shadow(name):
    return name
`,
  'py/tools.py': `def helper():
    return 1


class Runner:
    def helper(self):
        return 2
`,
  'py/calls_tools.py': `import tools


def run(r):
    x = tools.helper()
    return r.helper() + x
`,
};

describe('references scan: places that cannot name the target are not resolved', () => {
  const index = useIndexedTrees('clew-nav-skips', [TREE]);
  const { repo } = index;

  it('a Python attribute: plain names and definitions in other files are skipped, the answer is the same', async () => {
    const answer = await call(index.backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path: 'py/model.py', line: 3, column: 14 } });
    expect(answer.refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`)).toEqual([
      'py/model.py:3:14 definition exact', 'py/model.py:6:21 reference exact', 'py/use.py:6:14 reference exact',
    ]);
    const { nav, asked } = countingNav(join(index.data.path, 'clew.db'));
    const direct = nav.references({ repo: repo.path, position: { repo: repo.path, path: 'py/model.py', line: 3, column: 14 } });
    expect(direct.refs.map((r) => `${r.file}:${r.line}:${r.column}`)).toEqual(answer.refs.map((r) => `${r.file}:${r.line}:${r.column}`));
    // In other files only the member uses are resolved: not `name` the parameter, the local, the module variable,
    // the function, nor `self.name = …` in another class (a definition of that file).
    expect(asked.filter((a) => !a.startsWith('py/model.py:'))).toEqual(['py/use.py:6:14']);
  });

  it('a definition answer carries the doc comment, read only for the symbols it shows', async () => {
    const hits = await call(index.backend, 'nav:def', { repo: repo.path, path: 'py/free.py', line: 7, column: 12 });
    expect(hits.map((h) => [h.file, h.line, h.doc])).toEqual([['py/free.py', 1, 'Gives one.']]);
  });

  it('a top-level Python function: plain names elsewhere are resolved only in files whose imports lead to it, definitions elsewhere never', async () => {
    const { nav, asked } = countingNav(join(index.data.path, 'clew.db'));
    const answer = nav.references({ repo: repo.path, position: { repo: repo.path, path: 'py/free.py', line: 1, column: 5 } });
    expect(answer.refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.confidence}`)).toEqual([
      'py/free.py:1:5 exact', 'py/free.py:7:12 exact', 'py/imports_free.py:1:18 exact', 'py/imports_free.py:5:12 exact',
    ]);
    // imports_free.py imports it: each plain use there is resolved in its scope, and shadow()'s parameter is not it.
    expect(asked).toContain('py/imports_free.py:9:12');
    // use.py does not: its plain `name` (a parameter and a local) can never be the function, so none is resolved.
    expect(asked).not.toContain('py/use.py:5:12');
    expect(asked).not.toContain('py/use.py:6:21');
    expect(asked).toContain('py/use.py:6:14');
    expect(asked).not.toContain('py/other.py:1:1');
    expect(asked).not.toContain('py/use.py:4:20');
  });

  it('a top-level Python function is reached through a receiver only as a module member: other receivers are not resolved', () => {
    const { nav, asked } = countingNav(join(index.data.path, 'clew.db'));
    const answer = nav.references({ repo: repo.path, position: { repo: repo.path, path: 'py/tools.py', line: 1, column: 5 } });
    expect(answer.refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`)).toEqual(['py/calls_tools.py:5:15 call exact', 'py/tools.py:1:5 definition exact']);
    // `tools.helper` goes through the imported module; `r.helper` (an unknown receiver: a guess among same-named members,
    // Runner.helper) can never be the function, so it is skipped.
    expect(asked).toContain('py/calls_tools.py:5:15');
    expect(asked).not.toContain('py/calls_tools.py:6:14');
  });

  it('a Python name its file never defines is resolved once for the whole file, a name some scope defines at each use', () => {
    const { nav, guessed } = countingNav(join(index.data.path, 'clew.db'));
    // `thing` is defined and imported nowhere in guess.py: its three `thing.size` resolve alike, so only the first is worked out.
    nav.references({ repo: repo.path, position: { repo: repo.path, path: 'py/shared.py', line: 3, column: 14 } });
    expect(guessed.filter((g) => g === 'py/guess.py size')).toEqual(['py/guess.py size']);
    // `make` is a local in second(): every use in plain.py is resolved in its own scope, so that one is not the import's.
    const answer = nav.references({ repo: repo.path, position: { repo: repo.path, path: 'py/shared.py', line: 6, column: 5 } });
    expect(answer.refs.filter((r) => r.file === 'py/plain.py').map((r) => `${r.line}:${r.column} ${r.role} ${r.enclosing ?? '-'}`)).toEqual([
      '1:20 import -', '5:12 call py.plain.first', '14:12 call py.plain.third',
    ]);
  });

  it('the enclosing symbols of a references answer are named in one read, not one read per use', () => {
    const { nav } = countingNav(join(index.data.path, 'clew.db'));
    const pointReads: number[] = [];
    const symbolById = nav.rows.symbolById.bind(nav.rows);
    nav.rows.symbolById = (id) => {
      pointReads.push(id);
      return symbolById(id);
    };
    const answer = nav.references({ repo: repo.path, position: { repo: repo.path, path: 'py/shared.py', line: 6, column: 5 } });
    const enclosing = answer.refs.flatMap((r) => (r.enclosing ? [r.enclosing] : []));
    expect(enclosing).toEqual(['py.calls.a', 'py.calls.b', 'py.plain.first', 'py.plain.third']);
    // Resolving the uses in plain.py walks their scopes (a local `make` is in one); those in calls.py need no
    // symbol, and naming their enclosing functions reads none of them one by one.
    const readFqns = new Set(pointReads.map((id) => nav.rows.symbolById(id)?.fqn));
    expect(['py.calls.a', 'py.calls.b'].filter((fqn) => readFqns.has(fqn))).toEqual([]);
  });
});
