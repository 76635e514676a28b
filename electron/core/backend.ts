// The Backend: one object behind every host (CLI, Electron IPC, WebSocket). Reads run here on a
// read-only connection (a ReadDb); writes go to the engine worker. No Electron imports.
import { existsSync, mkdirSync } from 'node:fs';
import type { EventChannel, EventMap, InvokeChannel, Req, Res } from '../../shared/contract.js';
import { INVOKE_CHANNELS } from '../../shared/contract.js';
import { err, ok, type Result, unwrap } from '../../shared/result.js';
import { migrateDatabase, openRead, type ReadDb } from '../db/connection.js';
import { listDeps, listEntryPoints, listSymbols } from '../db/read/lists.js';
import { listNotes } from '../db/read/notes.js';
import { findRepo, listRepos } from '../db/read/repos.js';
import { IndexRuns, withRunsUnderWay } from './indexRuns.js';
import { committedRuns } from '../db/read/runProgress.js';
import type { IndexingRuns } from '../../shared/indexingNote.js';
import { markTests } from './testRows.js';
import { syncPaused } from '../db/read/repoControl.js';
import { syncCounts } from '../db/read/status.js';
import { failedUnits } from '../db/read/failedUnits.js';
import { searchLimit } from '../db/read/search.js';
import { readFileContent } from './fileRead.js';
import { repoIssues } from '../db/read/repoIssues.js';
import { fileOutline } from '../db/read/lists.js';
import type { EmbedderSetting } from '../vectors/embedders/index.js';
import type { EngineCommand, EngineCommands, WorkerInit } from '../engine/protocol.js';
import type { ProcessLauncher } from '../sidecar/launcher.js';
import type { NotesCopyReset, RecoveryNotice, SearchQuery, SearchResponse, RepoSummary, Settings, StatusReport } from '../../shared/types.js';
import { databaseFile, lockFile, notesFile } from './dataDir.js';
import { EngineClient } from './engineClient.js';
import { ClewFailure, toClewError } from '../base/failure.js';
import { acquireLock, type DataDirLock, liveHolder } from './lock.js';
import { clearPendingRecovery, type RecoveryPlan, planRecovery, setAsideDamagedNotesCopy } from './recovery.js';
import { markDamageSeen, stampCleanClose } from './cleanClose.js';
import { refuseUnsafeRoot } from './repoRootPolicy.js';
import { fallbackNotice, usableEmbedder } from './embedderCheck.js';
import { RunSettings } from './runSettings.js';
import { parseRequest } from './schemas.js';
import { SEMANTIC_LIMIT } from './autoSearch.js';
import { SearchWorkers, type SearchWorkersOptions } from './searchWorkers.js';
import { VectorSide, type VectorsSetting } from './vectors.js';
import { DEFAULT_EXIT_DRAIN_MS, defaultExitDrainMs } from './exitDrain.js';
import { searchWithSyntax } from './querySyntaxSearch.js';
import { ModelManager } from './models.js';

export interface BackendOptions {
  dataDir: string;
  /** Writers take the data-dir lock, run migrations and start the engine worker on demand. */
  write: boolean;
  /** Shown to a second process that finds the lock taken. */
  command?: string;
  /** Which embedder makes vectors (default: the offline hash embedder). */
  embedder?: EmbedderSetting;
  /** Where vectors go: a Chroma sidecar Clew runs (default), an external server, or nowhere. */
  vectors?: VectorsSetting;
  /** How the sidecar process is started (the desktop app uses Electron's utilityProcess). */
  launcher?: ProcessLauncher;
  /** Sync loop batch bounds (tests and benchmarks). */
  sync?: WorkerInit['sync'];
  /** How long close() lets the sync loop drain before leaving the rest pending (default: defaultExitDrainMs). */
  shutdownDrainMs?: number;
  /** Follow file changes of repos with watch on (the app, clew serve); one-shot CLI commands do not. */
  watch?: boolean;
  /** How many search workers, and a regex scan's time limit (tests). */
  search?: SearchWorkersOptions;
}

const SNAPSHOT_MS = 150;

type Handlers = { [C in InvokeChannel]: (req: Req<C>) => Promise<Res<C>> | Res<C> };
type Listener<E extends EventChannel> = (payload: EventMap[E]) => void;

