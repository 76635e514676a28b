// The Electronegativity gate (scripts/electronegativity.mjs) fails an insecure app and an unexplained
// suppression; it passes a hardened one. Runs offline on small fixture apps.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../../helpers/fixtures.js';

const script = join(process.cwd(), 'scripts', 'electronegativity.mjs');

function gate(files: Record<string, string>): { status: number | null; output: string } {
  const dir = tempDir();
  try {
    writeTree(dir.path, files);
    copyFileSync(join(process.cwd(), 'package.json'), join(dir.path, 'package.json'));
    const run = spawnSync(process.execPath, [script], { cwd: dir.path, encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    dir.cleanup();
  }
}

const HARDENED = `// A hardened window.
import { BrowserWindow, session, shell } from 'electron';
const allowed = (url: string) => url === 'https://github.com/';
const win = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });
win.webContents.on('will-navigate', (e) => e.preventDefault());
win.webContents.setWindowOpenHandler(({ url }) => { if (allowed(url)) void shell.openExternal(url); return { action: 'deny' }; }); // eng-disable OPEN_EXTERNAL_JS_CHECK -- checked against an allowlist first
session.defaultSession.setPermissionRequestHandler((_w, _p, cb) => cb(false));
session.defaultSession.webRequest.onHeadersReceived((d, cb) => cb({ responseHeaders: { ...d.responseHeaders, 'Content-Security-Policy': ["default-src 'none'; script-src 'self'"] } }));
`;

describe('electronegativity gate', () => {
  it('passes a hardened app', () => {
    const run = gate({ 'electron/main.ts': HARDENED });
    expect(run.output).toContain('no HIGH/MEDIUM findings');
    expect(run.status).toBe(0);
  });

  it('fails an app without isolation, CSP or navigation limits, and a suppression that gives no reason', () => {
    const run = gate({
      'electron/main.ts': "// bad\nimport { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
      'electron/other.ts': HARDENED.replace(' -- checked against an allowlist first', ''),
    });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
    expect(run.output).toMatch(/MEDIUM\s+SANDBOX_JS_CHECK/);
    expect(run.output).toContain('electron/other.ts:6: eng-disable without a justification');
  });
});
