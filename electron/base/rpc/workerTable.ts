// Every worker thread's entry source and bundle name, in one table (workers.json) that the build
// (scripts/build.mjs) and the spawn code both read, so the two cannot drift apart.
import table from './workers.json' with { type: 'json' };

export interface WorkerEntry {
  /** The worker's TypeScript entry, relative to the repository root. */
  source: string;
  /** Its bundle's name in dist/, without `.js`. */
  bundle: string;
}

export type WorkerName = keyof typeof table;

export const WORKERS: Readonly<Record<WorkerName, WorkerEntry>> = table;
