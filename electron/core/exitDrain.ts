// How long a closing Backend lets the sync send what is pending before the rest waits for the next start.
// A queue the default drain could not empty is left whole: a partial drain only delays the exit, and
// `clew index` of a big repo returned 5 s after its index was done (1.25× the index alone on the Go tree).

export const DEFAULT_EXIT_DRAIN_MS = 5000;
// What the default drain counts on sending per second: a quarter of a quiet two-core machine's rate (4,076
// vectors/s on the Go tree, `npm run bench:sync-scale`), so a drain that starts nearly always finishes.
const EXPECTED_VECTORS_PER_SEC = 1000;

/** The drain for `queued` vectors (pending rows and tombstones): the whole default when it can empty them, else none. */
export function defaultExitDrainMs(queued: number): number {
  return queued <= (DEFAULT_EXIT_DRAIN_MS / 1000) * EXPECTED_VECTORS_PER_SEC ? DEFAULT_EXIT_DRAIN_MS : 0;
}
