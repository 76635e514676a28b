// Searches cannot freeze the host: regexes that make a backtracking engine run for hours answer at
// once (RE2), every search runs on a search worker while the host keeps answering other sockets,
// and control characters in a query are refused as BAD_REQUEST. Through a real `clew serve`.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Result } from '../../shared/result.js';
import type { SearchResponse, StatusReport } from '../../shared/types.js';
import { wsProtocols } from '../../shared/wsAuth.js';
import { startServe, type ServeProcess } from '../e2e/harness.js';
import { CLI, cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

/** Real-looking code on which a backtracking engine never finishes: long snake_case names with no `;`, and a long run of `a`s. */
const PATHOLOGICAL = {
  'analytics/temperature.py': `"""Regional temperature statistics."""


def compute_weighted_average_temperature_for_region(readings, region_name):
    total_weighted_temperature_for_region = sum(r.value * r.weight for r in readings)
    return total_weighted_temperature_for_region / max(1, len(readings))
`,
  'analytics/test_padding.py': `def test_strip_padding():
    assert strip_padding("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!") == "!"
    # the padding alphabet is a single letter: a
`,
};

/** The page URL carries the token in its fragment; a client offers it as a subprotocol on the handshake. */
function connect(pageUrl: string): Promise<WebSocket> {
  const url = new URL(pageUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${url.host}/ws`, wsProtocols(token));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

let nextId = 1;
/** One request; rejects when no reply comes within `withinMs` (a frozen host never replies). */
function ask<T>(ws: WebSocket, channel: string, req: unknown, withinMs: number): Promise<{ result: Result<T>; ms: number }> {
  const id = nextId++;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${channel} got no reply within ${withinMs} ms`)), withinMs);
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as { id?: unknown; result?: Result<T> };
      if (message.id !== id || !message.result) return;
      ws.off('message', onMessage);
      clearTimeout(timer);
      resolve({ result: message.result, ms: performance.now() - started });
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, req }));
  });
}

describe('searches that would backtrack catastrophically', () => {
  const repo = tempDir('clew-repo-');
  const data = tempDir('clew-data-');
  let serve: ServeProcess;
  let searcher: WebSocket;
  let other: WebSocket;

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, { ...SAMPLE_REPO, ...PATHOLOGICAL });
    expect(cliFor(data.path).run('--no-sync', 'index', repo.path).status).toBe(0);
    serve = await startServe(data.path, ['--no-sync']);
    [searcher, other] = await Promise.all([connect(serve.url), connect(serve.url)]);
    // The search workers start with the first query; the limits below are about the queries themselves.
    expect((await ask(searcher, 'search:query', { query: 'temperature', mode: 'keyword' }, 30_000)).result.ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    searcher?.close();
    other?.close();
    await serve?.stop();
    [repo, data].forEach((d) => d.cleanup());
  });

  it('refuses NUL and other control characters in every search mode with BAD_REQUEST, never INTERNAL', async () => {
    for (const mode of ['keyword', 'hybrid', 'symbol', 'regex', 'semantic'] as const) {
      for (const query of ['parse\u0000config', '\u0000', 'a\u001bb']) {
        const { result } = await ask(searcher, 'search:query', { query, mode }, 5000);
        expect(result, `${mode} ${JSON.stringify(query)}`).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/control character U\+00(00|1B)/) } });
      }
    }
    expect((await ask(searcher, 'quickopen:query', { query: 'User\u0000' }, 5000)).result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // Tabs and line breaks are ordinary whitespace.
    expect((await ask<SearchResponse>(searcher, 'search:query', { query: 'parse\tconfig', mode: 'keyword' }, 5000)).result).toMatchObject({ ok: true });
  });

  it.each([
    ['(a+)+$', 'analytics/test_padding.py', (snippet: string) => snippet.endsWith('a')],
    ['(\\w+\\s?)*;', 'src/main/java/com/acme/web/UserController.java', (snippet: string) => snippet.includes(';')],
  ])('%s answers within a second while another client\'s status:get answers meanwhile', async (query, expectedPath, matches) => {
    const search = ask<SearchResponse>(searcher, 'search:query', { query, mode: 'regex' }, 5000);
    const status = ask<StatusReport>(other, 'status:get', {}, 5000);
    const [found, answered] = await Promise.all([search, status]);
    expect(answered.result.ok).toBe(true);
    expect(answered.ms).toBeLessThan(1000);
    expect(found.ms).toBeLessThan(1000);
    if (!found.result.ok) throw new Error(found.result.error.message);
    expect(found.result.value.results.map((r) => r.path)).toContain(expectedPath);
    expect(found.result.value.results.every((r) => matches(r.snippet))).toBe(true);
  });

  it('the CLI answers `clew search \'(\\w+\\s?)*;\' --mode regex` promptly', () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, '--data-dir', data.path, '--no-sync', 'search', '(\\w+\\s?)*;', '--mode', 'regex'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('UserController.java');
    // A process start, an index open and one worker: seconds at worst on a busy machine, never the hours a backtracking engine takes.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
