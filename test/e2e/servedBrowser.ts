// The life every e2e file shares: a repo and a data dir, `clew serve` on them, one Chromium page;
// each test ends with no console error, page error or CSP violation, and a failed one leaves a screenshot.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { type BrowserSession, openBrowser, type ServeProcess, startServe } from './harness.js';
import { screenshot } from './screens.js';

export interface ServedBrowser {
  repo: { path: string; cleanup: () => void };
  data: { path: string; cleanup: () => void };
  page(): Page;
  serve(): ServeProcess;
}

/**
 * Registers the hooks; call inside `describe`. `prepare` fills the dirs before the server starts and
 * returns extra `clew serve` arguments.
 */
export function servedBrowser(prefix: string, prepare: (dirs: { repo: string; data: string }) => Promise<string[]> | string[]): ServedBrowser {
  const repo = tempDir(`${prefix}-repo-`);
  const data = tempDir(`${prefix}-data-`);
  let serve: ServeProcess | undefined;
  let session: BrowserSession | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} did not start`);
    return value;
  };

  beforeAll(async () => {
    serve = await startServe(data.path, await prepare({ repo: repo.path, data: data.path }));
    session = await openBrowser(serve.url);
  }, 120_000);

  afterEach(async (context) => {
    const open = started(session, 'the browser');
    if (context.task.result?.state === 'fail') await screenshot(open.page, `failed-${context.task.name.replace(/\W+/g, '-')}`);
    expect(open.problems, 'console errors, page errors or CSP violations').toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    await serve?.stop();
    repo.cleanup();
    data.cleanup();
  }, 60_000);

  return { repo, data, page: () => started(session, 'the browser').page, serve: () => started(serve, 'clew serve') };
}
