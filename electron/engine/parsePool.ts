// A small pool of parse workers (see base/rpc/pool.ts): a worker that dies fails only its own requests and is replaced.
import { RpcPool } from '../base/rpc/pool.js';
import { WORKERS } from '../base/rpc/workerTable.js';
import type { Prepared, PrepareRequest } from './prepareFile.js';

export interface ParseProtocol {
  prepare: { req: PrepareRequest; res: Prepared };
}

export class ParsePool {
  private readonly pool: RpcPool<ParseProtocol>;

  constructor(readonly size: number) {
    this.pool = new RpcPool(WORKERS.parse, size, { name: 'parse' });
  }

  prepare(request: PrepareRequest): Promise<Prepared> {
    return this.pool.call('prepare', request);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
