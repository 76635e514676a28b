// Fuzz of the WebSocket API through the real `clew serve` process: random and mutated valid
// messages for every invoke channel, plus broken frames, for a bounded time. No reply may be
// INTERNAL, every request is answered in time, the host never crashes and still answers status:get.
// A failure prints the seed; CLEW_FUZZ_SEED=<seed> replays the same messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../shared/contract.js';
import { wsProtocols } from '../../shared/wsAuth.js';
import { type ServeProcess, startServe } from '../e2e/harness.js';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { mutate, randomValue, seededRandom } from '../helpers/fuzz.js';

const BUDGET_MS = 30_000;
const MAX_MESSAGES = 4000;
const IN_FLIGHT = 16;
const REPLY_LIMIT_MS = 20_000;

interface Reply { id: unknown; result?: { ok: boolean; error?: { code: string; message: string } } }

/** One valid request per channel; every channel must have one (the type says so). */
function validRequests(repoPath: string): { [C in InvokeChannel]: Array<Record<string, unknown>> } {
  return {
    'repo:index': [{ path: repoPath }, { path: repoPath, maxFileBytes: 4096 }],
    'repo:list': [{}],
    'search:query': [{ query: 'parse config' }, { query: 'hello', mode: 'symbol', limit: 5 }, { query: '(a+)+$', mode: 'regex' }, { query: 'say hello', mode: 'hybrid', lang: 'python', path: '**/*.py' }, { query: 'user', mode: 'semantic' }],
    'symbols:list': [{ repo: '1' }, { repo: repoPath, kind: 'class', limit: 10 }],
    'entrypoints:list': [{ repo: '1' }, { repo: '1', kind: 'http' }],
    'deps:list': [{ repo: '1' }, { repo: '1', symbol: 'com.acme.App' }],
    'deps:symbol': [{ repo: '1', fqn: 'com.acme.App' }],
    'note:add': [{ fqn: 'py.app.hello', text: 'fuzzed note' }, { fqn: 'com.acme.App', text: 'x', repo: '1' }],
    'note:list': [{}, { repo: '1' }],
    'status:get': [{}],
    'sync:repair': [{}, { dryRun: true }],
    'sync:failed': [{}, { limit: 5 }],
    'sync:retry': [{}],
    'sync:wait': [{ timeoutMs: 10 }],
    'repo:remove': [{ repo: 'no-such-repo' }],
    'repo:issues': [{ repo: '1' }],
    'file:read': [{ repo: '1', path: 'py/app.py' }, { repo: '1', path: '../outside' }],
    'file:outline': [{ repo: '1', path: 'py/app.py' }],
    'quickopen:query': [{ query: 'app' }, { query: 'ctrl', repo: '1', limit: 3 }],
    'note:update': [{ id: 1, text: 'edited by the fuzzer' }],
    'note:delete': [{ id: 999_999 }],
    'settings:get': [{}],
    'settings:set': [{ maxFileBytes: 65536 }, { extraIgnores: ['*.log'] }, { languages: null }, { watch: true }, { embedder: { kind: 'hash' } }],
    'repo:watch': [{ repo: '1', on: true }],
    'repo:pause': [{ repo: '1' }],
    'repo:resume': [{ repo: '1' }],
    'repo:cancel': [{ repo: '1' }],
    'sync:pause': [{}],
    'sync:resume': [{}],
    'nav:def': [{ repo: '1', path: 'py/app.py', line: 1, column: 5 }, { repo: '1', path: 'py/app.py', line: 99_999, column: 1 }],
    'nav:refs': [{ repo: '1', fqn: 'py.app.hello' }, { repo: '1', position: { repo: '1', path: 'py/app.py', line: 1, column: 5 }, limit: 5 }],
    'nav:callers': [{ repo: '1', fqn: 'py.app.hello', depth: 3 }],
    'nav:callees': [{ repo: '1', fqn: 'com.acme.App', depth: 100 }],
    'nav:flow': [{ repo: '1', entry: '1' }, { repo: '1', entry: 'GET /hello' }],
    'nav:tree': [{ repo: '1' }, { repo: '1', path: 'py' }],
    'models:list': [{}],
    'models:download': [{ id: 'no-such-model' }],
    'models:cancel': [{ id: 'potion-code-16m' }],
    'models:use': [{ id: 'hash' }, { id: 'no-such-model' }],
  };
}

