// Readers never take the writer lock: while `clew serve` (a real writer process with its Chroma
// sidecar) holds it, CLI semantic and hybrid searches use its vector server, and `clew status` reports
// that server as ready. With no server answering, semantic fails fast with UNAVAILABLE, hybrid answers
// from keyword at once and says so. With no writer at all, a reader starts a short-lived server.
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFile } from '../../electron/core/dataDir.js';
import { serverAddressFile } from '../../electron/sidecar/serverAddress.js';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { isAlive, waitFor } from '../helpers/chroma.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../e2e/harness.js';

interface Search { results: Array<{ symbol: string | null }>; notice?: string }
interface Status { vectorStore: { state: string; pid: number | null; url: string | null } }

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('CLI readers while a writer runs', () => {
  const repo = tempDir('clew-readers-repo-');
  const data = tempDir('clew-readers-data-');
  const { run, json } = cliFor(data.path);
  let serve: ServeProcess | undefined;
  const timed = <T>(f: () => T): { value: T; ms: number } => {
    const started = Date.now();
    const value = f();
    return { value, ms: Date.now() - started };
  };

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    json('index', repo.path, '--wait-sync');
    serve = await startServe(data.path);
    await waitFor('the writer to publish its vector server', () => existsSync(serverAddressFile(data.path)), 60_000);
  }, 180_000);
  afterAll(async () => {
    await serve?.stop();
    [repo, data].forEach((d) => d.cleanup());
  }, 60_000);

  it('semantic and hybrid answer from the writer\'s server while it holds the lock', () => {
    expect(JSON.parse(readFileSync(lockFile(data.path), 'utf8'))).toMatchObject({ pid: serve?.child.pid });
    const semantic = timed(() => json<Search>('search', 'say', 'hello', '--mode', 'semantic', '--limit', '3'));
    expect(semantic.value.results.map((r) => r.symbol)).toContain('py.app.hello');
    const hybrid = json<Search>('search', 'load settings', '--mode', 'hybrid');
    expect(hybrid.results[0]?.symbol).toBe('py.app.load_settings');
    expect(hybrid.notice).toBeUndefined();
    console.log(`CLI semantic query against the running writer's server: ${semantic.ms} ms`);
  }, 60_000);

  it('status from a second process reports the writer\'s vector server as ready', () => {
    const status = json<Status>('status');
    const address = JSON.parse(readFileSync(serverAddressFile(data.path), 'utf8')) as { url: string; pid: number };
    expect(status.vectorStore).toMatchObject({ state: 'ready', url: address.url, pid: address.pid });
    expect(isAlive(address.pid)).toBe(true);
  });

  it('with no server answering: semantic fails with UNAVAILABLE within 2 s, hybrid answers from keyword and says so', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const semantic = timed(() => run('--json', '--chroma-url', dead, 'search', 'say hello', '--mode', 'semantic'));
    expect(semantic.value.status, semantic.value.stderr).toBe(1);
    expect(JSON.parse(semantic.value.stdout)).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    expect(semantic.ms).toBeLessThan(2000 + 1500);
    const hybrid = timed(() => json<Search>('--chroma-url', dead, 'search', 'load settings', '--mode', 'hybrid'));
    expect(hybrid.value.notice).toMatch(/keyword results only/);
    expect(hybrid.value.results.length).toBeGreaterThan(0);
    const keyword = timed(() => json<Search>('--chroma-url', dead, 'search', 'load settings', '--mode', 'keyword'));
    expect(keyword.value.results.length).toBeGreaterThan(0);
    console.log(`unreachable server: semantic failed in ${semantic.ms} ms, hybrid answered in ${hybrid.ms} ms, keyword in ${keyword.ms} ms (each a whole CLI process)`);
    expect(hybrid.ms).toBeLessThan(2000 + 1500);
    expect(keyword.ms).toBeLessThan(2000);
  }, 30_000);

  it('with no writer, a reader starts a short-lived server of its own and leaves no lock behind', async () => {
    await serve?.stop();
    serve = undefined;
    expect(existsSync(lockFile(data.path))).toBe(false);
    expect(existsSync(serverAddressFile(data.path))).toBe(false);
    const semantic = json<Search>('search', 'say', 'hello', '--mode', 'semantic', '--limit', '3');
    expect(semantic.results.map((r) => r.symbol)).toContain('py.app.hello');
    expect(existsSync(lockFile(data.path))).toBe(false);
  }, 90_000);
});
