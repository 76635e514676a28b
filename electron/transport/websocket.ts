// WebSocket transport for the browser host: the Backend's invoke and event stream over one socket
// per page. No logic here beyond framing; payloads are validated by the Backend.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { BackendLike } from '../../shared/contract.js';
import { EVENT_CHANNELS } from '../../shared/contract.js';
import { WS_PROTOCOL } from '../../shared/wsAuth.js';
import { parseWsRequest, type WsEvent, type WsReply } from './wsMessages.js';

export interface WebSocketTransport {
  /** Call from the HTTP server's `upgrade` event once the request is authorized. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  clientCount(): number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;
/** A client this far behind misses events; status snapshots are full, so the next one catches it up. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function createWebSocketTransport(backend: BackendLike): WebSocketTransport {
  // The token rides in the offered subprotocols; the answer names only WS_PROTOCOL, never echoing it.
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false, handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false) });
  const send = (socket: WebSocket, message: WsReply | WsEvent): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  server.on('connection', (socket: WebSocket) => {
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        send(socket, { id: null, result: { ok: false, error: { code: 'BAD_REQUEST', message: 'binary frames are not accepted' } } });
        return;
      }
      const parsed = parseWsRequest(data.toString());
      if (!parsed.ok) {
        send(socket, parsed.reply);
        return;
      }
      const { id, channel, req } = parsed.request;
      void backend.invoke(channel, req).then((result) => send(socket, { id, result }));
    });
    // A broken client must not take the host down.
    socket.on('error', () => socket.terminate());
  });

  const unsubscribes = EVENT_CHANNELS.map((event) => backend.on(event, (payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const client of server.clients) {
      if (client.readyState === client.OPEN && client.bufferedAmount < MAX_BUFFERED_BYTES) client.send(frame);
    }
  }));

  return {
    accept(req, socket, head) {
      server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req));
    },
    clientCount: () => server.clients.size,
    close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