export class Backend {
  private engine: EngineClient | null = null;
  private readonly listeners = new Map<EventChannel, Set<Listener<EventChannel>>>();
  private readonly handlers: Handlers;
  private closed = false;
  private readonly vectors: VectorSide;
  /** Every SQLite search runs on these workers, so the host's thread stays free for status, pages and sockets. */
  private readonly searches: SearchWorkers;
  private snapshotTimer: NodeJS.Timeout | null = null;
  /** Repos the engine watches now (it says so whenever that changes). */
  private watching: ReadonlySet<number> = new Set();
  private readonly runs = new IndexRuns();
  readonly settings: RunSettings;
  private embedder: EmbedderSetting;
  private readonly models: ModelManager;
  /** Why the configured model is not in use this run (the hash embedder stands in); null when it is. */
  private embedderFallback: string | null = null;
  /** Set when start-up found clew.db damaged or missing and is rebuilding it. */
  private recovery: RecoveryNotice | null = null;
  private notesReset: NotesCopyReset | null = null;
  private recovering: Promise<void> | null = null;

  private constructor(readonly dataDir: string, private readonly db: ReadDb, private readonly lock: DataDirLock | null, private readonly options: BackendOptions) {
    // Options from the command line win over settings.json for this run.
    const overridden: Array<keyof Settings> = [...(options.embedder ? ['embedder' as const] : []), ...(options.vectors ? ['chromaUrl' as const] : [])];
    this.settings = new RunSettings(dataDir, overridden);
    const saved = this.settings.current;
    // A model that cannot be loaded never stops writes: the hash embedder stands in, and status says why.
    const usable = usableEmbedder(options.embedder ?? saved.embedder);
    this.embedder = usable.embedder;
    this.embedderFallback = usable.fallback && fallbackNotice(usable.fallback);
    // One-shot commands (read-only) search once: one worker is enough.
    this.searches = new SearchWorkers(databaseFile(dataDir), { size: options.write ? 2 : 1, ...options.search });
    this.vectors = new VectorSide(db, dataDir, options.vectors ?? (saved.chromaUrl ? { mode: 'external', url: saved.chromaUrl } : { mode: 'sidecar' }), this.embedder,
      { sql: (q) => this.searches.search(q), semantic: (req) => this.searches.semantic(req) });
    this.handlers = {
      'repo:index': (req) => {
        refuseUnsafeRoot(req.path, this.dataDir);
        const { maxFileBytes, extraIgnores, languages } = this.settings.current;
        return this.write('index', { ...req, maxFileBytes: req.maxFileBytes ?? maxFileBytes, extraIgnores, languages }).then((report) => {
          this.runs.finished(report);
          return report;
        });
      },
      'repo:list': () => this.repoList(),
      'search:query': async (req) => withRunsUnderWay(req, await searchWithSyntax(this.db, req, (q) => (q.mode === 'auto' ? this.autoSearch(q) : this.vectors.search(q))), this.runsUnderWay()),
      'symbols:list': (req) => listSymbols(this.db, req.repo, req.kind, req.limit),
      'entrypoints:list': (req) => markTests(listEntryPoints(this.db, req.repo, req.kind), req.includeTests ?? false),
      'deps:list': (req) => {
        const deps = listDeps(this.db, req.repo, req.symbol);
        return { calls: markTests(deps.calls, req.includeTests ?? false), packages: deps.packages };
      },
      // One symbol's own calls: all of them, test or not.
      'deps:symbol': (req) => markTests(listDeps(this.db, req.repo, req.fqn).calls, true),
      'note:add': (req) => this.write('noteAdd', req),
      'note:list': (req) => listNotes(this.db, req.repo),
      'status:get': async () => ({ ...this.status(), vectorStore: await this.vectors.probedStore() }),
      'sync:repair': async (req) => {
        const report = await this.write('syncRepair', { dryRun: req.dryRun ?? false });
        if (!report.dryRun) this.vectors.repaired();
        this.scheduleSnapshot();
        return report;
      },
      'sync:failed': (req) => failedUnits(this.db, req.limit),
      'sync:retry': (req) => this.write('syncRetry', req),
      'sync:wait': async (req) => {
        // With vectors off nothing will ever drain: say so at once instead of waiting out the limit.
        if (this.vectors.setting.mode === 'off' || syncPaused(this.db)) return { drained: false, sync: this.vectors.sync() };
        return { drained: (await this.write('syncWait', { timeoutMs: req.timeoutMs ?? 10 * 60_000 })).drained, sync: this.vectors.sync() };
      },
      'repo:remove': (req) => this.write('repoRemove', req),
      'repo:issues': (req) => repoIssues(this.db, req.repo),
      'file:read': (req) => readFileContent(this.db, req.repo, req.path),
      'file:outline': (req) => fileOutline(this.db, req.repo, req.path),
      'quickopen:query': (req) => this.searches.quickOpen(req.query, req.repo, req.limit),
      'note:update': (req) => this.write('noteUpdate', req),
      'note:delete': (req) => this.write('noteDelete', req),
      'settings:get': () => this.settings.info(),
      'settings:set': (req) => this.changeSettings(req),
      'repo:watch': (req) => this.repoWrite('repoWatch', req),
      'repo:pause': (req) => this.repoWrite('repoPause', req),
      'repo:resume': (req) => this.repoWrite('repoResume', req),
      'repo:cancel': (req) => this.write('repoCancel', req),
      'sync:pause': async () => (await this.write('syncPause', { paused: true }), { paused: true }),
      'sync:resume': async () => (await this.write('syncPause', { paused: false }), { paused: false }),
      'nav:def': (req) => this.searches.nav('nav:def', req),
      'nav:refs': (req) => this.searches.nav('nav:refs', req),
      'nav:callers': (req) => this.searches.nav('nav:callers', req),
      'nav:callees': (req) => this.searches.nav('nav:callees', req),
      'nav:flow': (req) => this.searches.nav('nav:flow', req),
      'nav:tree': (req) => this.searches.nav('nav:tree', req),
      'models:list': () => this.models.list(),
      'models:download': (req) => (this.writerOnly('downloads models'), this.models.download(req.id)),
      'models:cancel': (req) => (this.writerOnly('cancels downloads'), this.models.cancel(req.id)),
      'models:use': (req) => (this.writerOnly('chooses the model'), this.models.use(req)),
    };
    this.models = new ModelManager({
      dataDir,
      endpoint: () => this.settings.current.modelEndpoint,
      embedder: () => this.embedder,
      switchEmbedder: this.vectors.setting.mode === 'off' ? null : (embedder) => this.write('embedderSwitch', { embedder }),
      cancelSwitch: async () => (await this.write('embedderSwitchCancel', {})).cancelled,
      switched: (embedder) => {
        this.embedder = embedder;
        this.embedderFallback = null;
        this.vectors.useEmbedder(embedder);
        this.settings.apply({ embedder });
        this.scheduleSnapshot();
      },
      failed: (message) => {
        this.embedderFallback = message;
        this.scheduleSnapshot();
      },
      downloadProgress: (p) => this.emit('models:progress', p),
      reembedProgress: (p) => {
        this.emit('models:reembed', p);
        this.scheduleSnapshot();
      },
    });
  }

