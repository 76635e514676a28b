// Symbol extraction per language (to be filled by the parsers work).
import type { Language } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from './types.js';

export function extractSymbols(_lang: Language, _root: SyntaxNode, _source: string, _relPath: string): ParsedSymbol[] {
  return [];
}
