// Entry point and external-call detection: dispatches each file to its language family.
import type { Language } from '../../../shared/types.js';
import type { SyntaxNode } from '../parsers/treeSitter.js';
import type { ParsedEntryPoint, ParsedExternalCall, ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Family } from './context.js';
import { fileContext } from './context.js';
import { csharp, go, java, node, python, rust } from './families.js';
import { elixir } from './elixir.js';
import { kotlin } from './kotlin.js';
import { native } from './native.js';
import { php } from './php.js';
import { ruby } from './ruby.js';
import { CallList, EntryList } from './results.js';

const FAMILIES: Partial<Record<Language, Family>> = {
  java,
  javascript: node,
  typescript: node,
  tsx: node,
  python,
  go,
  rust,
  csharp,
  c: native,
  cpp: native,
  ruby,
  php,
  kotlin,
  elixir,
};

export function detectEntryPoints(lang: Language, root: SyntaxNode, source: string, relPath: string, symbols: ParsedSymbol[], warnings: string[] = []): ParsedEntryPoint[] {
  const family = FAMILIES[lang];
  if (!family) return [];
  const out = new EntryList();
  guarded('entry point detection', warnings, () => family.entryPoints(fileContext(family, lang, root, source, relPath, symbols), out));
  return out.result();
}

export function detectExternalCalls(lang: Language, root: SyntaxNode, source: string, symbols: ParsedSymbol[], warnings: string[] = []): ParsedExternalCall[] {
  const family = FAMILIES[lang];
  if (!family) return [];
  const ctx = fileContext(family, lang, root, source, '', symbols);
  const out = new CallList(ctx.symbols);
  guarded('external call detection', warnings, () => family.calls(ctx, out));
  return out.result();
}

// Detection is best effort over arbitrary, possibly broken code: a detector bug must not fail indexing.
// What was found before the failure is kept, and the failure is reported, never silently dropped.
function guarded(what: string, warnings: string[], run: () => void): void {
  try {
    run();
  } catch (e) {
    warnings.push(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
