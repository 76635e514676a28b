// The navigation verbs through the real Backend, its search workers and a real SQLite file, on a small
// tree per language: imports across files, same-named functions in two packages (exact vs candidate),
// methods through this/self/a Go receiver, cycles, depth limits, bad input, and per-file consistency.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallTreeNode, DefinitionHit } from '../../shared/nav.js';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { NAV_TREE } from '../helpers/navTree.js';

const where = (hits: DefinitionHit[]): string[] => hits.map((h) => `${h.file}:${h.line}:${h.column} ${h.confidence}`);
const names = (node: CallTreeNode | null): string[] => (node ? node.children.map((c) => `${c.fqn}${c.cycle ? ' (cycle)' : ''}`) : []);

describe('navigation', () => {
  const index = useIndexedTrees('clew-nav', [NAV_TREE]);
  const { repo } = index;
  const def = (path: string, line: number, column: number): Promise<DefinitionHit[]> => call(index.backend, 'nav:def', { repo: repo.path, path, line, column });

  it('TypeScript: an imported function and a namespace member resolve exactly to their files; an unimported name gives ranked candidates', async () => {
    expect(where(await def('ts/main.ts', 10, 12))).toEqual(['ts/util.ts:1:17 exact']);
    expect(where(await def('ts/main.ts', 10, 31))).toEqual(['ts/other/util.ts:1:17 exact']);
    // `this.step()` → the method of the enclosing class.
    expect((await def('ts/main.ts', 6, 17)).map((h) => h.fqn)).toEqual(['ts/main:Service.step']);
    const guessed = await def('ts/loose.ts', 2, 12);
    expect(guessed.every((h) => h.confidence === 'candidate')).toBe(true);
    // Other languages' helpers are not offered for a TypeScript name while same-language ones exist.
    expect(guessed.map((h) => h.file).sort()).toEqual(['ts/other/util.ts', 'ts/util.ts', 'web/lib.js']);
  });

  it('Python, Go, Java and CommonJS: imports, packages, self and receivers resolve exactly', async () => {
    expect(where(await def('py/app.py', 9, 16))).toEqual(['py/pkg/tools.py:1:5 exact']);
    expect((await def('py/app.py', 6, 22)).map((h) => `${h.fqn} ${h.confidence}`)).toEqual(['py.app.Greeter.name exact']);
    expect(where(await def('main.go', 6, 14))).toEqual(['store/store.go:5:6 exact']);
    expect((await def('store/store.go', 10, 11)).map((h) => `${h.fqn} ${h.confidence}`)).toEqual(['store:store.DB.load exact']);
    expect((await def('src/main/java/com/acme/App.java', 7, 17)).map((h) => `${h.fqn} ${h.confidence}`)).toEqual(['com.acme.util.Text.trim(String) exact']);
    expect((await def('src/main/java/com/acme/App.java', 7, 27)).map((h) => h.fqn)).toEqual(['com.acme.App.echo(String)']);
    expect(where(await def('web/server.js', 6, 22))).toEqual(['web/lib.js:1:10 exact']);
  });

  it('a name bound to a whole module (a namespace import, a Go package) is defined by the import that binds it, as the TS service and gopls answer', async () => {
    const namespace = await def('ts/main.ts', 10, 24);
    expect(where(namespace)).toEqual(['ts/main.ts:2:13 exact']);
    expect(namespace[0]?.kind).toBe('module');
    expect(where(await def('main.go', 6, 8))).toEqual(['main.go:3:8 exact']);
  });

  it('TypeScript: a type use means the interface, a value use the same-named const (types and values are apart)', async () => {
    expect(where(await def('ts/shapes.ts', 6, 21))).toEqual(['ts/shapes.ts:1:18 exact']);
    expect(where(await def('ts/shapes.ts', 11, 25))).toEqual(['ts/shapes.ts:1:18 exact']);
    expect(where(await def('ts/shapes.ts', 12, 10))).toEqual(['ts/shapes.ts:5:14 exact']);
  });

  it('imports: a package outside the repo defines nothing here; a repo module that lacks the name leaves candidates', async () => {
    expect(await def('py/edge.py', 6, 5)).toEqual([]);
    expect(where(await def('py/edge.py', 7, 5))).toEqual(['py/other/tools.py:9:5 candidate']);
  });

  it('references of an exported function: exact across files, the other package\'s same-named uses excluded, an unimported use a candidate', async () => {
    const byFqn = await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'ts/util:helper' });
    expect(byFqn.targets.map((t) => t.fqn)).toEqual(['ts/util:helper']);
    expect(byFqn.refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.role} ${r.confidence}`)).toEqual([
      'ts/main.ts:1:10 import exact', 'ts/main.ts:10:12 call exact', 'ts/util.ts:1:17 definition exact', 'ts/loose.ts:2:10 call candidate',
    ]);
    expect(byFqn.refs[1]).toMatchObject({ enclosing: 'ts/main:Service.step', snippet: "return helper(1) + other.helper('a').length;" });
    // From a position on a use, the same answer.
    const byPlace = await call(index.backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path: 'ts/main.ts', line: 10, column: 12 } });
    expect(byPlace.refs).toEqual(byFqn.refs);
    // A guess counts for the nearest same-named definitions only: loose.ts's `helper` is ts/util.ts's, not ts/other/util.ts's.
    const far = await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'ts/other/util:helper' });
    expect(far.refs.some((r) => r.file === 'ts/loose.ts')).toBe(false);
    const go = await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'store:store.Open' });
    expect(go.refs.map((r) => `${r.file}:${r.line} ${r.confidence}`)).toEqual(['main.go:6 exact', 'store/store.go:5 exact']);
    const py = await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'py.other.tools.helper' });
    expect(py.refs.filter((r) => r.file === 'py/app.py')).toEqual([]);
    const limited = await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'ts/util:helper', limit: 2 });
    expect(limited).toMatchObject({ truncated: true });
    expect(limited.refs).toHaveLength(2);
  });

  it('callers and callees as trees: cycles shown once, depth limits mark more, external calls at the leaves', async () => {
    const callers = await call(index.backend, 'nav:callers', { repo: repo.path, fqn: 'ts/main:ping', depth: 4 });
    expect(names(callers)).toEqual(['ts/main:pong']);
    expect(names(callers?.children[0] ?? null)).toEqual(['ts/main:ping (cycle)']);
    const shallow = await call(index.backend, 'nav:callees', { repo: repo.path, fqn: 'ts/main:Service.run', depth: 0 });
    expect(shallow).toMatchObject({ fqn: 'ts/main:Service.run', more: true, children: [] });
    const deep = await call(index.backend, 'nav:callees', { repo: repo.path, fqn: 'ts/main:Service.run', depth: 100 });
    expect(names(deep)).toEqual(['ts/main:Service.step']);
    expect(names(deep?.children[0] ?? null)).toEqual(['ts/util:helper', 'ts/other/util:helper']);
    const goMain = await call(index.backend, 'nav:callees', { repo: repo.path, fqn: '.:main.main' });
    expect(names(goMain)).toEqual(['store:store.Open', 'store:store.DB.Get', '.:main.run']);
    expect(names(goMain?.children[2] ?? null)).toEqual(['.:main.main (cycle)']);
    expect(await call(index.backend, 'nav:callers', { repo: repo.path, fqn: 'no:such' })).toBeNull();
  });

  it('flow: from a route to its handler and down, the external HTTP call marked', async () => {
    const entries = await call(index.backend, 'entrypoints:list', { repo: repo.path, kind: 'http' });
    const route = entries.find((e) => e.path === '/owners/:id');
    expect(route).toBeDefined();
    const byRoute = await call(index.backend, 'nav:flow', { repo: repo.path, entry: 'GET /owners/:id' });
    expect(byRoute?.root?.fqn).toBe('web/server:showOwner');
    expect(names(byRoute?.root ?? null)).toEqual(['web/lib:helper']);
    expect(byRoute?.root?.children[0]?.external).toEqual([expect.objectContaining({ kind: 'http', client: 'fetch' })]);
    const byId = await call(index.backend, 'nav:flow', { repo: repo.path, entry: String(route?.id) });
    expect(byId).toEqual(byRoute);
    expect(await call(index.backend, 'nav:flow', { repo: repo.path, entry: 'DELETE /nothing' })).toBeNull();
  });

  it('the file tree: folders first with counts, then files, lazily per folder', async () => {
    const root = await call(index.backend, 'nav:tree', { repo: repo.path });
    expect(root.map((t) => `${t.kind} ${t.path} ${t.files}`)).toEqual([
      'dir cache 1', 'dir py 4', 'dir src 2', 'dir store 1', 'dir ts 5', 'dir web 2', 'file go.mod 1', 'file main.go 1',
    ]);
    const ts = await call(index.backend, 'nav:tree', { repo: repo.path, path: 'ts' });
    expect(ts.map((t) => t.name)).toEqual(['other', 'loose.ts', 'main.ts', 'shapes.ts', 'util.ts']);
    expect(ts.find((t) => t.name === 'main.ts')).toMatchObject({ kind: 'file', language: 'typescript', symbols: 5 });
    expect(await call(index.backend, 'nav:tree', { repo: repo.path, path: 'no/such/folder' })).toEqual([]);
  });

  it('bad input: whitespace or past the end gives an empty answer, an unindexed file NOT_FOUND, a bad request BAD_REQUEST', async () => {
    expect(await def('ts/main.ts', 3, 1)).toEqual([]);
    expect(await def('ts/main.ts', 10, 200)).toEqual([]);
    expect(await def('ts/main.ts', 9999, 1)).toEqual([]);
    const missing = await index.backend.invoke('nav:def', { repo: repo.path, path: 'ts/nothing.ts', line: 1, column: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const neither = await index.backend.invoke('nav:refs', { repo: repo.path });
    expect(neither).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const zero = await index.backend.invoke('nav:def', { repo: repo.path, path: 'ts/main.ts', line: 0, column: 1 });
    expect(zero).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'gone:symbol', limit: 1_000_000 })).toEqual({ targets: [], refs: [], truncated: false });
  });

  it('a changed file replaces its occurrences, a deleted file takes them along', async () => {
    writeFileSync(join(repo.path, 'ts/loose.ts'), 'import { helper } from \'./util\';\n\nexport function guess(): number {\n  return helper(3) + helper(4);\n}\n');
    await call(index.backend, 'repo:index', { path: repo.path });
    const after = await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'ts/util:helper' });
    expect(after.refs.filter((r) => r.file === 'ts/loose.ts').map((r) => `${r.line}:${r.column} ${r.role} ${r.confidence}`)).toEqual([
      '1:10 import exact', '4:10 call exact', '4:22 call exact',
    ]);
    rmSync(join(repo.path, 'ts/loose.ts'));
    await call(index.backend, 'repo:index', { path: repo.path });
    const gone = await call(index.backend, 'nav:refs', { repo: repo.path, fqn: 'ts/util:helper' });
    expect(gone.refs.some((r) => r.file === 'ts/loose.ts')).toBe(false);
    expect(await index.backend.invoke('nav:def', { repo: repo.path, path: 'ts/loose.ts', line: 4, column: 10 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
