// DTOs shared by the Backend, its transports, the CLI and the renderer. Plain data only.

export const LANGUAGES = [
  'java', 'typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'csharp', 'cpp', 'c', 'ruby', 'php', 'bash', 'css',
  'kotlin', 'scala', 'swift', 'haskell', 'lua', 'zig', 'elixir',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Kinds of files with no parser that a language filter still names (`lang:markdown`): matched by extension. */
export const TEXT_LANGUAGES = { markdown: ['md', 'markdown', 'mdx'], yaml: ['yml', 'yaml'] } as const;
/** Every language a search filter accepts: the parsed ones and the text ones. */
export const FILTER_LANGUAGES: readonly string[] = [...LANGUAGES, ...Object.keys(TEXT_LANGUAGES)];

export const SYMBOL_KINDS = [
  'module', 'namespace', 'class', 'interface', 'enum', 'struct', 'trait', 'type',
  'function', 'method', 'constructor', 'field', 'property', 'constant', 'variable',
] as const;
export type SymbolKind = (typeof SYMBOL_KINDS)[number];

export const ENTRY_KINDS = ['http', 'schedule', 'listener', 'main'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const SEARCH_MODES = ['auto', 'keyword', 'symbol', 'regex', 'semantic', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export type SkipReason =
  | 'ignored' | 'binary' | 'too-large' | 'symlink-outside' | 'symlink-loop' | 'symlink-broken' | 'unreadable' | 'vanished' | 'not-utf8' | 'special'
  | 'parse-error' | 'language';

export interface RepoSummary {
  id: number;
  path: string;
  name: string;
  files: number;
  symbols: number;
  entryPoints: number;
  indexedAt: number | null;
  lastIndexMs: number | null;
  /** Follows file changes while the app (or clew serve) runs. */
  watch: boolean;
  /** Paused: neither watched nor indexed until resumed. */
  paused: boolean;
  /** A watcher is live on it in the writing process right now. */
  watching: boolean;
  /** The last explicit index run the writing process saw (null: none since it started): a cancelled first index is told apart from a finished one by `lastIndexMs` (null until a full run completes). */
  lastRun: RepoRunOutcome | null;
  /** An index run under way, in this process or (for a reader) the writing one: files done of found so far. */
  indexing?: { filesDone: number; filesTotal: number };
}

export interface RepoRunOutcome {
  /** Files its walk found. */
  filesTotal: number;
  cancelled: boolean;
  /** Files it (re)wrote before it ended. */
  changed: number;
}

export interface IndexIssue {
  path: string;
  reason: SkipReason;
  message: string;
}

export interface IndexReport {
  repo: { id: number; path: string };
  files: number;
  symbols: number;
  entryPoints: number;
  dependencies: number;
  packages: number;
  units: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason, number>>;
  issues: IndexIssue[];
  durationMs: number;
  /** Stopped by a person: every file holds its new or its previous index, nothing was removed. */
  cancelled?: boolean;
}

export type IndexPhase = 'walking' | 'parsing' | 'writing' | 'removing' | 'done';

export interface IndexProgress {
  repoPath: string;
  phase: IndexPhase;
  filesDone: number;
  filesTotal: number;
  ratePerSec: number;
  currentPath: string | null;
  /** Bytes of the files this run reads (files unchanged by size and mtime are in neither figure). */
  bytesDone: number;
  bytesTotal: number;
  /** Bytes per second over the last few seconds. */
  bytesPerSec: number;
  /** Time left, estimated from bytes; null while it is too early to say. */
  etaSeconds: number | null;
}

export interface SearchQuery {
  query: string;
  mode?: SearchMode;
  repo?: string;
  lang?: string;
  path?: string;
  kind?: string;
  limit?: number;
  /** `auto` only: also answer the best files, each with its best hits. */
  files?: boolean;
  /** Keyword and regex: match letter case exactly (keyword defaults to ignoring case, regex to exact case). */
  caseSensitive?: boolean;
  /** Keyword and regex: a match must not sit inside a longer word. */
  wholeWord?: boolean;
  /** Set by the Backend from `file:` / `path:` in the query: each a glob or a substring every hit's path matches. */
  paths?: string[];
  /** Set by the Backend from `-path:` / `-file:`: globs or substrings no hit's path matches. */
  notPaths?: string[];
}

/** A filter written in the query text (`repo:gin`, `-path:test`), as the Backend understood it. */
export interface QueryFilter {
  key: 'repo' | 'lang' | 'file' | 'path' | '-file' | '-path';
  value: string;
}

export interface SearchHit {
  repo: string;
  path: string;
  line: number;
  /** The last line of a hit that spans several (a chunk of a file's text found by meaning). */
  endLine?: number;
  column: number;
  snippet: string;
  /** [start, end) character ranges inside `snippet` that matched. */
  highlights: Array<[number, number]>;
  symbol: string | null;
  symbolKind: string | null;
  language: string | null;
  score: number;
  /** `auto` only: why it ranked where it did, strongest reason first (`defines APIRouter`, `file name matches`). */
  why?: string[];
  /** Keyword and regex: the lines just before and after the hit (cut at the snippet's indent), when the index holds them. */
  before?: string;
  after?: string;
}

/** A file-level answer (`auto` with `files`): the best files, each with its best hits. */
export interface FileHit {
  repo: string;
  path: string;
  score: number;
  why: string[];
  hits: SearchHit[];
}

export interface SearchResponse {
  results: SearchHit[];
  tookMs: number;
  /** True when a regex had no indexable literal and rows were streamed and tested one by one. */
  unindexed?: boolean;
  /** Said when results are partial, e.g. hybrid search answered by keyword alone while the vector server is down. */
  notice?: string;
  /** The search passed its time limit: `results` are the matches found until then (with none, the answer is a `TIMEOUT` error instead). */
  timedOut?: boolean;
  /** With `files` in an `auto` query: the best files, each with its best hits. */
  files?: FileHit[];
  /** More hits exist than the limit: `results` is the first `limit` of them. */
  truncated?: boolean;
  /**
   * The filters written in the query text, and the words left to search for; `marks`: the words a file opened from
   * this answer marks, when not all of them (a question's, without the words no code answers: how, are, the).
   */
  syntax?: { text: string; filters: QueryFilter[]; marks?: string[] };
  /** Repos still being indexed when this search ran: results come from the files committed so far (filesDone of filesTotal). */
  indexing?: Array<{ repo: string; filesDone: number; filesTotal: number }>;
}

export interface SymbolRow {
  fqn: string;
  kind: SymbolKind;
  name: string;
  file: string;
  line: number;
  endLine: number;
  signature: string;
  parent: string | null;
  modifiers: string[];
  doc: string | null;
}

export interface EntryPointRow {
  /** Names the entry point for `clew flow <id>` and the flow verb. */
  id: number;
  kind: EntryKind;
  framework: string;
  method: string | null;
  path: string | null;
  schedule: string | null;
  queue: string | null;
  symbol: string | null;
  file: string;
  line: number;
  /** In a test file or test data (decided once, by the Backend, from the path). */
  inTest: boolean;
}

export interface DependencyRow {
  symbol: string | null;
  kind: string;
  target: string | null;
  client: string;
  file: string;
  line: number;
  /** In a test file or test data (decided once, by the Backend, from the path). */
  inTest: boolean;
}

export interface PackageRow {
  manifest: string;
  ecosystem: string;
  name: string;
  version: string | null;
  scope: string;
}

export interface RepoDeps {
  calls: DependencyRow[];
  packages: PackageRow[];
}

export type NoteState = 'current' | 'stale' | 'detached';

export interface NoteRow {
  id: number;
  repo: string;
  /** Repo-relative path of the file that defines the symbol; null while the note is detached. */
  file: string | null;
  fqn: string;
  text: string;
  state: NoteState;
  staleReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SyncCounts {
  synced: number;
  pending: number;
  failed: number;
  tombstones: number;
}

/** One pass of the sync loop that did something. */
export interface SyncRun {
  at: number;
  sent: number;
  deleted: number;
  failed: number;
  error: string | null;
}

/** The last two-way check of SQLite against the vector store (start-up check or repair). */
export interface VectorCheck {
  at: number;
  /** 'restart': the check run when the vector server came back after it stopped or crashed. */
  kind: 'startup' | 'restart' | 'repair' | 'repair-dry-run';
  orphans: number;
  missing: number;
  stale: number;
  healthy: boolean;
  detail: string | null;
}

export interface SyncStatus extends SyncCounts {
  /** From the last check; null until a check has run. */
  orphans: number | null;
  missing: number | null;
  stale: number | null;
  lastRun: SyncRun | null;
  lastCheck: VectorCheck | null;
  /** Vectors confirmed per second over the last run that sent any. */
  throughputPerSec: number;
  /** A batch is in flight. */
  active: boolean;
  /** An index run has the cores: pending vectors wait for it to end, then follow. */
  waitingForIndex: boolean;
  lastError: string | null;
  embedder: string;
}

export type VectorServerState = 'starting' | 'ready' | 'restarting' | 'down' | 'stopped';

export interface VectorStoreStatus {
  /** 'off': vectors turned off (`--no-sync`): no server runs and none is expected. */
  mode: 'sidecar' | 'external' | 'off';
  url: string | null;
  state: VectorServerState;
  pid: number | null;
  port: number | null;
  version: string | null;
  restarts: number;
  lastError: string | null;
}

export interface StatusReport {
  dataDir: string;
  repos: RepoSummary[];
  sync: SyncStatus;
  vectorStore: VectorStoreStatus;
  /** settings.json could not be used (in part or whole): what is wrong; defaults stand in. */
  settingsError: string | null;
  /** The index database was found corrupt or missing at start-up and rebuilt in this run. */
  recovery: RecoveryNotice | null;
  /** notes.db, the copy of every note, was found damaged at start-up: moved aside and written again from the index. */
  notesCopyReset: NotesCopyReset | null;
  /** Vector sync paused by a person (global, kept across restarts). */
  syncPaused: boolean;
  /** The configured embedding model could not be loaded: why; the offline hash embedder stands in this run. */
  embedderFallback: string | null;
}

export interface RepairReport {
  dryRun: boolean;
  /** Found by the diff. */
  orphans: number;
  missing: number;
  stale: number;
  /** Listed by the vector store but not found by searching with their own embedding (checked: the latest synced and a sample). */
  unsearchable: number;
  /** Done (zero on a dry run). */
  orphansDeleted: number;
  /** Missing, stale and unsearchable rows queued to be sent again. */
  requeued: number;
  rebuilt: boolean;
  healthy: boolean;
  healthError: string | null;
  durationMs: number;
}

export type RepairPhase = 'diff' | 'verify' | 'health' | 'rebuild' | 'done';

export interface RepairProgress {
  phase: RepairPhase;
  done: number;
  total: number;
}

export interface FailedUnit {
  vectorId: string;
  kind: 'symbol' | 'note' | 'chunk';
  repo: string;
  /** The symbol FQN (or the note's FQN) the row belongs to. */
  label: string | null;
  error: string | null;
  attempts: number;
  failedAt: number | null;
}

export interface SyncWaitResult {
  drained: boolean;
  sync: SyncStatus;
}

/** A file's text for the code view, read from disk inside its repo. */
export interface FileContent {
  repo: string;
  path: string;
  language: string | null;
  /** Empty when the file is binary. */
  text: string;
  size: number;
  /** Only the first `maxBytes` were read. */
  truncated: boolean;
  binary: boolean;
  /** Size or mtime differ from what was indexed: line numbers of hits may be off. */
  changedSinceIndex: boolean;
}

export interface QuickOpenItem {
  kind: 'file' | 'symbol';
  repo: string;
  path: string;
  line: number;
  /** The file name or the symbol name. */
  label: string;
  /** The folder or the symbol's FQN. */
  detail: string;
  symbolKind: string | null;
  /** A file's: the characters of its name the query matched, as [start, end) ranges. */
  highlights?: Array<[number, number]>;
}

/** What the last index of a repo skipped or could not read. */
export interface RepoIssues {
  repo: string;
  skipped: Partial<Record<SkipReason, number>>;
  issues: IndexIssue[];
}

export interface RepoRemoved {
  repo: string;
  /** Vectors queued for deletion from the vector store. */
  tombstones: number;
}

/** The embedder that makes vectors: the offline hash embedder or a local sentence-embedding model folder. */
export type EmbedderSetting =
  | { kind: 'hash'; dimension?: number }
  | ({ kind: 'transformers'; modelDir: string; pooling?: 'mean' | 'cls' } & ModelPrefixes)
  | ({ kind: 'static'; modelDir: string } & ModelPrefixes);

/** Text put before what a model embeds, as it was trained: one for search queries, one for indexed texts. */
export interface ModelPrefixes {
  queryPrefix?: string;
  documentPrefix?: string;
}

/** What <data dir>/settings.json holds. */
export interface Settings {
  /** Files larger than this are skipped. */
  maxFileBytes: number;
  /** Extra gitignore-style patterns applied to every repo. */
  extraIgnores: string[];
  /** Only source files of these languages are indexed; null indexes all. Files of no known language (docs, configs) are always kept. */
  languages: Language[] | null;
  embedder: EmbedderSetting;
  /** An external Chroma server (http://host:port); null runs Clew's own. */
  chromaUrl: string | null;
  /** Follow file changes in every repo. */
  watch: boolean;
  /** Where models are downloaded from: the Hugging Face hub, a mirror or a proxy with the same URL layout. */
  modelEndpoint: string;
}

/** Settings whose change only takes effect when the vector side restarts (the next start of Clew). */
export type RestartSetting = 'embedder' | 'chromaUrl';

export interface SettingsInfo {
  file: string;
  /** What the file says; defaults stand in for anything missing or invalid. */
  saved: Settings;
  /** Settings given on the command line for this run; they win over the file until the process ends. */
  overridden: Array<keyof Settings>;
  /** Why the file (or part of it) was ignored; null when it is fine. */
  error: string | null;
  /** Saved changes that wait for a restart. */
  restartNeeded: RestartSetting[];
}

export interface NotesCopyReset {
  at: number;
  /** What the integrity check said. */
  detail: string;
  /** Where the damaged copy was moved (kept, never deleted). */
  movedTo: string;
}

export interface RecoveryNotice {
  at: number;
  reason: 'corrupt' | 'missing';
  /** What the integrity check said. */
  detail: string;
  /** Where the damaged database was moved (kept, never deleted); null when it was missing. */
  movedTo: string | null;
  /** Repos being (or already) re-indexed, and how many are done. */
  repos: string[];
  reindexed: number;
  notesRestored: number;
  state: 'rebuilding' | 'done' | 'failed';
  error: string | null;
}
