// The text units of a file's own text (chunks), computed where the file is parsed, like symbol rows.
import { fingerprint, unitContentHash, vectorId } from '../base/hash.js';
import type { ParsedSymbol } from '../base/fileAnalysis.js';
import { fileChunks } from '../base/fileChunks.js';
import { excerptOf, storedUnit } from '../base/storedUnit.js';
import { chunkUnitText } from '../base/unitText.js';
import type { ChunkRowData } from '../db/write/indexStore.js';

export type { ChunkRowData };

/**
 * Vector ids hash the chunk's text (and its rank among equal texts), not its line: a chunk that only
 * moves keeps its vector, and only the lines stored beside it change.
 */
export function chunkRowData(symbols: readonly ParsedSymbol[], ctx: { relPath: string; repoKey: string; embedderId: string }, lines: readonly string[]): ChunkRowData[] {
  const seen = new Map<string, number>();
  return fileChunks(ctx.relPath, lines, symbols).map((chunk) => {
    const body = fingerprint(chunk.text);
    const rank = (seen.get(body) ?? 0) + 1;
    seen.set(body, rank);
    // The excerpt is cut once, as readers cut it again from the stored chunks.
    const excerpt = excerptOf(lines, 'chunk', chunk.startLine, chunk.endLine);
    const unitText = chunkUnitText(chunk, ctx.relPath, excerpt);
    const [storedText, textForm] = storedUnit(unitText, excerpt, ctx.relPath, null);
    return {
      startLine: chunk.startLine,
      endLine: chunk.endLine,
      storedText,
      textForm,
      vectorId: vectorId(ctx.repoKey, 'chunk', `${ctx.relPath}#${body}#${rank}`),
      contentHash: unitContentHash(ctx.embedderId, unitText),
    };
  });
}
