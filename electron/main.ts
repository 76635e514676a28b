// Electron entry, kept thin: hands Electron's objects to the shell (app/boot.ts), which boots in
// order (single instance → app:// + CSP → Backend → IPC → window) and shuts down in reverse.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, utilityProcess } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backend } from './core/backend.js';
import { defaultDataDir } from './core/dataDir.js';
import { startShell } from './app/boot.js';
import { createUtilityLauncher } from './app/utilityLauncher.js';

// dist/main.js sits next to dist/preload.cjs, with dist-renderer/ beside dist/ (in the asar too).
const here = fileURLToPath(new URL('.', import.meta.url));

startShell(
  { app, protocol, session, ipcMain, dialog, shell, BrowserWindow },
  {
    // Same folder as the CLI (honours CLEW_DATA_DIR); equals userData in the packaged app.
    dataDir: defaultDataDir(),
    rendererDir: join(here, '..', 'dist-renderer'),
    preload: join(here, 'preload.cjs'),
    readFile,
    // The Chroma server runs in a utility process: run-as-node is fused off in the packaged app.
    openBackend: (dataDir) => Backend.open({ dataDir, write: true, command: 'Clew desktop app', watch: true, launcher: createUtilityLauncher(utilityProcess.fork, (pid, signal) => process.kill(pid, signal)) }),
  },
);
