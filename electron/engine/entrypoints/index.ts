// Entry point and external-call detection (to be filled by the entry points work).
import type { Language } from '../../../shared/types.js';
import type { SyntaxNode } from '../parsers/treeSitter.js';
import type { ParsedEntryPoint, ParsedExternalCall, ParsedSymbol } from '../parsers/types.js';

export function detectEntryPoints(_lang: Language, _root: SyntaxNode, _source: string, _relPath: string, _symbols: ParsedSymbol[]): ParsedEntryPoint[] {
  return [];
}

export function detectExternalCalls(_lang: Language, _root: SyntaxNode, _source: string, _symbols: ParsedSymbol[]): ParsedExternalCall[] {
  return [];
}
