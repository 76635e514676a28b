// Where the Chroma server's child entry lives: beside the bundle in dist/, or as TypeScript source
// (tests, tsx), which node runs with tsx's loader.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ServerEntry {
  entry: string;
  /** Node flags the entry needs (the TypeScript loader when running from source). */
  execArgv: string[];
}

export function serverEntry(from: string = import.meta.url): ServerEntry {
  if (!from.endsWith('.ts')) return { entry: fileURLToPath(new URL('./chroma-server.js', from)), execArgv: [] };
  const tsx = pathToFileURL(createRequire(from).resolve('tsx/esm')).href;
  return { entry: fileURLToPath(new URL('./chromaServer.ts', from)), execArgv: ['--import', tsx] };
}
