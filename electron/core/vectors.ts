// The Backend's vector side: which server (sidecar, external, or none), the sync state the worker
// reports, status composition, and semantic/hybrid search on the read connection.
import type { SearchHit, SearchQuery, SearchResponse, SyncStatus, VectorStoreStatus } from '../../shared/types.js';
import type { ReadDb } from '../db/connection.js';
import { activeGeneration } from '../db/read/generations.js';
import { searchLimit } from '../db/read/search.js';
import { lastCheck, lastSyncRun, syncCounts } from '../db/read/status.js';
import { embedderLabel, type EmbedderSetting } from '../vectors/embedders/index.js';
import { fuseRankings } from '../vectors/semanticSearch.js';
import type { SyncLoopStatus } from '../engine/sync/syncLoop.js';
import { ChromaSidecar } from '../sidecar/chromaSidecar.js';
import { ExternalServer } from '../sidecar/externalServer.js';
import { maskCredentials } from '../sidecar/maskCredentials.js';
import type { ProcessLauncher } from '../sidecar/launcher.js';
import { nodeLauncher } from '../sidecar/nodeLauncher.js';
import { clearServerAddress, writeServerAddress } from '../sidecar/serverAddress.js';
import type { VectorServer } from '../sidecar/vectorServer.js';
import { ClewFailure } from '../base/failure.js';
import { ReaderVectors } from './readerVectors.js';
import type { SearchProtocol } from './searchProtocol.js';

/** Where the Backend's searches run (the search workers). */
export interface SearchRunner {
  sql(q: SearchQuery): Promise<SearchResponse>;
  semantic(req: SearchProtocol['semantic']['req']): Promise<SearchProtocol['semantic']['res']>;
}

export type VectorsSetting = { mode: 'sidecar' } | { mode: 'external'; url: string } | { mode: 'off' };

const STOPPED: VectorStoreStatus = { mode: 'sidecar', url: null, state: 'stopped', pid: null, port: null, version: null, restarts: 0, lastError: null };
const maskRun = (run: SyncStatus['lastRun']): SyncStatus['lastRun'] => run && { ...run, error: run.error && maskCredentials(run.error) };
const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;

export class VectorSide {
  private server: VectorServer | null = null;
  private loop: SyncLoopStatus | null = null;
  private orphansSeen = 0;
  /** A reader's way to a server (set on first use; writers run their own server instead). */
  private reader: ReaderVectors | null = null;

  /** `searches` run on the search workers, off the main thread: keyword, symbol and regex, and semantic's embedding,
   * server round trip and joins. */
  constructor(private readonly db: ReadDb, private readonly dataDir: string, readonly setting: VectorsSetting, private embedderSetting: EmbedderSetting,
    private readonly searches: SearchRunner) {}

  /** The engine could not load the model: queries are embedded the way the rows now are. */
  useHashEmbedder(): void {
    this.embedderSetting = { kind: 'hash' };
  }

  /** A new model's generation was swapped in: queries are embedded by it from now on. */
  useEmbedder(setting: EmbedderSetting): void {
    this.embedderSetting = setting;
  }

