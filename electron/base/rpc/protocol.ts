// The types both ends of a worker RPC share: a protocol names each verb's request and response,
// an event map names what the worker reports unasked; the wire messages carry them.
import type { ClewError, Result } from '../../../shared/result.js';

/** `{ verb: { req; res } }`, declared once per worker and used by its client and its server. */
export type Protocol<P> = { [K in keyof P]: { req: unknown; res: unknown } };

export type Verb<P> = keyof P & string;

/** What the worker's server must implement: the compiler checks each handler's return type. */
export type Handlers<P extends Protocol<P>> = { [K in Verb<P>]: (req: P[K]['req']) => Promise<P[K]['res']> | P[K]['res'] };

/** The host's listeners for a worker's events (progress, status): each one optional. */
export type EventListeners<E> = { [K in keyof E & string]?: (payload: E[K]) => void };

export type Emit<E> = <K extends keyof E & string>(name: K, payload: E[K]) => void;

/** Host → worker. A notification gets no reply (e.g. "sync soon"). */
export type HostMessage =
  | { kind: 'call'; id: number; verb: string; req: unknown }
  | { kind: 'notify'; verb: string; req: unknown };

/** Worker → host. `failed` is sent as data before the worker exits: an error thrown across the thread loses its message. */
export type WorkerMessage =
  | { kind: 'ready'; info: unknown }
  | { kind: 'failed'; error: ClewError }
  | { kind: 'reply'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: string; payload: unknown };
