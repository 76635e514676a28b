// V8 heap limits of the engine's threads. Left to itself V8 sizes a worker's heap for a machine with gigabytes to
// spare: a young generation of 48 MiB, and an old generation allowed to grow to up to 4x what survived the last full
// collection before it collects again (the factor is scaled down for heaps limited under 2 GiB: 1.3x at 256 MiB or
// less, 1.6x at 1 GiB). On the 100,000-file index that made each parse worker's heap ~200 MiB for ~25 MiB of live
// objects, and the writer's ~290 MiB. Measured: test/bench/index-memory.ts (README, "Where the memory goes").
import type { ResourceLimits } from 'node:worker_threads';

// The young generation is where a thread's short-lived garbage goes (a parsed file's nodes, a received file's
// rows); 16 MiB instead of 48 gave the same parse CPU (4,000 files, alternated runs). 32 MiB saved ~5% of a Go-tree
// index's process CPU (V8's helper threads collected less) but none on the 100,000-file tree, whose peak RSS it raised
// from 545.9 to 610.4 MiB (2026-12-06, back to back).
const YOUNG_MB = 16;

/** The writer thread: its live heap grows with the repo (the walked file list, the paths seen), so its ceiling is loose. */
export const ENGINE_HEAP_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: 1024 };

/** A parse worker holds one file's analysis at a time (~25 MiB live); one that runs out is replaced and its file is
 * prepared on the writer, so a huge file still gets indexed. */
export const PARSE_HEAP_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: 256 };
