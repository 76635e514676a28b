// Shared by the parser tests: run the real analyzeFile and look symbols up by FQN.
import { expect } from 'vitest';
import type { Language } from '../../../shared/types.js';
import { analyzeFile } from '../../../electron/engine/analyze.js';
import type { ParsedSymbol } from '../../../electron/base/fileAnalysis.js';

export async function symbolsOf(language: Language, relPath: string, source: string): Promise<ParsedSymbol[]> {
  return (await analyzeFile(language, relPath, source)).symbols;
}

/** The symbol with this FQN; fails the test when missing. */
export function get(symbols: readonly ParsedSymbol[], fqn: string): ParsedSymbol {
  const found = symbols.find((s) => s.fqn === fqn);
  expect(found, `no symbol ${fqn} in ${symbols.map((s) => s.fqn).join(', ')}`).toBeDefined();
  return found!;
}

/** The FQN of a symbol's parent, for readable assertions. */
export function parentOf(symbols: readonly ParsedSymbol[], fqn: string): string | null {
  const parent = get(symbols, fqn).parent;
  return parent === null ? null : symbols[parent]!.fqn;
}

/** Every symbol's parent comes before it. */
export function expectParentsFirst(symbols: readonly ParsedSymbol[]): void {
  symbols.forEach((s, i) => {
    if (s.parent !== null) expect(s.parent).toBeLessThan(i);
  });
}
