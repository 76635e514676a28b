// The test worker's protocol (echoWorker.ts).
import type { ErrorCode } from '../../../shared/result.js';

export interface EchoProtocol {
  echo: { req: { text: string }; res: { text: string } };
  double: { req: { n: number }; res: { n: number } };
  fail: { req: { code: ErrorCode; message: string }; res: null };
  hang: { req: Record<string, never>; res: null };
  exit: { req: { code: number }; res: null };
  /** The worker thread's id, to see which worker of a pool answered. */
  whoami: { req: null; res: number };
}

export interface EchoEvents {
  tick: { n: number };
}

export const ECHO_WORKER = { source: 'test/unit/rpc/echoWorker.ts', bundle: 'none' };
