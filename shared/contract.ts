// The one contract: every channel the Backend serves, with request and response types.
// Handlers, the preload, the WebSocket client and the renderer derive their types from here.
import type {
  DependencyRow, EntryPointRow, FailedUnit, IndexProgress, IndexReport, NoteRow, RepairProgress, RepairReport, RepoDeps,
  RepoSummary, SearchQuery, SearchResponse, StatusReport, SymbolRow, SyncWaitResult,
  FileContent, QuickOpenItem, RepoIssues, RepoRemoved, Settings, SettingsInfo,
} from './types.js';
import type { Result } from './result.js';

export interface IndexRequest {
  path: string;
  maxFileBytes?: number;
}

export interface InvokeMap {
  'repo:index': { req: IndexRequest; res: IndexReport };
  'repo:list': { req: Record<string, never>; res: RepoSummary[] };
  'search:query': { req: SearchQuery; res: SearchResponse };
  'symbols:list': { req: { repo: string; kind?: string; limit?: number }; res: SymbolRow[] };
  'entrypoints:list': { req: { repo: string; kind?: string }; res: EntryPointRow[] };
  'deps:list': { req: { repo: string; symbol?: string }; res: RepoDeps };
  'deps:symbol': { req: { repo: string; fqn: string }; res: DependencyRow[] };
  'note:add': { req: { fqn: string; text: string; repo?: string }; res: NoteRow };
  'note:list': { req: { repo?: string }; res: NoteRow[] };
  'status:get': { req: Record<string, never>; res: StatusReport };
  /** Two-way diff of SQLite and the vector store, then a health check; dry run reports only. */
  'sync:repair': { req: { dryRun?: boolean }; res: RepairReport };
  'sync:failed': { req: { limit?: number }; res: FailedUnit[] };
  /** Failed rows go back to pending now. */
  'sync:retry': { req: Record<string, never>; res: { requeued: number } };
  /** Waits until nothing is pending (or the time limit passes). */
  'sync:wait': { req: { timeoutMs?: number }; res: SyncWaitResult };
  /** Deletes the repo and everything indexed from it (notes too); its vectors become tombstones. */
  'repo:remove': { req: { repo: string }; res: RepoRemoved };
  'repo:issues': { req: { repo: string }; res: RepoIssues };
  /** Reads a file of a registered repo from disk; paths that leave the repo are refused. */
  'file:read': { req: { repo: string; path: string }; res: FileContent };
  'file:outline': { req: { repo: string; path: string }; res: SymbolRow[] };
  /** Files and symbols whose names match, for Ctrl/Cmd+P. */
  'quickopen:query': { req: { query: string; repo?: string; limit?: number }; res: QuickOpenItem[] };
  /** Edits a note's text; a note whose symbol exists is re-anchored to its current code. */
  'note:update': { req: { id: number; text: string }; res: NoteRow };
  'note:delete': { req: { id: number }; res: { deleted: boolean } };
  /** settings.json as saved, what the command line overrides, what is wrong with it, what waits for a restart. */
  'settings:get': { req: Record<string, never>; res: SettingsInfo };
  /** Saves the given fields (validated); indexing uses them from the next run, the vector side from the next start. */
  'settings:set': { req: Partial<Settings>; res: SettingsInfo };
  /** Follow the repo's file changes (or stop); kept across restarts. */
  'repo:watch': { req: { repo: string; on: boolean }; res: RepoSummary };
  /** Pauses the repo's watcher and indexing (a run in progress stops at its next file) until resumed. */
  'repo:pause': { req: { repo: string }; res: RepoSummary };
  'repo:resume': { req: { repo: string }; res: RepoSummary };
  /** Cancels the repo's index run: finished files keep their new index, the rest their previous one. */
  'repo:cancel': { req: { repo: string }; res: { cancelled: boolean } };
  /** Pausing vector sync is global; rows stay pending until resumed. */
  'sync:pause': { req: Record<string, never>; res: { paused: boolean } };
  'sync:resume': { req: Record<string, never>; res: { paused: boolean } };
}

export interface EventMap {
  'index:progress': IndexProgress;
  'status:snapshot': StatusReport;
  'repair:progress': RepairProgress;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;
export type Req<C extends InvokeChannel> = InvokeMap[C]['req'];
export type Res<C extends InvokeChannel> = InvokeMap[C]['res'];

export const INVOKE_CHANNELS = [
  'repo:index', 'repo:list', 'search:query', 'symbols:list', 'entrypoints:list', 'deps:list', 'deps:symbol',
  'note:add', 'note:list', 'status:get', 'sync:repair', 'sync:failed', 'sync:retry', 'sync:wait',
  'repo:remove', 'repo:issues', 'file:read', 'file:outline', 'quickopen:query', 'note:update', 'note:delete',
  'settings:get', 'settings:set',
  'repo:watch', 'repo:pause', 'repo:resume', 'repo:cancel', 'sync:pause', 'sync:resume',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = ['index:progress', 'status:snapshot', 'repair:progress'] as const satisfies readonly EventChannel[];

/** What only some hosts can do: the desktop app has native dialogs and paths of dropped files. */
export interface HostCapabilities {
  kind: 'electron' | 'browser';
  /** A native "Open folder" dialog; resolves null when cancelled. */
  pickFolder?: () => Promise<string | null>;
  /** The file-system path of a dropped File (Electron's webUtils.getPathForFile). */
  pathForFile?: (file: object) => string;
}

/** What a host exposes to a caller: one typed invoke and one typed subscription. */
export interface ClewApi {
  host: HostCapabilities;
  invoke<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
