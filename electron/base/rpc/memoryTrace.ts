// A debug trace of one thread's memory: with CLEW_MEMORY_TRACE=<ms> set, every thread that calls this appends a line
// every <ms> with its V8 heap (and what the caller adds, e.g. a parse worker's tree-sitter heap) to the file
// CLEW_MEMORY_TRACE_FILE names, or to stderr. The process's RSS says nothing of which thread holds it; the memory
// bench reads these lines (test/bench/threadMemory.ts).
import { closeSync, openSync, writeSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';

/** The trace line's prefix; every figure after it is `name=bytes`. */
export const MEMORY_TRACE_PREFIX = 'clew-memory';

export function traceMemory(thread: string, extra: () => Record<string, number> = () => ({})): void {
  const everyMs = Number(process.env.CLEW_MEMORY_TRACE ?? 0);
  if (!(everyMs > 0)) return;
  const file = process.env.CLEW_MEMORY_TRACE_FILE;
  // Each line is one write to an O_APPEND file, so the threads' lines never interleave.
  const fd = file ? openSync(file, 'a') : 2;
  if (file) process.once('exit', () => closeSync(fd));
  const timer = setInterval(() => {
    const heap = getHeapStatistics();
    const usage = process.memoryUsage();
    const figures: Record<string, number> = {
      heapTotal: heap.total_heap_size, heapUsed: heap.used_heap_size, external: heap.external_memory, malloced: heap.malloced_memory,
      arrayBuffers: usage.arrayBuffers, heapLimit: heap.heap_size_limit, ...extra(),
    };
    const parts = Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ');
    writeSync(fd, `${MEMORY_TRACE_PREFIX} ${Date.now()} ${thread}#${threadId} ${parts}\n`);
  }, everyMs);
  timer.unref();
}
