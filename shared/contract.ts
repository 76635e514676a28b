// The one contract: every channel the Backend serves, declared once with whether it reads or writes
// and its request and response types. Handlers, schemas, transports, the preload, the WebSocket client
// and the renderer derive their channel lists and types from here. Adding a verb: declare it here,
// give it a schema (core/schemas.ts), a handler (core/backend.ts) and its UI; the compiler names
// whichever of the first two is missing.
import type {
  DependencyRow, EntryPointRow, FailedUnit, IndexProgress, IndexReport, NoteRow, RepairProgress, RepairReport, RepoDeps,
  RepoSummary, SearchQuery, SearchResponse, StatusReport, SymbolRow, SyncWaitResult,
  FileContent, QuickOpenItem, RepoIssues, RepoRemoved, Settings, SettingsInfo,
} from './types.js';
import type { CallTreeNode, DefinitionHit, FlowAnswer, NavPosition, ReferencesAnswer, TreeEntry } from './nav.js';
import type { ModelProgress, ModelsInfo, ReembedProgress } from './models.js';
import { type Result, unwrap } from './result.js';

export interface IndexRequest {
  path: string;
  maxFileBytes?: number;
}

/**
 * 'read': answered from the read connection, so any Backend serves it (a read-only `clew` command too).
 * 'write': needs the writer, the process holding the data-dir lock and running the engine worker.
 */
export type Access = 'read' | 'write';

/** One verb as declared: its access, and (as types only) its request and response. */
export interface Verb<A extends Access, Rq, Rs> {
  readonly access: A;
  /** Never set: it carries the request and response types to the maps derived below. */
  readonly types?: { req: Rq; res: Rs };
}

function read<Rq, Rs>(): Verb<'read', Rq, Rs> {
  return { access: 'read' };
}

function write<Rq, Rs>(): Verb<'write', Rq, Rs> {
  return { access: 'write' };
}

type Empty = Record<string, never>;

export const CHANNELS = {
  'repo:index': write<IndexRequest, IndexReport>(),
  'repo:list': read<Empty, RepoSummary[]>(),
  'search:query': read<SearchQuery, SearchResponse>(),
  'symbols:list': read<{ repo: string; kind?: string; limit?: number }, SymbolRow[]>(),
  /** Rows in test files are left out unless `includeTests`. */
  'entrypoints:list': read<{ repo: string; kind?: string; includeTests?: boolean }, EntryPointRow[]>(),
  /** Calls in test files are left out unless `includeTests`. */
  'deps:list': read<{ repo: string; symbol?: string; includeTests?: boolean }, RepoDeps>(),
  'deps:symbol': read<{ repo: string; fqn: string }, DependencyRow[]>(),
  'note:add': write<{ fqn: string; text: string; repo?: string }, NoteRow>(),
  'note:list': read<{ repo?: string }, NoteRow[]>(),
  'status:get': read<Empty, StatusReport>(),
  /** Two-way diff of SQLite and the vector store, then a health check; dry run reports only. */
  'sync:repair': write<{ dryRun?: boolean }, RepairReport>(),
  'sync:failed': read<{ limit?: number }, FailedUnit[]>(),
  /** Failed rows go back to pending now. */
  'sync:retry': write<Empty, { requeued: number }>(),
  /** Waits until nothing is pending (or the time limit passes). */
  'sync:wait': write<{ timeoutMs?: number }, SyncWaitResult>(),
  /** Deletes the repo and everything indexed from it (notes too); its vectors become tombstones. */
  'repo:remove': write<{ repo: string }, RepoRemoved>(),
  'repo:issues': read<{ repo: string }, RepoIssues>(),
  /** Reads a file of a registered repo from disk; paths that leave the repo are refused. */
  'file:read': read<{ repo: string; path: string }, FileContent>(),
  'file:outline': read<{ repo: string; path: string }, SymbolRow[]>(),
  /** Files and symbols whose names match, for Ctrl/Cmd+P. */
  'quickopen:query': read<{ query: string; repo?: string; limit?: number }, QuickOpenItem[]>(),
  /** Edits a note's text; a note whose symbol exists is re-anchored to its current code. */
  'note:update': write<{ id: number; text: string }, NoteRow>(),
  'note:delete': write<{ id: number }, { deleted: boolean }>(),
  /** settings.json as saved, what the command line overrides, what is wrong with it, what waits for a restart. */
  'settings:get': read<Empty, SettingsInfo>(),
  /** Saves the given fields (validated); indexing uses them from the next run, the vector side from the next start. */
  'settings:set': write<Partial<Settings>, SettingsInfo>(),
  /** Follow the repo's file changes (or stop); kept across restarts. */
  'repo:watch': write<{ repo: string; on: boolean }, RepoSummary>(),
  /** Pauses the repo's watcher and indexing (a run in progress stops at its next file) until resumed. */
  'repo:pause': write<{ repo: string }, RepoSummary>(),
  'repo:resume': write<{ repo: string }, RepoSummary>(),
  /** Cancels the repo's index run: finished files keep their new index, the rest their previous one. */
  'repo:cancel': write<{ repo: string }, { cancelled: boolean }>(),
  /** Pausing vector sync is global; rows stay pending until resumed. */
  'sync:pause': write<Empty, { paused: boolean }>(),
  'sync:resume': write<Empty, { paused: boolean }>(),
  /** Where the identifier at a position is defined: exact when resolved through scope, imports or a known type, else ranked candidates. */
  'nav:def': read<NavPosition, DefinitionHit[]>(),
  /** Uses of a symbol, named by FQN or by a position on one of its occurrences. */
  'nav:refs': read<{ repo: string; fqn?: string; position?: NavPosition; limit?: number }, ReferencesAnswer>(),
  /** Who calls the symbol, as a tree (depth 2 by default, at most 6); null when no such symbol. */
  'nav:callers': read<{ repo: string; fqn: string; depth?: number }, CallTreeNode | null>(),
  /** What the symbol calls, external calls at the leaves; null when no such symbol. */
  'nav:callees': read<{ repo: string; fqn: string; depth?: number }, CallTreeNode | null>(),
  /** The callee tree of an entry point's handler; `entry` is its id or a route like "GET /owners/{id}". */
  'nav:flow': read<{ repo: string; entry: string; depth?: number }, FlowAnswer | null>(),
  /** The children of a folder ('' or absent: the repo's root), with file and symbol counts. */
  /** `from`: the caller's working folder, which a relative `path` is read from first when it lies inside the repo. */
  'nav:tree': read<{ repo: string; path?: string; from?: string }, TreeEntry[]>(),
  /** The curated embedding models: sizes, purpose, whether downloaded, which is in use, a running re-embed. */
  'models:list': read<Empty, ModelsInfo>(),
  /** Starts downloading a catalogue model from the model endpoint; progress comes as `models:progress` events. */
  'models:download': write<{ id: string }, ModelsInfo>(),
  /** Cancels a model's download (what was fetched is kept for a resume) or its re-embedding. */
  'models:cancel': write<{ id: string }, { cancelled: boolean }>(),
  /** Uses a model ('hash', a downloaded catalogue id, or 'folder' + modelDir): re-embeds into a new generation in the background while the old one answers. */
  'models:use': write<{ id: string; modelDir?: string; kind?: 'static' | 'transformers' }, ModelsInfo>(),
};


