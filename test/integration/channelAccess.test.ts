// The access the contract declares for each verb is what the Backend does: a read-only Backend (what a
// reading `clew` command opens) answers every read verb and refuses every write verb; the CLI opens
// the writer exactly for commands that invoke a write verb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli.js';
import { Backend } from '../../electron/core/backend.js';
import { CHANNELS, INVOKE_CHANNELS, type InvokeChannel, READ_CHANNELS, type Req, WRITE_CHANNELS } from '../../shared/contract.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('declared access', () => {
  const repo = tempDir('clew-repo-');
  const data = tempDir('clew-data-');
  let noteId = 0;

  beforeAll(async () => {
    writeTree(repo.path, SAMPLE_REPO);
    const writer = openWriter(data.path);
    await call(writer, 'repo:index', { path: repo.path });
    noteId = (await call(writer, 'note:add', { fqn: 'app/server:OrderService', text: 'kept' })).id;
    await writer.close();
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  // A valid request for every verb, so each reaches its handler.
  const sample = (): { [C in InvokeChannel]: Req<C> } => ({
    'repo:index': { path: repo.path },
    'repo:list': {},
    'search:query': { query: 'OrderService', mode: 'keyword' },
    'symbols:list': { repo: repo.path },
    'entrypoints:list': { repo: repo.path },
    'deps:list': { repo: repo.path },
    'deps:symbol': { repo: repo.path, fqn: 'app/server:OrderService' },
    'note:add': { fqn: 'app/server:OrderService', text: 'x' },
    'note:list': {},
    'status:get': {},
    'sync:repair': { dryRun: true },
    'sync:failed': {},
    'sync:retry': {},
    'sync:wait': { timeoutMs: 0 },
    'repo:remove': { repo: repo.path },
    'repo:issues': { repo: repo.path },
    'file:read': { repo: repo.path, path: 'app/server.ts' },
    'file:outline': { repo: repo.path, path: 'app/server.ts' },
    'quickopen:query': { query: 'server' },
    'note:update': { id: noteId, text: 'changed' },
    'note:delete': { id: noteId },
    'settings:get': {},
    'settings:set': { watch: false },
    'repo:watch': { repo: repo.path, on: false },
    'repo:pause': { repo: repo.path },
    'repo:resume': { repo: repo.path },
    'repo:cancel': { repo: repo.path },
    'sync:pause': {},
    'sync:resume': {},
    'nav:def': { repo: repo.path, path: 'app/server.ts', line: 1, column: 1 },
    'nav:refs': { repo: repo.path, fqn: 'app/server:OrderService' },
    'nav:callers': { repo: repo.path, fqn: 'app/server:OrderService' },
    'nav:callees': { repo: repo.path, fqn: 'app/server:OrderService' },
    'nav:flow': { repo: repo.path, entry: '1' },
    'nav:tree': { repo: repo.path },
    'models:list': {},
    'models:download': { id: 'no-such-model' },
    'models:cancel': { id: 'potion-code-16m' },
    'models:use': { id: 'hash' },
  });

  it('a read-only Backend answers every read verb and refuses every write verb with READ_ONLY', async () => {
    expect(Object.keys(SAMPLE_REPO)).toContain('app/server.ts');
    const reader = Backend.open({ dataDir: data.path, write: false, command: 'test' });
    try {
      const requests = sample();
      const answers = new Map<InvokeChannel, Awaited<ReturnType<Backend['invoke']>>>();
      for (const channel of INVOKE_CHANNELS) answers.set(channel, await reader.invoke(channel, requests[channel]));
      for (const channel of READ_CHANNELS) expect(answers.get(channel), channel).toMatchObject({ ok: true });
      for (const channel of WRITE_CHANNELS) expect(answers.get(channel), channel).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    } finally {
      await reader.close();
    }
    // Nothing was written: the note is as it was.
    const writer = openWriter(data.path);
    try {
      expect((await call(writer, 'note:list', {})).map((n) => n.text)).toEqual(['kept']);
    } finally {
      await writer.close();
    }
  });

  it('the CLI opens the writer only for commands that invoke a write verb', async () => {
    expect(CHANNELS['note:add'].access).toBe('write');
    const holder = openWriter(data.path, { command: 'the test holding the lock' });
    const run = async (...args: string[]): Promise<{ code: number; err: string }> => {
      let err = '';
      const code = await runCli(['--data-dir', data.path, ...args], { out: () => undefined, err: (t) => { err += t; } });
      return { code, err };
    };
    try {
      for (const args of [['status'], ['search', 'OrderService'], ['symbols', repo.path], ['entrypoints', repo.path], ['deps', repo.path], ['note', 'list']]) {
        const r = await run(...args);
        expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
      }
      for (const args of [['note', 'add', 'app/server:OrderService', 'x'], ['search', 'OrderService', '--mode', 'semantic'], ['pause', repo.path], ['resume', '--sync'], ['watch', repo.path, 'off'], ['repair'], ['index', repo.path]]) {
        const r = await run(...args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.err, args.join(' ')).toContain('the test holding the lock');
      }
    } finally {
      await holder.close();
    }
  });
});
