// The worker's side of the RPC: runs the worker's start-up, says ready (or failed, with the error's
// code and message), then answers each call with a Result and forwards its events to the host.
import { parentPort } from 'node:worker_threads';
import { type ClewError, type Result, ok } from '../../../shared/result.js';
import { ClewFailure, toClewError } from '../failure.js';
import type { Emit, Handlers, HostMessage, Protocol, WorkerMessage } from './protocol.js';

export interface Served<P extends Protocol<P>, Ready> {
  handlers: Handlers<P>;
  /** Sent with the ready message (e.g. the embedder id the sync worker loaded). */
  ready: Ready;
  /** Runs before every call. */
  before?(verb: string): void;
  /** Runs after every call has its answer, before the reply is posted. */
  after?(verb: string, result: Result<unknown>): void;
  /** The host closed the channel (terminate): release what start() opened. */
  close?(): void;
}

export interface ServeOptions {
  /** How a start-up failure is reported (default: its code, with "it failed to start" as context). */
  startFailure?(e: unknown): ClewError;
}

const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

/** Emits an event to the host; usable from start() on, before the worker is ready. */
export function emitter<E>(): Emit<E> {
  return (name, payload) => post({ kind: 'event', name, payload });
}

export async function serve<P extends Protocol<P>, Ready>(start: () => Promise<Served<P, Ready>> | Served<P, Ready>, options: ServeOptions = {}): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('a worker server must run in a worker thread');
  let served: Served<P, Ready>;
  try {
    served = await start();
  } catch (e) {
    post({ kind: 'failed', error: options.startFailure?.(e) ?? toClewError(ClewFailure.fromSystem(e, 'it failed to start')) });
    throw e;
  }
  const handlers = served.handlers as Record<string, ((req: unknown) => unknown) | undefined>;
  const run = async (verb: string, req: unknown): Promise<Result<unknown>> => {
    const handler = Object.hasOwn(handlers, verb) ? handlers[verb] : undefined;
    if (!handler) return { ok: false, error: { code: 'BAD_REQUEST', message: `unknown verb ${JSON.stringify(verb)}` } };
    try {
      served.before?.(verb);
      return ok(await handler(req));
    } catch (e) {
      return { ok: false, error: toClewError(e) };
    }
  };
  port.on('message', (message: HostMessage) => {
    void run(message.verb, message.req).then((result) => {
      try {
        served.after?.(message.verb, result);
      } finally {
        if (message.kind === 'call') post({ kind: 'reply', id: message.id, result });
      }
    });
  });
  port.on('close', () => served.close?.());
  post({ kind: 'ready', info: served.ready });
}
