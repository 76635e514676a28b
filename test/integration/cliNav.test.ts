// The navigation commands as a person runs them: the built `clew` in a child process, positions as
// `path:line:column` (absolute, or relative to the working folder), human output and --json shapes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallTreeNode, DefinitionHit, FlowAnswer, ReferencesAnswer, TreeEntry } from '../../shared/nav.js';
import type { RepoDeps } from '../../shared/types.js';
import { CLI, cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { NAV_TREE } from '../helpers/navTree.js';

describe('clew def, refs, callers, callees, flow, tree', () => {
  const repo = tempDir('clew-cli-nav-repo-');
  const data = tempDir('clew-cli-nav-data-');
  const cli = cliFor(data.path);
  /** Runs in a folder of the repo, as someone would from their shell. */
  const inRepo = (folder: string, ...args: string[]) => spawnSync(process.execPath, [CLI, '--data-dir', data.path, ...args], { encoding: 'utf8', cwd: join(repo.path, folder) });

  beforeAll(() => {
    ensureBuiltCli();
    writeTree(repo.path, NAV_TREE);
    const r = cli.run('--no-sync', 'index', repo.path);
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('def: an absolute position as JSON, a relative one in human form', () => {
    const hits = cli.json<DefinitionHit[]>('def', `${join(repo.path, 'ts/main.ts')}:10:12`);
    expect(hits.map((h) => `${h.fqn} ${h.file}:${h.line}:${h.column} ${h.confidence}`)).toEqual(['ts/util:helper ts/util.ts:1:17 exact']);
    const human = inRepo('py', 'def', 'app.py:9:16');
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toContain('py/pkg/tools.py:1:5  function py.pkg.tools.helper  [exact]');
    const blank = inRepo('ts', 'def', 'main.ts:3:1');
    expect(blank.stdout.trim()).toBe('no definition found');
  });

  it('refs by FQN (the repo found from the working folder) and by position, with --limit', () => {
    const r = inRepo('ts', '--json', 'refs', 'ts/util:helper');
    expect(r.status, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout) as ReferencesAnswer;
    expect(answer.refs.filter((x) => x.confidence === 'exact').map((x) => `${x.file}:${x.line}`)).toEqual(['ts/main.ts:1', 'ts/main.ts:10', 'ts/util.ts:1']);
    const limited = cli.json<ReferencesAnswer>('refs', `${join(repo.path, 'main.go')}:6:14`, '--limit', '1');
    expect(limited.targets.map((t) => t.fqn)).toEqual(['store:store.Open']);
    expect(limited).toMatchObject({ truncated: true });
    const human = cli.run('refs', 'store:store.Open', '--repo', repo.path);
    expect(human.stdout).toContain('main.go:6:14  call       db := store.Open()   in .:main.main');
  });

  it('callers and callees print trees; a cycle is marked and not followed', () => {
    const callers = cli.json<CallTreeNode>('callers', 'py.app.ping', '--repo', repo.path, '--depth', '3');
    expect(callers.children.map((c) => c.fqn)).toEqual(['py.app.pong']);
    expect(callers.children[0]?.children[0]).toMatchObject({ fqn: 'py.app.ping', cycle: true, children: [] });
    const human = cli.run('callees', '.:main.main', '--repo', repo.path);
    expect(human.stdout.split('\n')).toEqual(expect.arrayContaining(['.:main.main  main.go:5', '  store:store.Open  store/store.go:5', '    .:main.main  main.go:5  [cycle]']));
    expect(cli.run('callees', 'no:such', '--repo', repo.path).stdout.trim()).toBe('no symbol no:such (find one with `clew search --mode symbol`)');
  });

  it('a symbol named by the end of its FQN; an end that several FQNs share is refused with them listed', () => {
    const callers = cli.json<CallTreeNode>('callers', 'app.ping', '--repo', repo.path);
    expect(callers.fqn).toBe('py.app.ping');
    expect(cli.json<CallTreeNode>('callees', 'main.main', '--repo', repo.path).fqn).toBe('.:main.main');
    const refs = cli.json<ReferencesAnswer>('refs', 'pkg.tools.helper', '--repo', repo.path);
    expect(refs.targets.map((t) => t.fqn)).toEqual(['py.pkg.tools.helper']);
    // Only from a separator on: `ols.helper` is no end of `py.pkg.tools.helper`.
    expect(cli.run('refs', 'ols.helper', '--repo', repo.path).stdout.trim()).toBe('no symbol ols.helper (find one with `clew search --mode symbol`)');
    const shared = cli.run('refs', 'helper', '--repo', repo.path);
    expect(shared.status).toBe(2);
    expect(shared.stderr).toMatch(/^clew: helper ends \d+ symbols' FQNs; give more of the one you mean: /);
    expect(shared.stderr).toContain('py.pkg.tools.helper (py/pkg/tools.py:1)');
    expect(shared.stderr).toContain('ts/util:helper (ts/util.ts:1)');
    // The commands that write or list by FQN take its end too.
    const deps = cli.json<RepoDeps>('deps', repo.path, '--symbol', 'lib:helper');
    expect(deps.calls.map((c) => `${c.symbol} ${c.kind}`)).toEqual(['web/lib:helper http']);
    const note = cli.run('note', 'add', 'app.ping', 'answers pong', '--repo', repo.path);
    expect(note.stdout).toMatch(/^added note #\d+ on py\.app\.ping/);
    expect(cli.run('note', 'add', 'helper', 'which one?', '--repo', repo.path).status).toBe(2);
  });

  it('flow from a route and tree of a folder', () => {
    const flow = cli.json<FlowAnswer>('flow', 'GET /owners/:id', '--repo', repo.path);
    expect(flow.root?.children.map((c) => c.fqn)).toEqual(['web/lib:helper']);
    const human = cli.run('flow', 'GET /owners/:id', '--repo', repo.path);
    expect(human.stdout).toContain('⇢ http fetch');
    const tree = cli.json<TreeEntry[]>('tree', repo.path, 'ts');
    expect(tree.map((t) => t.path)).toEqual(['ts/other', 'ts/loose.ts', 'ts/main.ts', 'ts/shapes.ts', 'ts/util.ts']);
    // Run from a folder of the repo, a folder is read from there first, then from the repo's root.
    const fromPy = inRepo('py', '--json', 'tree', repo.path, 'pkg');
    expect((JSON.parse(fromPy.stdout) as TreeEntry[]).map((t) => t.path)).toEqual(['py/pkg/tools.py']);
    const rootPath = inRepo('py', '--json', 'tree', repo.path, 'ts/other');
    expect((JSON.parse(rootPath.stdout) as TreeEntry[]).length).toBeGreaterThan(0);
    expect(inRepo('py', '--json', 'tree', repo.path, '../../elsewhere').status).toBe(0);
  });

  it('usage mistakes exit 2 before opening anything', () => {
    expect(cli.run('def', 'main.go').status).toBe(2);
    expect(cli.run('callers').status).toBe(2);
    expect(cli.run('callees', 'x', '--depth', 'deep').status).toBe(2);
    expect(cli.run('refs', 'x', '--limit', '0').status).toBe(2);
  });
});
