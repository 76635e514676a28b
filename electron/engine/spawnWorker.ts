// Starts a worker thread from its bundled file, or from TypeScript source (tests, tsx) by
// registering tsx inside the worker first (Node 20 does not pass loader hooks to workers).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * @param from import.meta.url of the caller
 * @param sourceEntry the worker's .ts path relative to the caller's source file
 * @param bundleEntry the worker's bundle name beside dist/cli.js
 */
export function spawnWorker(from: string, sourceEntry: string, bundleEntry: string, workerData: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${bundleEntry}`, from), { workerData });
  const tsxApi = pathToFileURL(join(dirname(createRequire(from).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL(sourceEntry, from).href;
  // A failure to start is left unhandled so it reaches the parent as the Worker's 'error' event, as it does from a bundle.
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
