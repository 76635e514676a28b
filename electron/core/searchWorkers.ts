// The Backend's searches, sent to a small pool of search workers with a time limit each.
// Two workers: a query that runs to its limit does not hold up another client's quick one, and more
// would compete with the engine and parse workers for a laptop's few cores (each also holds a read
// connection and its page cache). A query that overruns even the hard limit (stuck inside one SQLite
// statement) gets TIMEOUT and its worker is ended and replaced, so the next query works.
import type { QuickOpenItem, SearchQuery, SearchResponse } from '../../shared/types.js';
import { RpcPool } from '../base/rpc/pool.js';
import { WORKERS } from '../base/rpc/workerTable.js';
import { ClewFailure } from '../base/failure.js';
import { NAV_VERBS, type NavChannel, type SearchProtocol, type SearchWorkerInit } from './searchProtocol.js';
import type { Req, Res } from '../../shared/contract.js';

/** How long a regex scan may stream rows before it answers with what it found. */
export const SEARCH_BUDGET_MS = 2000;

export interface SearchWorkersOptions {
  size?: number;
  budgetMs?: number;
}

export class SearchWorkers {
  private pool: RpcPool<SearchProtocol> | null = null;
  private closed = false;
  readonly budgetMs: number;
  private readonly size: number;

  constructor(private readonly dbFile: string, options: SearchWorkersOptions = {}) {
    this.budgetMs = options.budgetMs ?? SEARCH_BUDGET_MS;
    this.size = options.size ?? 2;
  }

  /** Past the budget a scan stops by itself; past this, the worker is presumed stuck and is replaced. */
  private get hardLimitMs(): number {
    return this.budgetMs * 2 + 1000;
  }

  /** Started on the first query: one-shot commands that never search spawn nothing. */
  private workers(): RpcPool<SearchProtocol> {
    if (this.closed) throw new ClewFailure('UNAVAILABLE', 'backend is closed');
    this.pool ??= new RpcPool<SearchProtocol>(WORKERS.search, this.size, { name: 'search', workerData: { dbFile: this.dbFile } satisfies SearchWorkerInit });
    return this.pool;
  }

  search(query: SearchQuery): Promise<SearchResponse> {
    return this.workers().call('search', { query, budgetMs: this.budgetMs }, this.hardLimitMs);
  }

  auto(req: SearchProtocol['auto']['req']): Promise<SearchResponse> {
    return this.workers().call('auto', req, this.hardLimitMs);
  }

  semantic(req: SearchProtocol['semantic']['req']): Promise<SearchProtocol['semantic']['res']> {
    return this.workers().call('semantic', req, this.hardLimitMs);
  }

  quickOpen(query: string, repo: string | undefined, limit: number | undefined): Promise<QuickOpenItem[]> {
    return this.workers().call('quickOpen', { query, repo, limit }, this.hardLimitMs);
  }

  /** A navigation verb, on a worker's own connection: a references scan of a common name never blocks the host. */
  nav<C extends NavChannel>(channel: C, req: Req<C>): Promise<Res<C>> {
    const verb = NAV_VERBS[channel];
    return this.workers().call(verb, req as SearchProtocol[typeof verb]['req'], this.hardLimitMs) as Promise<Res<C>>;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
  }
}
