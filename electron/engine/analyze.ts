// One file in, symbols + entry points + external calls + identifier occurrences out. The tree is freed before returning.
import type { Language } from '../../shared/types.js';
import { detectEntryPoints, detectExternalCalls } from './entrypoints/index.js';
import { extractOccurrences, occurrenceQuery } from './parsers/occurrences.js';
import { extractSymbols } from './parsers/symbols.js';
import { terminateMacroLines } from './parsers/macroLines.js';
import { parseUnwrapped } from './parsers/rustCfgMacros.js';
import type { FileAnalysis } from '../base/fileAnalysis.js';

/** `generated`: read for navigation only (codeOrigin.ts), so no entry points or external calls: a generated client's calls are not the repo's. */
export async function analyzeFile(language: Language, relPath: string, text: string, generated = false): Promise<FileAnalysis> {
  // C and C++: macro calls written as whole lines get a `;` (same length, same places) so classes around them parse.
  // Rust: a `cfg_*! { … }` call's own tokens are blanked (same length, same places) so the items it gates parse.
  const { tree, source } = await parseUnwrapped(language, language === 'c' || language === 'cpp' ? terminateMacroLines(text) : text);
  const query = await occurrenceQuery(language);
  try {
    const root = tree.rootNode;
    const symbols = extractSymbols(language, root, source, relPath);
    const warnings: string[] = [];
    const entryPoints = generated ? [] : detectEntryPoints(language, root, source, relPath, symbols, warnings);
    const calls = generated ? [] : detectExternalCalls(language, root, source, symbols, warnings);
    const occurrences = extractOccurrences(language, query, root, source, symbols);
    return { language, symbols, entryPoints, calls, occurrences, warnings };
  } finally {
    tree.delete();
  }
}