  static open(options: BackendOptions): Backend {
    const file = databaseFile(options.dataDir);
    if (!options.write) {
      if (!existsSync(file)) throw new ClewFailure('NOT_FOUND', `no index in ${options.dataDir} yet; run \`clew index <path>\` first`);
      try {
        return new Backend(options.dataDir, openRead(file), null, options);
      } catch (e) {
        // Readers never repair: a damaged file is named as such (CORRUPT), and a writer's start-up recovers it.
        const failure = ClewFailure.fromSystem(e, `cannot read the index in ${options.dataDir}`);
        if (failure.code === 'CORRUPT') markDamageSeen(options.dataDir);
        throw failure;
      }
    }
    try {
      mkdirSync(options.dataDir, { recursive: true });
    } catch (e) {
      throw ClewFailure.fromSystem(e, `cannot create data directory ${options.dataDir}`);
    }
    const lock = acquireLock(lockFile(options.dataDir), options.command ?? 'clew');
    try {
      // Before opening: a damaged clew.db is moved aside, and a fresh one is created in its place.
      const plan = planRecovery(options.dataDir);
      const notesCopyReset = setAsideDamagedNotesCopy(options.dataDir);
      // Migrations run on their own connection, closed before the engine's writer opens one; the Backend only reads.
      migrateDatabase(file);
      const backend = new Backend(options.dataDir, openRead(file), lock, options);
      backend.notesReset = notesCopyReset;
      backend.startVectors();
      if (options.watch) backend.startWatching();
      if (plan) backend.recover(plan);
      return backend;
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /** Validates the payload, runs the handler, and returns errors as data. Never throws. */
  async invoke<C extends InvokeChannel>(channel: C, payload: unknown): Promise<Result<Res<C>>> {
    if (this.closed) return err('UNAVAILABLE', 'backend is closed');
    if (!(INVOKE_CHANNELS as readonly string[]).includes(channel)) return err('BAD_REQUEST', `unknown channel ${String(channel)}`);
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return err('BAD_REQUEST', `${channel}: ${parsed.message}`);
    try {
      const handler = this.handlers[channel] as (req: Req<C>) => Promise<Res<C>> | Res<C>;
      return ok(await handler(parsed.value));
    } catch (e) {
      const error = toClewError(e);
      // The next writer's start reads every page again, and moves the file aside (cleanClose.ts).
      if (error.code === 'CORRUPT') this.damageSeen();
      return { ok: false, error };
    }
  }

  private sawDamage = false;

  private damageSeen(): void {
    this.sawDamage = true;
    markDamageSeen(this.dataDir);
  }

  on<E extends EventChannel>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventChannel>);
    return () => set.delete(listener as Listener<EventChannel>);
  }

