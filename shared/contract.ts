// The one contract: every channel the Backend serves, with request and response types.
// Handlers, the preload, the WebSocket client and the renderer derive their types from here.
import type {
  DependencyRow, EntryPointRow, IndexProgress, IndexReport, NoteRow, RepoDeps, RepoSummary,
  SearchQuery, SearchResponse, StatusReport, SymbolRow,
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
}

export interface EventMap {
  'index:progress': IndexProgress;
  'status:snapshot': StatusReport;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;
export type Req<C extends InvokeChannel> = InvokeMap[C]['req'];
export type Res<C extends InvokeChannel> = InvokeMap[C]['res'];

export const INVOKE_CHANNELS = [
  'repo:index', 'repo:list', 'search:query', 'symbols:list', 'entrypoints:list', 'deps:list', 'deps:symbol',
  'note:add', 'note:list', 'status:get',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = ['index:progress', 'status:snapshot'] as const satisfies readonly EventChannel[];

/** What a host exposes to a caller: one typed invoke and one typed subscription. */
export interface ClewApi {
  invoke<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
