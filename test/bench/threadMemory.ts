// Reads the per-thread memory trace (electron/base/rpc/memoryTrace.ts) the bench asked the workers for, and sums
// the latest line of each live thread by kind: the engine (writer), the parse workers, the sync thread.
import { readFileSync } from 'node:fs';
import { MEMORY_TRACE_PREFIX } from '../../electron/base/rpc/memoryTrace.js';

interface ThreadLine {
  atMs: number;
  kind: string;
  figures: Record<string, number>;
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);

/** Turns tracing on for the threads started from now on; their lines go to `file`. */
export function startThreadTrace(file: string, everyMs: number): void {
  process.env.CLEW_MEMORY_TRACE = String(everyMs);
  process.env.CLEW_MEMORY_TRACE_FILE = file;
}

/** The latest line of each thread that wrote within `freshMs` of the newest line. */
export function latestByThread(file: string, freshMs: number): ThreadLine[] {
  const latest = new Map<string, ThreadLine>();
  let newest = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [prefix, at, thread, ...parts] = line.split(' ');
    if (prefix !== MEMORY_TRACE_PREFIX || !thread) continue;
    const figures = Object.fromEntries(parts.map((p) => p.split('=')).map(([k, v]) => [k ?? '', Number(v)]));
    const atMs = Number(at);
    newest = Math.max(newest, atMs);
    latest.set(thread, { atMs, kind: thread.replace(/#\d+$/, ''), figures });
  }
  return [...latest.values()].filter((t) => t.atMs >= newest - freshMs);
}

/** One line: each kind's threads, V8 heap total (used) in MiB, and the parse workers' tree-sitter heaps. */
export function describeThreads(threads: readonly ThreadLine[]): string {
  const kinds = new Map<string, ThreadLine[]>();
  for (const t of threads) kinds.set(t.kind, [...(kinds.get(t.kind) ?? []), t]);
  const sum = (ts: readonly ThreadLine[], k: string): number => ts.reduce((s, t) => s + (t.figures[k] ?? 0), 0);
  return [...kinds.entries()].map(([kind, ts]) => {
    const wasm = sum(ts, 'wasm');
    return `${kind}×${ts.length} heap ${mib(sum(ts, 'heapTotal'))} (${mib(sum(ts, 'heapUsed'))} used, ext ${mib(sum(ts, 'external'))}, malloced ${mib(sum(ts, 'malloced'))})${wasm ? ` wasm ${mib(wasm)}` : ''}`;
  }).join('; ');
}
