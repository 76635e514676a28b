// The Backend's vector side: which server (sidecar, external, or none), the sync state the worker
// reports, status composition, and semantic/hybrid search on the read connection.
import type { SearchQuery, SearchResponse, SyncStatus, VectorStoreStatus } from '../../shared/types.js';
import type { ReadDb } from '../db/connection.js';
import { activeGeneration } from '../db/read/generations.js';
import { search } from '../db/read/search.js';
import { lastCheck, lastSyncRun, syncCounts } from '../db/read/status.js';
import { createEmbedder, embedderLabel, type Embedder, type EmbedderSetting } from '../vectors/embedders/index.js';
import { ChromaStore } from '../vectors/chromaStore.js';
import { RecentVectors } from '../vectors/recentVectors.js';
import { fuseRankings, semanticSearch } from '../vectors/semanticSearch.js';
import type { SyncLoopStatus } from '../engine/sync/syncLoop.js';
import { ChromaSidecar } from '../sidecar/chromaSidecar.js';
import { ExternalServer } from '../sidecar/externalServer.js';
import type { ProcessLauncher } from '../sidecar/launcher.js';
import { nodeLauncher } from '../sidecar/nodeLauncher.js';
import type { VectorServer } from '../sidecar/vectorServer.js';
import { ClewFailure } from '../base/failure.js';

export type VectorsSetting = { mode: 'sidecar' } | { mode: 'external'; url: string } | { mode: 'off' };

const STOPPED: VectorStoreStatus = { mode: 'sidecar', url: null, state: 'stopped', pid: null, port: null, version: null, restarts: 0, lastError: null };
const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;

export class VectorSide {
  private server: VectorServer | null = null;
  private loop: SyncLoopStatus | null = null;
  private orphansSeen = 0;
  private store: ChromaStore | null = null;
  private queryEmbedder: Promise<Embedder> | null = null;
  private readonly recent = new RecentVectors();

  constructor(private readonly db: ReadDb, private readonly dataDir: string, readonly setting: VectorsSetting, private readonly embedderSetting: EmbedderSetting) {}

  /** Starts (or attaches to) the vector server; `onUrl` hears each change of its ready URL, `onStatus` every change. */
  start(launcher: ProcessLauncher | undefined, onUrl: (url: string | null) => void, onStatus: () => void): void {
    if (this.setting.mode === 'off') return;
    this.server = this.setting.mode === 'external'
      ? new ExternalServer(this.setting.url)
      : new ChromaSidecar({ dataDir: this.dataDir, launcher: launcher ?? nodeLauncher });
    let lastUrl: string | null = null;
    this.server.onChange(() => {
      const url = this.server?.readyUrl() ?? null;
      if (url !== lastUrl) {
        lastUrl = url;
        onUrl(url);
      }
      onStatus();
    });
    this.server.start();
  }

  setLoopStatus(status: SyncLoopStatus): void {
    this.loop = status;
  }

  /** Repair re-counts orphans from scratch. */
  repaired(): void {
    this.orphansSeen = 0;
  }

  vectorStore(): VectorStoreStatus {
    if (this.server) return this.server.status();
    return this.setting.mode === 'external' ? { ...STOPPED, mode: 'external', url: this.setting.url } : STOPPED;
  }

  sync(): SyncStatus {
    const check = lastCheck(this.db);
    const orphans = check ? check.orphans + this.orphansSeen : this.orphansSeen > 0 ? this.orphansSeen : null;
    return {
      ...syncCounts(this.db),
      orphans,
      missing: check?.missing ?? null,
      stale: check?.stale ?? null,
      lastRun: this.loop?.lastRun ?? lastSyncRun(this.db),
      lastCheck: check,
      throughputPerSec: this.loop?.throughputPerSec ?? 0,
      active: this.loop?.active ?? false,
      lastError: this.loop?.lastError ?? null,
      embedder: this.embedderId(),
    };
  }

  private embedderId(): string {
    return activeGeneration(this.db)?.embedderId ?? embedderLabel(this.embedderSetting);
  }

  /** Keyword, symbol and regex run on SQLite alone; semantic and hybrid also ask the vector server. */
  async search(q: SearchQuery): Promise<SearchResponse> {
    const mode = q.mode ?? 'keyword';
    if (mode !== 'semantic' && mode !== 'hybrid') return search(this.db, q);
    const started = performance.now();
    const limit = Math.max(1, Math.min(1000, q.limit ?? 50));
    const url = this.server?.readyUrl() ?? null;
    if (!url) {
      const why = this.unavailableReason();
      if (mode === 'semantic') throw new ClewFailure('UNAVAILABLE', `semantic search needs the vector server, which is ${why}; keyword search still works`);
      const keyword = search(this.db, { ...q, mode: 'keyword' });
      return { ...keyword, notice: `keyword results only: the vector server is ${why}` };
    }
    if (this.store?.url !== url) this.store = new ChromaStore(url);
    this.queryEmbedder ??= createEmbedder(this.embedderSetting);
    const semantic = await semanticSearch(this.db, this.store, await this.queryEmbedder, this.recent, q, limit);
    this.orphansSeen += semantic.orphansSeen;
    if (mode === 'semantic') return { results: semantic.hits, tookMs: elapsed(started) };
    const keyword = search(this.db, { ...q, mode: 'keyword', limit });
    return { results: fuseRankings([keyword.results, semantic.hits], limit), tookMs: elapsed(started) };
  }

  private unavailableReason(): string {
    if (this.setting.mode === 'off') return 'turned off (--no-sync)';
    const s = this.vectorStore();
    return `${s.state}${s.lastError ? ` (${s.lastError})` : ''}`;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await (await this.queryEmbedder?.catch(() => null))?.close();
  }
}
