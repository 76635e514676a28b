// The `clew serve` token must reach no other service on this machine: real Chromium opens the printed
// URL, uses the UI, then visits another local HTTP server (another port, both host names); that
// server sees no cookie, header or URL carrying the token. A reload still works (the tab keeps it).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { type BrowserSession, CHROMIUM, hasChromium, openBrowser, type ServeProcess, startServe } from './harness.js';

if (!hasChromium) console.warn(`e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

interface Seen { url: string; headers: IncomingHttpHeaders }

describe.skipIf(!hasChromium)('the clew serve token stays with clew serve', () => {
  const repo = tempDir('clew-leak-repo-');
  const data = tempDir('clew-leak-data-');
  const seen: Seen[] = [];
  let bystander: Server;
  let bystanderPort = 0;
  let serve: ServeProcess;
  let session: BrowserSession;
  const token = (): string => {
    const url = new URL(serve.url);
    const found = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
    if (!found) throw new Error(`no token in ${serve.url}`);
    return found;
  };

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    bystander = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      // Asks the browser to come back with whatever it would send here.
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>bystander</title><img src="/pixel.png">');
    });
    await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
    bystanderPort = (bystander.address() as AddressInfo).port;
    serve = await startServe(data.path, ['--no-sync']);
    session = await openBrowser(serve.url);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await serve?.stop();
    await new Promise<void>((resolve) => bystander.close(() => resolve()));
    [repo, data].forEach((d) => d.cleanup());
  }, 60_000);

  const addRepo = async (): Promise<void> => {
    await session.page.fill('[data-testid=repo-path]', repo.path);
    await session.page.click('[data-testid=repo-add]');
    await session.page.locator(`[data-testid=repo][data-path="${repo.path}"]`).waitFor({ timeout: 60_000 });
  };

  it('the page works over the socket, and the token leaves the address bar and sets no cookie', async () => {
    await addRepo();
    expect(session.page.url()).not.toContain(token());
    expect(await session.context.cookies()).toEqual([]);
  }, 90_000);

  it('another local server on another port receives no token, by either host name', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      await session.page.goto(`http://${host}:${bystanderPort}/probe`);
      await session.page.waitForLoadState('load');
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const request of seen) {
      expect(request.url).not.toContain(token());
      expect(JSON.stringify(request.headers)).not.toContain(token());
      expect(request.headers.cookie).toBeUndefined();
    }
  }, 60_000);

  it('coming back without the fragment still connects (the tab keeps the token in memory storage)', async () => {
    const bare = new URL(serve.url);
    bare.hash = '';
    await session.page.goto(bare.toString());
    await session.page.locator(`[data-testid=repo][data-path="${repo.path}"]`).waitFor({ timeout: 30_000 });
    expect(await session.page.locator('text=Lost the connection').count()).toBe(0);
  }, 60_000);
});
