// The word index's rows for one file (electron/db/migrations/010_word_index.ts), computed where the file is
// parsed so the writer only runs statements: each chunk's body words, each symbol's name, signature and doc words.
import type { ParsedSymbol } from '../base/fileAnalysis.js';
import { codeWordText, pathWordText } from '../base/query/index.js';
import type { Chunk } from '../base/source.js';
import type { WordRowData } from '../db/write/indexStore.js';

export type { WordRowData };

export function wordRowData(relPath: string, chunks: readonly Chunk[], symbols: readonly ParsedSymbol[]): WordRowData {
  return {
    path: pathWordText(relPath),
    chunks: chunks.map((c) => codeWordText(c.text)),
    // The FQN's containers name the symbol too: `Flask.route` is found by "flask route".
    symbols: symbols.map((s) => ({ names: codeWordText(`${s.name} ${s.fqn}`), signature: codeWordText(s.signature), doc: s.doc ? codeWordText(s.doc) : '' })),
  };
}
