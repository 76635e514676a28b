// Follows one repo folder (one fs.watch per folder, see folderWatcher.ts) and hands over changed repo-relative
// paths: the first change after a quiet spell within milliseconds (a save is searchable at once), the
// rest of a burst in debounced batches (a checkout becomes a few passes, not thousands). Not @parcel/watcher: its native addon is
// not context-aware, so a second engine worker in one process (a reopened Backend) cannot load it.
import { basename, relative, sep } from 'node:path';
import { ALWAYS_SKIPPED, IGNORE_FILES } from '../walk/walker.js';
import { FolderWatcher, type PathKind } from './folderWatcher.js';

export interface ChangeBatch {
  paths: string[];
  /** An ignore file changed, events were lost, or the burst was too large to list: re-walk the repo. */
  rewalk: boolean;
}

export interface WatcherOptions {
  /** The first event after a quiet spell is handed over this soon (with whatever came meanwhile): one save is indexed at once. */
  leadMs?: number;
  /** Quiet time after the last event before a batch is handed over; events within it of the one before are a burst. */
  debounceMs?: number;
  /** A steady stream of events still yields a batch this often. */
  maxWaitMs?: number;
  /** Beyond this many distinct paths a batch is a re-walk (bounded memory during a huge checkout). */
  maxPaths?: number;
  /** A burst of at least this many paths is followed by a re-walk once it has been quiet for `settleMs`. */
  largeBurst?: number;
  settleMs?: number;
}

// Tool and VCS folders never hold indexed files: not even watched (a checkout rewrites .git heavily).
const skippedFolder = (path: string): boolean => path.split(sep).some((part) => ALWAYS_SKIPPED.has(part));

export class RepoWatcher {
  private watcher: FolderWatcher | null = null;
  private pending = new Set<string>();
  private rewalk = false;
  private timer: NodeJS.Timeout | null = null;
  /** The pending timer is a burst's leading hand-over (it takes the events that come before it fires). */
  private leading = false;
  private firstEventAt = 0;
  private lastEventAt = Number.NEGATIVE_INFINITY;
  /** The last leading hand-over's paths: read while a burst (a checkout) may still have been rewriting them. */
  private leadPaths: string[] = [];
  /** Paths handed over since the burst began (its first batch can be a small leading one; see schedule()). */
  private burstPaths = 0;
  // A large burst can overflow the kernel's event queue (inotify drops events silently when the reader lags, as
  // a loaded machine's does during a big checkout): once it settles, a re-walk catches whatever was lost.
  private settleTimer: NodeJS.Timeout | null = null;
  private readonly leadMs: number;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly maxPaths: number;
  private readonly largeBurst: number;
  private readonly settleMs: number;

  constructor(readonly root: string, private readonly onBatch: (batch: ChangeBatch) => void, options: WatcherOptions = {}) {
    this.leadMs = options.leadMs ?? 10;
    this.debounceMs = options.debounceMs ?? 200;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.maxPaths = options.maxPaths ?? 50_000;
    this.largeBurst = options.largeBurst ?? 1000;
    this.settleMs = options.settleMs ?? 3000;
  }

  /** Resolves once every folder is watched: changes from then on are seen. */
  async start(): Promise<void> {
    if (this.watcher) return;
    const root = this.root;
    const watcher = (this.watcher = new FolderWatcher(root, (path) => skippedFolder(relative(root, path)), {
      changed: (path, kind) => this.changed(path, kind),
      // Lost events (a watch limit): only a re-walk is sure to catch up.
      lost: () => {
        this.rewalk = true;
        this.schedule();
      },
    }));
    await watcher.start();
  }

  stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.leading = false;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.pending.clear();
    this.watcher?.close();
    this.watcher = null;
    return Promise.resolve();
  }

  /** How many folders are watched (one inotify watch each, none per file). */
  get watchedFolders(): number {
    return this.watcher?.size ?? 0;
  }

  private changed(path: string, kind: PathKind): void {
    this.add(path);
    // A folder that appears may still be filling (a checkout writes its files next): it waits for the
    // debounce; its files found or written meanwhile come as file events of their own.
    this.schedule(kind !== 'folder');
    // Each event of a burst still going on pushes its settle re-walk back.
    if (this.settleTimer) this.armSettle();
  }

  private add(absPath: string): void {
    let rel = relative(this.root, absPath).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return;
    // Events name files as text, with U+FFFD for bytes that are not UTF-8: such a path cannot be opened
    // again, so the folder above its first such name is re-walked (the walk reads names as bytes).
    const lossy = rel.indexOf('\uFFFD');
    if (lossy >= 0) rel = rel.slice(0, Math.max(0, rel.lastIndexOf('/', lossy)));
    if (IGNORE_FILES.includes(basename(rel))) this.rewalk = true;
    if (this.rewalk) return this.pending.clear();
    this.pending.add(rel);
    if (this.pending.size > this.maxPaths) {
      this.rewalk = true;
      this.pending.clear();
    }
  }

  /** `lead`: a file event, which may start a burst with a leading hand-over; anything else waits for the debounce. */
  private schedule(lead = false): void {
    const now = Date.now();
    const quiet = now - this.lastEventAt >= this.debounceMs;
    // A burst's paths add up until it has been quiet for as long as its settle re-walk waits (a loaded machine
    // delivers a checkout's events with gaps longer than the debounce).
    if (now - this.lastEventAt >= this.settleMs) this.burstPaths = 0;
    this.lastEventAt = now;
    // The leading hand-over turned out to start a burst: its paths are checked again once the burst is quiet
    // (the pass may have read a file the checkout had just removed and not yet written again).
    if (quiet) this.leadPaths = [];
    else if (this.leadPaths.length > 0 && !this.rewalk) {
      for (const path of this.leadPaths) this.pending.add(path);
      this.leadPaths = [];
    }
    // The leading hand-over takes this file event too.
    if (this.timer && this.leading && lead) return;
    if (!this.timer && quiet && lead) {
      // A lone save (or a burst's first file): handed over almost at once; what follows it is batched below.
      this.leading = true;
      this.timer = setTimeout(() => this.flush(), this.leadMs);
      return;
    }
    if (!this.timer || this.leading) this.firstEventAt = now;
    if (this.timer) clearTimeout(this.timer);
    this.leading = false;
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstEventAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const leading = this.leading;
    this.leading = false;
    if (this.pending.size === 0 && !this.rewalk) return;
    const batch: ChangeBatch = { paths: [...this.pending], rewalk: this.rewalk };
    if (leading) this.leadPaths = batch.paths;
    this.pending = new Set();
    this.rewalk = false;
    this.burstPaths += batch.paths.length;
    if (batch.paths.length > 0 && this.burstPaths >= this.largeBurst) this.armSettle();
    this.onBatch(batch);
  }

  /** (Re)arms the settle re-walk after a large burst: it fires once no event has come for `settleMs`. */
  private armSettle(): void {
    if (!this.watcher) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.burstPaths = 0;
      this.rewalk = true;
      this.flush();
    }, this.settleMs);
  }
}