  private emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  status(): StatusReport {
    return {
      dataDir: this.dataDir, repos: this.repoList(), sync: this.vectors.sync(), vectorStore: this.vectors.vectorStore(),
      settingsError: this.settings.error, recovery: this.recovery && { ...this.recovery }, notesCopyReset: this.notesReset,
      syncPaused: syncPaused(this.db), embedderFallback: this.embedderFallback,
    };
  }

  /** Why the configured model is not in use (the hash embedder stands in); null when it is. */
  get embedderFallbackNotice(): string | null {
    return this.embedderFallback;
  }

  /** A damaged notes.db that start-up moved aside; null when it was fine. */
  get notesCopyReset(): NotesCopyReset | null {
    return this.notesReset;
  }

  /** What start-up recovery did (or is doing); null when the database was fine. */
  get recoveryNotice(): RecoveryNotice | null {
    return this.recovery && { ...this.recovery };
  }

  /** Brings back repos and notes (from notes.db) into the fresh database, then re-indexes each repo. Never rejects. */
  private recover(plan: RecoveryPlan): void {
    const notice = (this.recovery = plan.notice);
    const index = this.handlers['repo:index'];
    this.recovering = (async () => {
      try {
        notice.notesRestored = (await this.write('restore', { repos: plan.repos })).notesRestored;
        const failures: string[] = [];
        for (const path of notice.repos) {
          try {
            await index({ path });
            notice.reindexed++;
          } catch (e) {
            failures.push(`${path}: ${toClewError(e).message}`);
          }
          this.scheduleSnapshot();
        }
        notice.state = failures.length ? 'failed' : 'done';
        notice.error = failures.length ? failures.join('; ') : null;
      } catch (e) {
        notice.state = 'failed';
        notice.error = toClewError(e).message;
      }
      clearPendingRecovery(this.dataDir);
      this.scheduleSnapshot();
    })();
  }

  private writerOnly(what: string): void {
    if (!this.lock) throw new ClewFailure('READ_ONLY', `only the app or \`clew serve\` ${what}, not a read-only command`);
  }

  /** Only the process holding the data-dir lock writes settings.json (two writers would lose each other's changes). */
  private changeSettings(patch: Partial<Settings>) {
    if (!this.lock) throw new ClewFailure('READ_ONLY', 'settings are changed by the app or `clew serve`, not by a read-only command');
    const info = this.settings.set(patch);
    this.scheduleSnapshot();
    return info;
  }

