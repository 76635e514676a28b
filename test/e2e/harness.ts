// E2E harness: the real `clew serve` (built CLI, real Backend, SQLite and Chroma sidecar) and
// Debian's Chromium driven by playwright-core. Every console error, page error and CSP violation
// is collected so a test can fail on any.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface ServeProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  stop(): Promise<void>;
}

/** Spawns `clew serve --port 0` and resolves with the URL from its first stdout line. */
export function startServe(dataDir: string, extra: string[] = []): Promise<ServeProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`clew serve printed no URL in 60 s\n${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`clew serve exited with ${code}\n${stderr}`)));
    lines.once('line', (url) => {
      clearTimeout(timer);
      resolve({
        url,
        child,
        stderr: () => stderr,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Launches Chromium at 1280x800 and opens `url` (or a blank page when none is given). */
export async function openBrowser(url: string | null, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__clewCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    // Runs in the page; typed structurally so this file needs no DOM typings (the bench imports it).
    const win = globalThis as unknown as {
      document: { addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) => void): void };
      __clewCspViolation(text: string): void;
    };
    win.document.addEventListener('securitypolicyviolation', (e) => {
      win.__clewCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  if (url) await page.goto(url);
  return { browser, context, page, problems, close: () => browser.close() };
}
