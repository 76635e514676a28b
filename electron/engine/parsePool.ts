// The parse workers (see base/rpc/pool.ts): kept warm between runs (the engine starts them with itself,
// and each loads the grammars runs have needed), so adding a repo never waits for a worker to start.
// A worker whose tree-sitter heap grew large (it never shrinks) or that prepared many files is replaced
// by a fresh one after its answer, so memory stays flat over a big tree. A pool left idle keeps one worker (a fresh
// one after a big run) and ends the others, whose heaps a big run grew; it grows back when a run hands it more files than it has workers.
// A worker that dies fails only its own requests.
import type { ResourceLimits } from 'node:worker_threads';
import type { Language } from '../../shared/types.js';
import { RpcPool } from '../base/rpc/pool.js';
import type { RpcClient } from '../base/rpc/client.js';
import { WORKERS } from '../base/rpc/workerTable.js';
import type { Prepared, PrepareRequest } from './prepareFile.js';
import { PARSE_HEAP_LIMITS } from './heapLimits.js';

export interface PreparedBy {
  /** Its occurrence rows are an Int32Array, which the copy between threads takes as one block. */
  prepared: Prepared;
  /** The answering worker's tree-sitter heap and how many files it has prepared. */
  heapBytes: number;
  files: number;
}

export interface ParseProtocol {
  prepare: { req: PrepareRequest; res: PreparedBy };
  /** Loads these languages' grammars and queries and runs their code once (compiled before the first real file). */
  warm: { req: { languages: Language[] }; res: null };
}

export interface RecycleLimits {
  /** A worker whose tree-sitter heap passed this is replaced. */
  heapBytes: number;
  /** A worker that prepared this many files is replaced (its caches and V8 heap start afresh). */
  files: number;
}

// The heap starts at 32 MiB and stays there on ordinary code (3,600 Go files: 32 MiB, V8 heap flat too); a
// 1.7 MB file takes it to 46 MiB, very large ones (a raised maxFileBytes) far past it, and it never shrinks.
// The file count is only a backstop.
export const DEFAULT_RECYCLE: RecycleLimits = { heapBytes: 128 * 1024 * 1024, files: 50_000 };

export interface IdleRelease {
  /** After this long without a file to prepare, the pool shrinks to `keep` workers. */
  afterMs: number;
  keep: number;
  /** The kept workers are replaced by fresh ones too when the pool prepared this many files since it last shrank. */
  renewAfterFiles: number;
}

// A fresh worker with its grammars loaded holds about half of what one holds after a big run (V8 heap ~35 vs ~90 MiB,
// plus the tree-sitter heap); a watched save every few seconds keeps the pool as it is.
export const DEFAULT_IDLE: IdleRelease = { afterMs: 20_000, keep: 1, renewAfterFiles: 1_000 };

export class ParsePool {
  private readonly languages = new Set<Language>();
  private readonly pool: RpcPool<ParseProtocol>;
  /** Workers started so far (the first ones and their successors) and files they prepared: tests and benches read them. */
  spawned = 0;
  prepared = 0;
  /** Times the idle pool shrank. */
  released = 0;
  private preparing = 0;
  private preparedSinceRelease = 0;
  private lastUsed = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(readonly size: number, private readonly limits: RecycleLimits = DEFAULT_RECYCLE, private readonly idle: IdleRelease = DEFAULT_IDLE,
    heapLimits: ResourceLimits = PARSE_HEAP_LIMITS) {
    this.pool = new RpcPool<ParseProtocol>(WORKERS.parse, size, { name: 'parse', resourceLimits: heapLimits, onSpawn: (client) => this.started(client) });
  }

  /** Workers the pool has now (fewer than `size` while it is shrunk). */
  get workers(): number {
    return this.pool.workers;
  }

  private started(client: RpcClient<ParseProtocol>): void {
    this.spawned++;
    // A successor is warmed with every language needed so far before its first file.
    if (this.languages.size > 0) void client.call('warm', { languages: [...this.languages] }).catch(() => undefined);
  }

  /** Every worker loads these languages (once each); later workers load them when they start. */
  async warm(languages: Iterable<Language>): Promise<void> {
    const fresh = [...languages].filter((l) => !this.languages.has(l));
    if (fresh.length === 0) return;
    for (const language of fresh) this.languages.add(language);
    await this.pool.each('warm', { languages: fresh });
  }

  async prepare(request: PrepareRequest): Promise<Prepared> {
    this.preparing++;
    // More files in hand than workers: a run, not a watched save; the shrunk pool starts its other workers again.
    if (this.preparing > this.pool.workers) this.pool.grow();
    try {
      const answer = await this.pool.callRetiring('prepare', request, (a) => a.heapBytes > this.limits.heapBytes || a.files >= this.limits.files);
      this.prepared++;
      this.preparedSinceRelease++;
      return answer.prepared;
    } finally {
      this.preparing--;
      this.lastUsed = performance.now();
      this.idleTimer ??= this.idleCheckIn(this.idle.afterMs);
    }
  }

  private idleCheckIn(ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.releaseIfIdle(), ms);
    timer.unref();
    return timer;
  }

  /** One timer per quiet spell, not one per file: it looks again until the pool has been idle long enough. */
  private releaseIfIdle(): void {
    const quietMs = performance.now() - this.lastUsed;
    if (this.preparing > 0 || quietMs < this.idle.afterMs) {
      this.idleTimer = this.idleCheckIn(Math.max(10, this.idle.afterMs - quietMs));
      return;
    }
    this.idleTimer = null;
    this.pool.shrink(this.idle.keep, this.preparedSinceRelease >= this.idle.renewAfterFiles);
    this.preparedSinceRelease = 0;
    this.released++;
  }

  close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    return this.pool.close();
  }
}

/** The engine's parse workers: started with it in a host that stays up (the app, `clew serve`), else by the first
 * run that needs them, so a one-shot command that parses nothing (`clew note add`) starts no threads. */
export class EngineParsePool {
  private pool: ParsePool | null = null;

  constructor(private readonly size: number) {}

  get(): ParsePool {
    return (this.pool ??= new ParsePool(this.size));
  }

  /** True once the workers exist. */
  get started(): boolean {
    return this.pool !== null;
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}
