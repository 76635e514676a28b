// Clew under test, in process: a writer Backend on its own data dir with the real Chroma sidecar and
// the default offline embedder; indexes one corpus, waits for vectors, then answers queries.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Backend } from '../../../electron/core/backend.js';
import { databaseFile } from '../../../electron/core/dataDir.js';
import { openRead } from '../../../electron/db/connection.js';
import type { Result } from '../../../shared/result.js';
import { SEARCH_MODES, type IndexReport, type SearchHit, type SearchMode, type SyncStatus } from '../../../shared/types.js';

/** Every mode the contract accepts (so `auto` joins the run the day it is added to SEARCH_MODES). */
export const CLEW_MODES: readonly SearchMode[] = [...SEARCH_MODES];

/** What a person sees first: the default page size of search:query. */
const SEARCH_LIMIT = 50;
const SYNC_TIMEOUT_MS = 30 * 60_000;

export interface ClewAnswer {
  hits: Array<Pick<SearchHit, 'path' | 'line' | 'symbol' | 'score' | 'why'>>;
  ms: number;
  error: string | null;
  notice: string | null;
}

export interface OpenedCorpus {
  report: IndexReport;
  indexMs: number;
  sync: SyncStatus;
  syncMs: number;
  drained: boolean;
  /** Repo-relative paths of every file Clew indexed (the BM25 baseline's documents). */
  files: string[];
}

export class ClewUnderTest {
  private constructor(private readonly backend: Backend, readonly dataDir: string) {}

  /** A fresh data dir under `workDir` for one corpus. */
  static open(workDir: string, corpus: string): ClewUnderTest {
    const dataDir = join(workDir, `data-${corpus}`);
    rmSync(dataDir, { recursive: true, force: true });
    return new ClewUnderTest(Backend.open({ dataDir, write: true, command: 'bench:relevance', vectors: { mode: 'sidecar' } }), dataDir);
  }

  async index(root: string): Promise<OpenedCorpus> {
    let t0 = performance.now();
    const report = await this.unwrap(this.backend.invoke('repo:index', { path: root }));
    const indexMs = performance.now() - t0;
    t0 = performance.now();
    const waited = await this.unwrap(this.backend.invoke('sync:wait', { timeoutMs: SYNC_TIMEOUT_MS }));
    const syncMs = performance.now() - t0;
    return { report, indexMs, sync: waited.sync, syncMs, drained: waited.drained, files: this.indexedFiles(report.repo.id) };
  }

  async search(query: string, mode: SearchMode): Promise<ClewAnswer> {
    const t0 = performance.now();
    const r = await this.backend.invoke('search:query', { query, mode, limit: SEARCH_LIMIT });
    const ms = performance.now() - t0;
    if (!r.ok) return { hits: [], ms, error: `${r.error.code}: ${r.error.message}`, notice: null };
    const hits = r.value.results.map(({ path, line, symbol, score, why }) => ({ path, line, symbol, score, ...(why ? { why } : {}) }));
    return { hits, ms, error: null, notice: r.value.notice ?? null };
  }

  close(): Promise<void> {
    return this.backend.close();
  }

  /** Read straight from clew.db: the contract has no "list files" channel. */
  private indexedFiles(repoId: number): string[] {
    const db = openRead(databaseFile(this.dataDir));
    try {
      return (db.prepare('SELECT path FROM files WHERE repo_id = ? ORDER BY path').all(repoId) as Array<{ path: string }>).map((r) => r.path);
    } finally {
      db.close();
    }
  }

  private async unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
    const r = await pending;
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  }
}
