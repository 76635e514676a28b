// The browser host's wire format: `{id, channel, req}` in, `{id, result}` and `{event, payload}` out.
// Parsing never throws: anything malformed becomes an error reply.
import type { EventChannel, EventMap, InvokeChannel, Res } from '../../shared/contract.js';
import { isInvokeChannel } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';

export type RequestId = number | string;

export interface WsRequest {
  id: RequestId;
  channel: InvokeChannel;
  req: unknown;
}

export interface WsReply<C extends InvokeChannel = InvokeChannel> {
  id: RequestId | null;
  result: Result<Res<C>>;
}

export interface WsEvent<E extends EventChannel = EventChannel> {
  event: E;
  payload: EventMap[E];
}

const isId = (v: unknown): v is RequestId => (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v.length > 0 && v.length <= 64);

/** A request, or the error reply to send back (with the id when one could be read). */
export function parseWsRequest(raw: string): { ok: true; request: WsRequest } | { ok: false; reply: WsReply } {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch (e) {
    return { ok: false, reply: { id: null, result: { ok: false, error: { code: 'BAD_REQUEST', message: `malformed JSON: ${e instanceof Error ? e.message : String(e)}` } } } };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, reply: { id: null, result: { ok: false, error: { code: 'BAD_REQUEST', message: 'a request must be an object {id, channel, req}' } } } };
  }
  const { id, channel, req } = message as Record<string, unknown>;
  if (!isId(id)) return { ok: false, reply: { id: null, result: { ok: false, error: { code: 'BAD_REQUEST', message: 'a request needs an id (integer or short string)' } } } };
  if (!isInvokeChannel(channel)) {
    return { ok: false, reply: { id, result: { ok: false, error: { code: 'BAD_REQUEST', message: `unknown channel ${JSON.stringify(channel)}` } } } };
  }
  return { ok: true, request: { id, channel, req } };
}
