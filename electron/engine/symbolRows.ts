// The derived columns of each symbol row (body hash, search words, text unit as stored, vector id, content
// hash), computed where the file is parsed so the engine worker, which writes the index, only runs statements.
import { fingerprint, unitContentHash, vectorId } from '../base/hash.js';
import { searchWords } from '../base/identifiers.js';
import type { ParsedSymbol } from '../base/fileAnalysis.js';
import { fqnKey } from '../db/fqnKey.js';
import { excerptOf, storedUnit } from '../base/storedUnit.js';
import { symbolBody, symbolUnitText } from '../base/unitText.js';
import type { SymbolRowData, SymbolUnitData } from '../db/write/indexStore.js';

export type { SymbolRowData };

/** What a unit's vector id and content hash are derived from besides the symbol. */
type UnitContext = { relPath: string; repoKey: string; embedderId: string };

export function symbolRowData(symbols: readonly ParsedSymbol[], ctx: UnitContext, lines: readonly string[], withUnits = true): SymbolRowData[] {
  return symbols.map((symbol) => ({
    bodyHash: fingerprint(symbolBody(symbol, lines)),
    words: searchWords(symbol.name).join(' '),
    modifiersJson: JSON.stringify(symbol.modifiers),
    fqnKey: fqnKey(symbol.fqn),
    unit: withUnits ? symbolUnit(symbol, ctx, lines) : null,
  }));
}

function symbolUnit(symbol: ParsedSymbol, ctx: UnitContext, lines: readonly string[]): SymbolUnitData {
  // The excerpt is cut once, as readers cut it again from the stored chunks.
  const excerpt = excerptOf(lines, 'symbol', symbol.startLine, symbol.endLine);
  const unitText = symbolUnitText(symbol, ctx.relPath, excerpt);
  const [storedText, textForm] = storedUnit(unitText, excerpt, ctx.relPath, symbol);
  return {
    storedText,
    textForm,
    vectorId: vectorId(ctx.repoKey, 'symbol', `${ctx.relPath}#${symbol.fqn}`),
    contentHash: unitContentHash(ctx.embedderId, unitText),
  };
}
