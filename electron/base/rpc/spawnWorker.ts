// Starts a worker thread from its bundle beside this bundle in dist/, or from TypeScript source
// (tests, tsx) by registering tsx inside the worker first (Node 20 does not pass loader hooks to workers).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { WorkerEntry } from './workerTable.js';

/** This file's folder is electron/base/rpc/ in source; sources in the table are relative to the root. */
const REPO_ROOT = '../../../';

export function spawnWorker(entry: WorkerEntry, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits && { resourceLimits }) };
  // Every bundle lands flat in dist/, so a bundle's sibling is found beside whichever bundle runs this.
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${entry.bundle}.js`, import.meta.url), options);
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const source = new URL(REPO_ROOT + entry.source, import.meta.url).href;
  // A failure to start is left unhandled so it reaches the parent as the Worker's 'error' event, as it does from a bundle.
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, ...options });
}
