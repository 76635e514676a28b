// What a reference answer may count, through the real Backend and a real SQLite file: a member of an
// expression no name stands for (`box().inner.value`, `a.b.c.name`) is never read as a plain name nor
// counted as a guessed use, and a TypeScript value use of a module's export means the value, not the
// same-named interface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import type { DefinitionHit } from '../../shared/nav.js';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

const TREE: Record<string, string> = {
  'ts/payload.ts': `export interface Payload {
  value: number;
}
export function read(p: Payload): number {
  return p.value;
}
`,
  'ts/boxes.ts': `function box() {
  return { inner: { value: 1 } };
}
export function total(): number {
  const value = 2;
  return box().inner.value + value;
}
`,
  'ts/ctor.ts': `export interface Ctor {
  init(): void;
}
export const Ctor: Ctor = { init() {} };
`,
  'ts/useCtor.ts': `import * as c from './ctor';
import { Ctor } from './ctor';

c.Ctor.init();
Ctor.init();
export let kept: c.Ctor | null = null;
`,
  'ts/strings.ts': `export function string(): string {
  return '';
}
`,
  'ts/external.ts': `import { z } from 'zod';

export const schema = z.string();
`,
  'py/model.py': `class Model:
    def __init__(self, name):
        self.name = name


def describe(m: Model):
    return m.name
`,
  'py/chain.py': `def label(a):
    name = "x"
    return a.b.c.name + name
`,
  'py/checks.py': `class Checker:
    def isinstance(self, x):
        return False
`,
  'py/builtins_use.py': `def is_text(x):
    return isinstance(x, str)


class Settings:
    @property
    def debug(self):
        return True

    @debug.setter
    def debug(self, value):
        pass
`,
  'go/lenx/lenx.go': `package lenx

type Items struct{}

func (i Items) len() int { return 0 }
`,
  'go/use/use.go': `package use

func Count(s []int) int {
	return len(s)
}
`,
};

const where = (hits: DefinitionHit[]): string[] => hits.map((h) => `${h.file}:${h.line} ${h.confidence}`);

describe('navigation precision', () => {
  const repo = tempDir('clew-nav-precision-repo-');
  const data = tempDir('clew-nav-precision-data-');
  let backend: Backend;
  const def = (path: string, line: number, column: number): Promise<DefinitionHit[]> => call(backend, 'nav:def', { repo: repo.path, path, line, column });
  const refs = async (path: string, line: number, column: number): Promise<string[]> =>
    (await call(backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path, line, column } })).refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`);

  beforeAll(async () => {
    writeTree(repo.path, TREE);
    backend = openWriter(data.path);
    await call(backend, 'repo:index', { path: repo.path });
  });
  afterAll(async () => {
    await backend.close();
    [repo, data].forEach((d) => d.cleanup());
  });

  it('TypeScript: a member of a call\'s result is no use of the same-named local, and only a guess at members', async () => {
    // `box().inner.value`: not the local `value` of line 5, only a guess among members named `value`.
    expect(where(await def('ts/boxes.ts', 6, 22))).toEqual(['ts/payload.ts:2 candidate']);
    expect(await refs('ts/boxes.ts', 5, 9)).toEqual(['ts/boxes.ts:5:9 definition exact', 'ts/boxes.ts:6:30 reference exact']);
    // Payload.value's uses: the typed parameter's, not the guessed member of an unknown object.
    expect(await refs('ts/payload.ts', 2, 3)).toEqual(['ts/payload.ts:2:3 definition exact', 'ts/payload.ts:5:12 reference exact']);
  });

  it('Python: a member of a longer path is no use of the same-named local', async () => {
    // An attribute (`self.name = …`) is no symbol to guess: nothing, rather than the local of line 2.
    expect(where(await def('py/chain.py', 3, 19))).toEqual([]);
    expect(await refs('py/chain.py', 2, 5)).toEqual(['py/chain.py:2:5 definition exact', 'py/chain.py:3:25 reference exact']);
    expect(await refs('py/model.py', 3, 14)).toEqual(['py/model.py:3:14 definition exact', 'py/model.py:7:14 reference exact']);
  });

  it('Python and Go: a builtin is no guess at a same-named definition in another file; a class body\'s name still is, in its file', async () => {
    expect(await def('py/builtins_use.py', 2, 12)).toEqual([]);
    expect((await call(backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path: 'py/builtins_use.py', line: 2, column: 12 } })).refs).toEqual([]);
    expect(await def('go/use/use.go', 4, 9)).toEqual([]);
    // `@debug.setter`: the class body's `debug`, which the scopes do not model, is guessed in the file.
    expect(where(await def('py/builtins_use.py', 10, 6))).toEqual(['py/builtins_use.py:7 candidate', 'py/builtins_use.py:11 candidate']);
  });

  it('TypeScript: a member of a name imported from an outside package is no guess at a same-named repo function', async () => {
    expect(where(await def('ts/external.ts', 3, 24))).toEqual([]);
    expect(await refs('ts/strings.ts', 1, 17)).toEqual(['ts/strings.ts:1:17 definition exact']);
  });

  it('TypeScript: a value use of an export means the const, a type use the interface of the same name', async () => {
    expect(where(await def('ts/useCtor.ts', 4, 3))).toEqual(['ts/ctor.ts:4 exact']);
    expect(where(await def('ts/useCtor.ts', 5, 1))).toEqual(['ts/ctor.ts:4 exact']);
    expect(where(await def('ts/useCtor.ts', 6, 21))).toEqual(['ts/ctor.ts:1 exact']);
  });
});
