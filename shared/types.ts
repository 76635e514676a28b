// DTOs shared by the Backend, its transports, the CLI and the renderer. Plain data only.

export const LANGUAGES = [
  'java', 'typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'csharp', 'cpp', 'c', 'ruby', 'php', 'bash', 'css',
] as const;
export type Language = (typeof LANGUAGES)[number];

export const SYMBOL_KINDS = [
  'module', 'namespace', 'class', 'interface', 'enum', 'struct', 'trait', 'type',
  'function', 'method', 'constructor', 'field', 'property', 'constant', 'variable',
] as const;
export type SymbolKind = (typeof SYMBOL_KINDS)[number];

export const ENTRY_KINDS = ['http', 'schedule', 'listener', 'main'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const SEARCH_MODES = ['keyword', 'symbol', 'regex'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export type SkipReason =
  | 'ignored' | 'binary' | 'too-large' | 'symlink-outside' | 'symlink-loop' | 'unreadable' | 'vanished' | 'not-utf8' | 'special'
  | 'parse-error';

export interface RepoSummary {
  id: number;
  path: string;
  name: string;
  files: number;
  symbols: number;
  entryPoints: number;
  indexedAt: number | null;
  lastIndexMs: number | null;
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
}

export type IndexPhase = 'walking' | 'parsing' | 'writing' | 'removing' | 'done';

export interface IndexProgress {
  repoPath: string;
  phase: IndexPhase;
  filesDone: number;
  filesTotal: number;
  ratePerSec: number;
  currentPath: string | null;
}

export interface SearchQuery {
  query: string;
  mode?: SearchMode;
  repo?: string;
  lang?: string;
  path?: string;
  kind?: string;
  limit?: number;
}

export interface SearchHit {
  repo: string;
  path: string;
  line: number;
  column: number;
  snippet: string;
  /** [start, end) character ranges inside `snippet` that matched. */
  highlights: Array<[number, number]>;
  symbol: string | null;
  symbolKind: string | null;
  language: string | null;
  score: number;
}

export interface SearchResponse {
  results: SearchHit[];
  tookMs: number;
  /** True when a regex had no indexable literal and rows were streamed and tested one by one. */
  unindexed?: boolean;
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
  kind: EntryKind;
  framework: string;
  method: string | null;
  path: string | null;
  schedule: string | null;
  queue: string | null;
  symbol: string | null;
  file: string;
  line: number;
}

export interface DependencyRow {
  symbol: string | null;
  kind: string;
  target: string | null;
  client: string;
  file: string;
  line: number;
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

export interface StatusReport {
  dataDir: string;
  repos: RepoSummary[];
  sync: SyncCounts;
}
