// The Backend's handle on the engine worker (see base/rpc/): typed calls and progress callbacks.
import type { Result } from '../../shared/result.js';
import { RpcClient } from '../base/rpc/client.js';
import type { EventListeners } from '../base/rpc/protocol.js';
import { WORKERS } from '../base/rpc/workerTable.js';
import type { EngineCommand, EngineCommands, EngineEvents, WorkerInit } from '../engine/protocol.js';
import { ENGINE_HEAP_LIMITS } from '../engine/heapLimits.js';

export class EngineClient {
  private readonly rpc: RpcClient<EngineCommands, EngineEvents, null>;

  constructor(init: WorkerInit, events: EventListeners<EngineEvents>) {
    this.rpc = new RpcClient(WORKERS.engine, { name: 'engine', workerData: init, events, resourceLimits: ENGINE_HEAP_LIMITS });
    // A failed start is reported by the calls that follow it.
    this.rpc.ready().catch(() => undefined);
  }

  /** The command's failure comes back as data; an engine that is not running rejects. */
  call<C extends EngineCommand>(command: C, req: EngineCommands[C]['req']): Promise<Result<EngineCommands[C]['res']>> {
    return this.rpc.result(command, req);
  }

  async stop(): Promise<void> {
    await this.rpc.terminate();
  }
}
