// The Backend: one object behind every host (CLI, Electron IPC, WebSocket). Reads run here on a
// read connection; writes go to the engine worker. No Electron imports.
import { existsSync, mkdirSync } from 'node:fs';
import type { EventChannel, EventMap, InvokeChannel, Req, Res } from '../../shared/contract.js';
import { INVOKE_CHANNELS } from '../../shared/contract.js';
import { err, ok, type Result } from '../../shared/result.js';
import { type Db, openDatabase } from '../db/connection.js';
import { listDeps, listEntryPoints, listSymbols } from '../db/queries/lists.js';
import { listNotes } from '../db/queries/notes.js';
import { listRepos } from '../db/queries/repos.js';
import { search } from '../db/queries/search.js';
import { status } from '../db/queries/status.js';
import { readFileContent } from '../db/queries/fileContent.js';
import { quickOpen } from '../db/queries/quickOpen.js';
import { repoIssues } from '../db/queries/repoIssues.js';
import { fileOutline } from '../db/queries/lists.js';
import type { EngineCommand, EngineCommands } from '../engine/protocol.js';
import { DEFAULT_EMBEDDER_ID } from '../engine/embedderId.js';
import { databaseFile, lockFile } from './dataDir.js';
import { EngineClient } from './engineClient.js';
import { ClewFailure, toClewError } from './failure.js';
import { acquireLock, type DataDirLock } from './lock.js';
import { parseRequest } from './schemas.js';

export interface BackendOptions {
  dataDir: string;
  /** Writers take the data-dir lock, run migrations and start the engine worker on demand. */
  write: boolean;
  /** Shown to a second process that finds the lock taken. */
  command?: string;
  embedderId?: string;
}

type Handlers = { [C in InvokeChannel]: (req: Req<C>) => Promise<Res<C>> | Res<C> };
type Listener<E extends EventChannel> = (payload: EventMap[E]) => void;

export class Backend {
  private engine: EngineClient | null = null;
  private readonly listeners = new Map<EventChannel, Set<Listener<EventChannel>>>();
  private readonly handlers: Handlers;
  private closed = false;

  private constructor(readonly dataDir: string, private readonly db: Db, private readonly lock: DataDirLock | null, private readonly embedderId: string) {
    this.handlers = {
      'repo:index': (req) => this.write('index', req),
      'repo:list': () => listRepos(this.db),
      'search:query': (req) => search(this.db, req),
      'symbols:list': (req) => listSymbols(this.db, req.repo, req.kind, req.limit),
      'entrypoints:list': (req) => listEntryPoints(this.db, req.repo, req.kind),
      'deps:list': (req) => listDeps(this.db, req.repo, req.symbol),
      'deps:symbol': (req) => listDeps(this.db, req.repo, req.fqn).calls,
      'note:add': (req) => this.write('noteAdd', req),
      'note:list': (req) => listNotes(this.db, req.repo),
      'status:get': () => status(this.db, this.dataDir),
      'repo:remove': (req) => this.write('repoRemove', req),
      'repo:issues': (req) => repoIssues(this.db, req.repo),
      'file:read': (req) => readFileContent(this.db, req.repo, req.path),
      'file:outline': (req) => fileOutline(this.db, req.repo, req.path),
      'quickopen:query': (req) => quickOpen(this.db, req.query, req.repo, req.limit),
      'note:update': (req) => this.write('noteUpdate', req),
      'note:delete': (req) => this.write('noteDelete', req),
    };
  }

  static open(options: BackendOptions): Backend {
    const file = databaseFile(options.dataDir);
    if (!options.write) {
      if (!existsSync(file)) throw new ClewFailure('NOT_FOUND', `no index in ${options.dataDir} yet; run \`clew index <path>\` first`);
      return new Backend(options.dataDir, openDatabase(file, { readonly: true }), null, options.embedderId ?? DEFAULT_EMBEDDER_ID);
    }
    try {
      mkdirSync(options.dataDir, { recursive: true });
    } catch (e) {
      throw ClewFailure.fromSystem(e, `cannot create data directory ${options.dataDir}`);
    }
    const lock = acquireLock(lockFile(options.dataDir), options.command ?? 'clew');
    try {
      return new Backend(options.dataDir, openDatabase(file, { migrate: true }), lock, options.embedderId ?? DEFAULT_EMBEDDER_ID);
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
      return { ok: false, error: toClewError(e) };
    }
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

  private async write<C extends EngineCommand>(command: C, req: EngineCommands[C]['req']): Promise<EngineCommands[C]['res']> {
    if (!this.lock) throw new ClewFailure('READ_ONLY', 'this backend was opened read-only');
    this.engine ??= new EngineClient({ dbFile: databaseFile(this.dataDir), embedderId: this.embedderId }, (p) => this.emit('index:progress', p));
    const result = await this.engine.call(command, req);
    if (!result.ok) throw new ClewFailure(result.error.code, result.error.message);
    return result.value;
  }

  /** Ordered teardown: stop the worker, close the database, release the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.engine?.stop();
    this.db.close();
    this.lock?.release();
  }
}
