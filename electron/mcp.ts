// `clew mcp`: Clew for coding agents, an MCP server over stdio on a data directory. Read-only unless
// started with --allow-writes; it reads without the writer lock, so it runs beside the app or clew serve.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { Backend, type BackendOptions } from './core/backend.js';
import { registerClewTools } from './transport/mcpTools.js';

export interface McpCommandOptions {
  dataDir: string;
  allowWrites: boolean;
  vectors?: BackendOptions['vectors'];
  embedder?: BackendOptions['embedder'];
}

/** Serves until the client closes stdin; resolves with the exit code. */
export async function mcpCommand(options: McpCommandOptions, version: string): Promise<number> {
  // stdout carries the protocol: anything else printed there would corrupt it.
  console.log = console.info = (...args: unknown[]) => console.error(...args);
  let reader: Backend | null = null;
  // Opened on first use, and again after a failure: the index may not exist yet when the agent starts.
  const openReader = async (): Promise<Backend> => (reader ??= Backend.open({ dataDir: options.dataDir, write: false, vectors: options.vectors, embedder: options.embedder }));
  // A write holds the lock only for its own call, so the app can still start between two writes.
  const writer = async () => ({
    invoke: async (...args: Parameters<Backend['invoke']>) => {
      const backend = Backend.open({ dataDir: options.dataDir, write: true, command: 'clew mcp (note_add)', vectors: { mode: 'off' }, embedder: options.embedder });
      try {
        return await backend.invoke(...args);
      } finally {
        await backend.close();
      }
    },
  });
  const server = new McpServer({ name: 'clew', version }, { instructions: 'Clew indexes local repositories: search code by keyword, symbol, regex or meaning; read files; list entry points, dependencies and notes. Start with `repos`, then `search` or `find_symbol`.' });
  registerClewTools(server, openReader, { allowWrites: options.allowWrites, writer });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close().catch(() => undefined);
  await (reader as Backend | null)?.close();
  return 0;
}