type Channels = typeof CHANNELS;
export type InvokeChannel = keyof Channels;
export type InvokeMap = { [C in InvokeChannel]: NonNullable<Channels[C]['types']> };
export type Req<C extends InvokeChannel> = InvokeMap[C]['req'];
export type Res<C extends InvokeChannel> = InvokeMap[C]['res'];
export type WriteChannel = { [C in InvokeChannel]: Channels[C]['access'] extends 'write' ? C : never }[InvokeChannel];
export type ReadChannel = Exclude<InvokeChannel, WriteChannel>;

/** Every verb, in declaration order. */
export const INVOKE_CHANNELS = Object.freeze(Object.keys(CHANNELS) as InvokeChannel[]);
/** Own keys only: `__proto__`, `constructor` and the like are not channels. */
export const isInvokeChannel = (channel: unknown): channel is InvokeChannel => typeof channel === 'string' && Object.hasOwn(CHANNELS, channel);
export const isWriteChannel = (channel: InvokeChannel): channel is WriteChannel => CHANNELS[channel].access === 'write';
export const WRITE_CHANNELS = Object.freeze(INVOKE_CHANNELS.filter(isWriteChannel));
export const READ_CHANNELS = Object.freeze(INVOKE_CHANNELS.filter((c): c is ReadChannel => !isWriteChannel(c)));

/** Events the Backend pushes to every host; the value carries the payload type only. */
function event<P>(): { readonly payload?: P } {
  return {};
}

export const EVENTS = {
  'index:progress': event<IndexProgress>(),
  'status:snapshot': event<StatusReport>(),
  'repair:progress': event<RepairProgress>(),
  'models:progress': event<ModelProgress>(),
  'models:reembed': event<ReembedProgress>(),
};

export type EventChannel = keyof typeof EVENTS;
export type EventMap = { [E in EventChannel]: NonNullable<(typeof EVENTS)[E]['payload']> };
export const EVENT_CHANNELS = Object.freeze(Object.keys(EVENTS) as EventChannel[]);
export const isEventChannel = (channel: unknown): channel is EventChannel => typeof channel === 'string' && Object.hasOwn(EVENTS, channel);

/** The desktop host's own channel (not a Backend verb): the native "Open folder" dialog behind `host.pickFolder`. */
export const HOST_PICK_FOLDER = 'host:pick-folder';
/** Channels only the Electron main process serves, next to every verb. */
export const HOST_CHANNELS = Object.freeze([HOST_PICK_FOLDER] as const);

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

/** What a transport (IPC, WebSocket) serves: the Backend's invoke, whose payload the Backend validates, and its events. */
export interface BackendLike {
  invoke<C extends InvokeChannel>(channel: C, payload: unknown): Promise<Result<Res<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Invokes on any host (the Backend, window.api, the WebSocket client) and unwraps: an error result is thrown, its code kept. */
export async function call<C extends InvokeChannel>(target: Pick<ClewApi, 'invoke'>, channel: C, req: Req<C>): Promise<Res<C>> {
  return unwrap(await target.invoke(channel, req));
}
