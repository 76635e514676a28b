// A parse worker: prepares files (read, hash, parse) so the writer thread only writes.
import { parentPort } from 'node:worker_threads';
import { prepareFile, type PrepareRequest } from './prepareFile.js';

const port = parentPort;
if (!port) throw new Error('parse worker must run in a worker thread');

port.on('message', (message: { id: number; request: PrepareRequest }) => {
  prepareFile(message.request).then(
    (result) => port.postMessage({ id: message.id, result }),
    (e: unknown) => port.postMessage({ id: message.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