  private async semantic(q: SearchQuery, url: string, limit: number): Promise<SearchHit[]> {
    const found = await this.searches.semantic({ query: q, limit, url, embedder: this.embedderSetting });
    this.orphansSeen += found.orphansSeen;
    return found.hits;
  }

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
        this.publishAddress(url);
        onUrl(url);
      }
      onStatus();
    });
    this.server.start();
  }

  /** Readers find the sidecar through the data directory; an external server's address is in their own settings. */
  private publishAddress(url: string | null): void {
    if (this.setting.mode !== 'sidecar') return;
    const status = this.server?.status();
    if (url) writeServerAddress(this.dataDir, { url, pid: status?.pid ?? null, writerPid: process.pid, version: status?.version ?? null });
    else clearServerAddress(this.dataDir);
  }

  /** The server's state, probed when this side does not run one (a reader reports the writer's). */
  async probedStore(): Promise<VectorStoreStatus> {
    if (this.server || this.setting.mode === 'off') return this.vectorStore();
    return this.readerVectors().status();
  }

  private readerVectors(): ReaderVectors {
    if (this.setting.mode === 'off') throw new ClewFailure('UNAVAILABLE', 'vectors are turned off');
    return (this.reader ??= new ReaderVectors(this.dataDir, this.setting));
  }

  /** The URL to query now, or why there is none; a reader never waits more than about a second for an answer. */
  private async queryUrl(): Promise<{ url: string | null; why: string }> {
    if (this.setting.mode === 'off') return { url: null, why: 'turned off (--no-sync)' };
    if (this.server) return { url: this.server.readyUrl(), why: this.unavailableReason() };
    return this.readerVectors().url();
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
    if (this.setting.mode === 'off') return { ...STOPPED, mode: 'off' };
    return this.setting.mode === 'external' ? { ...STOPPED, mode: 'external', url: maskCredentials(this.setting.url) } : STOPPED;
  }

  sync(): SyncStatus {
    const check = lastCheck(this.db);
    const orphans = check ? check.orphans + this.orphansSeen : this.orphansSeen > 0 ? this.orphansSeen : null;
    return {
      ...syncCounts(this.db),
      orphans,
      missing: check?.missing ?? null,
      stale: check?.stale ?? null,
      lastRun: maskRun(this.loop?.lastRun ?? lastSyncRun(this.db)),
      lastCheck: check,
      throughputPerSec: this.loop?.throughputPerSec ?? 0,
      active: this.loop?.active ?? false,
      waitingForIndex: this.loop?.waitingForIndex ?? false,
      lastError: this.loop?.lastError ? maskCredentials(this.loop.lastError) : null,
      embedder: this.embedderId(),
    };
  }

  private embedderId(): string {
    return activeGeneration(this.db)?.embedderId ?? embedderLabel(this.embedderSetting);
  }

  /** Semantic hits for `auto`, or why there are none: auto then ranks from the rest and says so. */
  async semanticOrReason(q: SearchQuery, limit: number): Promise<{ hits: SearchHit[] } | { unavailable: string }> {
    const { url, why } = await this.queryUrl();
    if (!url) return { unavailable: `the vector server is ${why}` };
    try {
      return { hits: await this.semantic(q, url, limit) };
    } catch (e) {
      return { unavailable: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Keyword, symbol and regex run on SQLite alone; semantic and hybrid also ask the vector server. */
  async search(q: SearchQuery): Promise<SearchResponse> {
    const mode = q.mode ?? 'keyword';
    if (mode !== 'semantic' && mode !== 'hybrid') return this.searches.sql(q);
    const started = performance.now();
    const limit = searchLimit(q);
    const { url, why } = await this.queryUrl();
    if (!url) {
      if (mode === 'semantic') throw new ClewFailure('UNAVAILABLE', `semantic search needs the vector server, which is ${why}; keyword search still works`);
      const keyword = await this.searches.sql({ ...q, mode: 'keyword' });
      return { ...keyword, notice: `keyword results only: the vector server is ${why}` };
    }
    const semantic = await this.semantic(q, url, limit);
    if (mode === 'semantic') return { results: semantic, tookMs: elapsed(started) };
    const keyword = await this.searches.sql({ ...q, mode: 'keyword', limit });
    return { results: fuseRankings([keyword.results, semantic], limit), tookMs: elapsed(started) };
  }

  private unavailableReason(): string {
    if (this.setting.mode === 'off') return 'turned off (--no-sync)';
    const s = this.vectorStore();
    return `${s.state}${s.lastError ? ` (${s.lastError})` : ''}`;
  }

  async stop(): Promise<void> {
    if (this.server) clearServerAddress(this.dataDir);
    await this.server?.stop();
    await this.reader?.stop();
  }
}
