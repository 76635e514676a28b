// How a browser page proves it holds the `clew serve` token: on the WebSocket handshake, as a
// subprotocol (a header only that server receives), never in a cookie, which every port would get.
export const WS_PROTOCOL = 'clew';
const TOKEN_PREFIX = 'clew.token.';

/** The subprotocols a client offers: the server answers with WS_PROTOCOL. */
export const wsProtocols = (token: string): string[] => [WS_PROTOCOL, `${TOKEN_PREFIX}${token}`];

/** The token offered in a Sec-WebSocket-Protocol header, or null. */
export function tokenFromProtocols(header: string | undefined): string | null {
  for (const offered of (header ?? '').split(',')) {
    const protocol = offered.trim();
    if (protocol.startsWith(TOKEN_PREFIX)) return protocol.slice(TOKEN_PREFIX.length);
  }
  return null;
}