  /** Full snapshots, coalesced: a dropped one is harmless, a burst costs one. */
  private scheduleSnapshot(): void {
    if (this.snapshotTimer || this.closed || !this.listeners.get('status:snapshot')?.size) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      if (!this.closed) this.emit('status:snapshot', this.status());
    }, SNAPSHOT_MS);
  }

  private engineClient(): EngineClient {
    if (!this.lock) throw new ClewFailure('READ_ONLY', 'this backend was opened read-only');
    this.engine ??= new EngineClient(
      {
        dbFile: databaseFile(this.dataDir), notesFile: notesFile(this.dataDir), embedderId: '', embedder: this.embedder,
        ...(this.options.sync ? { sync: this.options.sync } : {}), ...(this.options.watch ? { warmParsePool: true } : {}),
      },
      {
        progress: (p) => {
          this.runs.progressed(p);
          this.emit('index:progress', p);
          this.scheduleSnapshot();
        },
        sync: (status) => {
          this.vectors.setLoopStatus(status);
          this.scheduleSnapshot();
        },
        repairProgress: (p) => this.emit('repair:progress', p),
        switchProgress: (p) => this.models.switchProgress(p),
        watching: (ids) => {
          this.watching = new Set(ids);
          this.scheduleSnapshot();
        },
        embedderFallback: (reason) => {
          this.embedderFallback = fallbackNotice(reason);
          this.vectors.useHashEmbedder();
          this.scheduleSnapshot();
        },
      },
    );
    return this.engine;
  }

  /** The engine starts with the backend so rows left pending last time resume syncing. */
  private startVectors(): void {
    if (this.vectors.setting.mode === 'off') return;
    const engine = this.engineClient();
    this.vectors.start(this.options.launcher, (url) => {
      void engine.call('vectorServer', { url }).catch(() => undefined);
    }, () => this.scheduleSnapshot());
  }

  /** Watchers start on the engine, each catching up first with what changed while Clew was closed. */
  private startWatching(): void {
    const { maxFileBytes, extraIgnores, languages, watch } = this.settings.current;
    if (watch) void this.write('watchStart', { maxFileBytes, extraIgnores, languages }).catch(() => undefined);
  }

  /**
   * Index runs under way: this process's own from their progress; a reader's from the repo rows the writer
   * commits with each batch, only while a writer holds the data directory (a killed one's are stale).
   */
  private runsUnderWay(): IndexingRuns {
    if (this.lock) return this.runs.underWay();
    return liveHolder(lockFile(this.dataDir)) ? committedRuns(this.db) : [];
  }

  private repoList(): RepoSummary[] {
    const runs = new Map(this.runsUnderWay().map((r) => [r.repo, { filesDone: r.filesDone, filesTotal: r.filesTotal }]));
    return this.runs.annotateRepos(listRepos(this.db, this.watching)).map((r) => {
      const indexing = runs.get(r.path);
      return indexing ? { ...r, indexing } : r;
    });
  }

  /** A repo control command, answered with the repo as it is now. */
  private async repoWrite(command: 'repoWatch' | 'repoPause' | 'repoResume', req: { repo: string; on?: boolean }) {
    const repo = findRepo(this.db, req.repo);
    await (command === 'repoWatch' ? this.write(command, { repo: req.repo, on: req.on ?? true }) : this.write(command, { repo: req.repo }));
    const summary = this.repoList().find((r) => r.id === repo.id);
    if (!summary) throw new ClewFailure('NOT_FOUND', `${req.repo} was removed`);
    return summary;
  }

  /** `auto`: semantic hits first (on a search worker, when a vector server answers), then a worker gathers and ranks the rest. */
  private async autoSearch(q: SearchQuery): Promise<SearchResponse> {
    const started = performance.now();
    const semantic = await this.vectors.semanticOrReason(q, SEMANTIC_LIMIT);
    const answer = await this.searches.auto({ query: q, limit: searchLimit(q), semantic });
    return { ...answer, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  private async write<C extends EngineCommand>(command: C, req: EngineCommands[C]['req']): Promise<EngineCommands[C]['res']> {
    const result = await this.engineClient().call(command, req);
    this.scheduleSnapshot();
    return unwrap(result);
  }

  private exitDrainMs(): number {
    // With vectors off nothing can drain: waiting would only run out the clock (5 s on every --no-sync write).
    if (this.vectors.setting.mode === 'off') return 0;
    if (this.options.shutdownDrainMs !== undefined) return this.options.shutdownDrainMs;
    try {
      const { pending, tombstones } = syncCounts(this.db);
      return defaultExitDrainMs(pending + tombstones);
    } catch {
      // A database that cannot count (damaged, being rebuilt) still closes: with the drain it always had.
      return DEFAULT_EXIT_DRAIN_MS;
    }
  }

  /** Ordered teardown: close the read connection, drain the vector queue (time-limited), stop the worker, stop the vector server, release the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A rebuild in progress finishes first: stopping halfway would leave repos listed but empty.
    await this.recovering;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    // Counted before the read connection closes.
    const drainMs = this.engine ? this.exitDrainMs() : 0;
    // Before the writers: the last connection to close folds the WAL back into clew.db, which a read-only one
    // cannot do; the search workers hold read-only connections too.
    await this.searches.close();
    this.db.close();
    if (this.engine) {
      await this.engine.call('shutdown', { drainMs }).catch(() => undefined);
      await this.engine.stop();
    }
    await this.vectors.stop();
    // Every connection is closed: a writer that saw no damage stamps the file, so its next start need not read every page.
    if (this.lock && !this.sawDamage) stampCleanClose(this.dataDir);
    this.lock?.release();
  }
}
