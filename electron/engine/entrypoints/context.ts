// What each language family sees for one file, and the shape every family implements.
import type { Language } from '../../../shared/types.js';
import type { SyntaxNode } from '../parsers/treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { CallList, EntryList } from './results.js';
import { SymbolIndex } from './symbolIndex.js';
import { nodesOf, prefetchNodes } from './walk.js';

export interface FileContext {
  lang: Language;
  root: SyntaxNode;
  source: string;
  relPath: string;
  symbols: SymbolIndex;
  /** Nodes of these types (declared in the family's `types`) in document order. */
  nodes(...types: string[]): readonly SyntaxNode[];
  /** Finds these types (declared too) in one walk now, for `nodes()` calls about to come one type at a time. */
  prefetch(...types: string[]): void;
}

export interface Family {
  /** Every node type either detector may ask `nodes()` for; asking for another is a bug. */
  types: ReadonlySet<string>;
  entryPoints(ctx: FileContext, out: EntryList): void;
  calls(ctx: FileContext, out: CallList): void;
}

/** Memoises a fact about a file on its tree root, so route and call detection build it once between them. */
export function perTree<T>(build: (ctx: FileContext) => T): (ctx: FileContext) => T {
  const cache = new WeakMap<SyntaxNode, T>();
  return (ctx) => {
    let value = cache.get(ctx.root);
    if (value === undefined) cache.set(ctx.root, (value = build(ctx)));
    return value;
  };
}

export function fileContext(family: Family, lang: Language, root: SyntaxNode, source: string, relPath: string, symbols: readonly ParsedSymbol[]): FileContext {
  const declared = (types: readonly string[]): readonly string[] => {
    const unknown = types.find((t) => !family.types.has(t));
    if (unknown) throw new Error(`node type ${unknown} is not declared by the ${lang} detectors`);
    return types;
  };
  return {
    lang, root, source, relPath,
    symbols: new SymbolIndex(symbols),
    nodes: (...types) => nodesOf(root, declared(types)),
    prefetch: (...types) => prefetchNodes(root, declared(types)),
  };
}
