// A worker for the RPC tests: each verb exercises one path of the module (answer, failure, hang, exit, events).
import { threadId, workerData } from 'node:worker_threads';
import { emitter, serve } from '../../../electron/base/rpc/server.js';
import { ClewFailure } from '../../../electron/base/failure.js';
import type { EchoEvents, EchoProtocol } from './echoProtocol.js';

const init = workerData as { failStart?: boolean; throwOnly?: boolean };
const emit = emitter<EchoEvents>();
// Only the thread's error reaches the host, as when it overtakes the posted start-up failure under load.
if (init.throwOnly) throw new ClewFailure('CORRUPT', 'the test asked this worker to fail before it posts anything');

await serve<EchoProtocol, { pid: number }>(() => {
  if (init.failStart) throw new ClewFailure('CORRUPT', 'the test asked this worker not to start');
  return {
    ready: { pid: process.pid },
    handlers: {
      echo: (req) => req,
      double: async (req) => {
        emit('tick', { n: req.n });
        return { n: req.n * 2 };
      },
      fail: (req) => { throw new ClewFailure(req.code, req.message); },
      hang: () => {
        for (;;) { /* a call that never returns control, like a stuck native scan */ }
      },
      exit: (req) => process.exit(req.code),
      whoami: () => threadId,
    },
  };
});