describe('WebSocket API fuzz (clew serve)', () => {
  const repo = tempDir('clew-wsfuzz-repo-');
  const data = tempDir('clew-wsfuzz-data-');
  let serve: ServeProcess;
  let socket: WebSocket;
  const pending = new Map<number, { frame: string; resolve: (reply: Reply) => void }>();
  const stray: Reply[] = [];

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    const cli = cliFor(data.path);
    cli.json('--no-sync', 'index', repo.path);
    cli.json('--no-sync', 'note', 'add', 'py.app.hello', 'a note to edit');
    serve = await startServe(data.path, ['--no-sync']);
    const { port, hash } = new URL(serve.url);
    socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, wsProtocols(new URLSearchParams(hash.slice(1)).get('token') ?? ''));
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as Reply & { event?: string };
      if (message.event) return;
      const waiter = typeof message.id === 'number' ? pending.get(message.id) : undefined;
      if (waiter) {
        pending.delete(message.id as number);
        waiter.resolve(message);
      } else stray.push(message);
    });
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await serve?.stop();
    [repo, data].forEach((d) => d.cleanup());
  }, 60_000);

  it('answers thousands of random and mutated messages without INTERNAL, crash or hang', async () => {
    const r = seededRandom();
    const valid = validRequests(repo.path);
    const failures: string[] = [];
    let nextId = 1;
    let sent = 0;
    const channelsSent = new Set<string>();
    const send = (frame: string, id: number | null): Promise<void> => {
      sent++;
      if (id === null) {
        socket.send(frame);
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          failures.push(`no reply within ${REPLY_LIMIT_MS} ms to ${frame.slice(0, 300)}`);
          resolve();
        }, REPLY_LIMIT_MS);
        pending.set(id, {
          frame,
          resolve: (reply) => {
            clearTimeout(timer);
            if (!reply.result || (reply.result.ok === false && reply.result.error?.code === 'INTERNAL')) failures.push(`${JSON.stringify(reply.result)} for ${frame.slice(0, 300)}`);
            resolve();
          },
        });
        socket.send(frame);
      });
    };
    const one = (): Promise<void> => {
      const id = nextId++;
      const roll = r.next();
      if (roll < 0.04) return send(r.pick(['{', '[]', 'null', '"x"', '{"id":', JSON.stringify({ id: r.string(80), channel: 'repo:list' }), JSON.stringify({ channel: 'repo:list', req: {} }), r.string(40)]), null);
      const channel = roll < 0.08 ? r.pick(['shell:exec', '', 'REPO:LIST', 'repo:list ', r.string(10)]) : r.pick(INVOKE_CHANNELS);
      const samples = (valid as Record<string, Array<Record<string, unknown>>>)[channel] ?? [{}];
      const req = r.chance(0.25) ? r.pick(samples) : r.chance(0.1) ? randomValue(r) : mutate(r, r.pick(samples));
      channelsSent.add(channel);
      return send(JSON.stringify(r.chance(0.03) ? { id, channel } : { id, channel, req }), id);
    };

    // A run in progress when a `repo:pause` came waits for a resume, as a person's pause means: once sending ends,
    // resume what the fuzzer paused, or an index request answered only after a resume reads as a hang.
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      for (const [channel, req] of [['repo:resume', { repo: '1' }], ['sync:resume', {}]] as const) socket.send(JSON.stringify({ id: nextId++, channel, req }));
    };
    const started = Date.now();
    const workers = Array.from({ length: IN_FLIGHT }, async () => {
      while (sent < MAX_MESSAGES && Date.now() - started < BUDGET_MS && serve.child.exitCode === null) await one();
      release();
    });
    await Promise.all(workers);
    console.log(`ws fuzz seed ${r.seed}: ${sent} messages in ${Date.now() - started} ms`);

    expect(serve.child.exitCode, `clew serve exited (seed ${r.seed})\n${serve.stderr()}`).toBeNull();
    for (const channel of INVOKE_CHANNELS) expect(channelsSent.has(channel), `${channel} was never sent (seed ${r.seed})`).toBe(true);
    expect(stray.filter((reply) => reply.result?.error?.code === 'INTERNAL'), `seed ${r.seed}`).toEqual([]);
    expect(failures.slice(0, 10), `seed ${r.seed} (CLEW_FUZZ_SEED=${r.seed} replays it)`).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    // Still serving.
    const status = await new Promise<Reply>((resolve) => {
      pending.set(nextId, { frame: 'status', resolve });
      socket.send(JSON.stringify({ id: nextId, channel: 'status:get', req: {} }));
    });
    expect(status.result?.ok, `seed ${r.seed}`).toBe(true);
  }, 120_000);
});
