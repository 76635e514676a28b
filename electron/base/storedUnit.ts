// How little of a unit's text the index stores: a unit of a symbol or chunk ends with lines of its file, which `chunks`
// holds, and starts with a head (what it is, where, signature, doc) that its symbol and file rows hold. Picked where the
// file is parsed (engine/symbolRows.ts, chunkRows.ts); readers rebuild the whole text (db/read/unitTexts.ts).
import { chunkUnitHead, symbolExcerptEnd, symbolUnitHead, unitExcerpt, type SymbolHeadFields } from './unitText.js';

/** How much of a unit's text is stored: all of it, its head, or only what its rows do not hold (a chunk's label). */
export const UnitForm = { whole: 0, head: 1, derived: 2 } as const;

/** The text a unit stores when it ends with `excerpt`, or null when it does not (then it keeps its whole text). */
export function storedHead(unitText: string, excerpt: string): string | null {
  return excerpt.length > 0 && unitText.endsWith(`\n${excerpt}`) ? unitText.slice(0, unitText.length - excerpt.length - 1) : null;
}

/** The excerpt a unit's text ends with, from its file's lines (1-based lines; symbol units take their first lines). */
export function excerptOf(lines: readonly string[], kind: string, startLine: number, endLine: number): string {
  return unitExcerpt(lines, startLine, kind === 'symbol' ? symbolExcerptEnd(startLine, endLine) : endLine);
}

/** What the unit of a symbol or chunk is written as: [text column, text_in_file], the least that gives `unitText` back
 * exactly from the rows written with it (`symbol` and `relPath` as they are stored; null symbol for a chunk unit), given
 * the excerpt readers rebuild from the file's lines (`excerptOf`). */
export function storedUnit(unitText: string, excerpt: string, relPath: string, symbol: SymbolHeadFields | null): [string, number] {
  const head = storedHead(unitText, excerpt);
  if (head === null) return [unitText, UnitForm.whole];
  if (symbol) return head === symbolUnitHead(symbol, relPath) ? ['', UnitForm.derived] : [head, UnitForm.head];
  const bare = chunkUnitHead(relPath, null);
  const label = head === bare ? '' : head.startsWith(`${bare}\n`) ? head.slice(bare.length + 1) : null;
  return label !== null && chunkUnitHead(relPath, label || null) === head ? [label, UnitForm.derived] : [head, UnitForm.head];
}
