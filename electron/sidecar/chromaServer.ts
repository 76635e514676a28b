// Child-process entry: runs the Chroma server from the pinned native bindings. The binding's `cli`
// blocks this process's main thread for the server's lifetime, which is why it runs in its own
// process. Loaded directly (not through chromadb's CLI wrapper, which rejects Windows x64).
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bindingPackage } from './bindingPackage.js';
import { VECTOR_SERVER_NICENESS } from './serverPriority.js';

interface ChromaBinding {
  cli(args: string[]): void;
}

// First, before the server's threads exist: on Linux a thread's priority is its own, and threads inherit it from the
// one that starts them (this one). Lowering it never needs a privilege; where it still fails, the server runs as it is.
try {
  setPriority(VECTOR_SERVER_NICENESS);
} catch {
  // Unchanged priority: searches share the cores with the sync as before.
}

// The main thread is about to block, so a watchdog thread ends the server if Clew dies without
// stopping it (a crash or SIGKILL), instead of leaving a second writer on the Chroma directory.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  let parentAlive = process.ppid === workerData.ppid;
  if (parentAlive) { try { process.kill(workerData.ppid, 0); } catch { parentAlive = false; } }
  if (!parentAlive) process.kill(process.pid, 'SIGKILL');
}, 500);`;
new Worker(WATCHDOG, { eval: true, workerData: { ppid: process.ppid } }).unref();

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
let binding: ChromaBinding;
try {
  binding = require(bindingPackage(process.platform, process.arch)) as ChromaBinding;
} catch (e) {
  process.stderr.write(`clew: cannot load the Chroma server bindings: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
}
// No JS signal handlers: the binding blocks this thread, so SIGTERM must keep its default action.
binding.cli(['chroma', 'run', ...args]);
