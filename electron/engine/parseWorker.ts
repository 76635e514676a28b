// A parse worker: prepares files (read, hash, parse) so the writer thread only writes. The tree-sitter
// runtime loads while it starts; `warm` loads grammars before the first file of their language arrives.
import type { Language } from '../../shared/types.js';
import { serve } from '../base/rpc/server.js';
import { analyzeFile } from './analyze.js';
import type { ParseProtocol, PreparedBy } from './parsePool.js';
import { prepareFile, type PrepareRequest } from './prepareFile.js';
import { init, wasmHeapBytes } from './parsers/treeSitter.js';
import { traceMemory } from '../base/rpc/memoryTrace.js';

let files = 0;
traceMemory('parse', () => ({ wasm: wasmHeapBytes(), files }));

async function prepare(request: PrepareRequest): Promise<PreparedBy> {
  const prepared = await prepareFile(request);
  files++;
  return { prepared, heapBytes: wasmHeapBytes(), files };
}

async function warm(req: { languages: Language[] }): Promise<null> {
  // An empty file runs the grammar, the occurrence query and every extractor once; a language that fails is loaded by its first file.
  for (const language of req.languages) await analyzeFile(language, 'warm', '').catch(() => undefined);
  return null;
}

await serve<ParseProtocol, null>(async () => {
  await init();
  return { ready: null, handlers: { prepare, warm } };
});
