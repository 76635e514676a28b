// Collects detections, then returns them sorted by line with exact repeats removed.
import type { EntryKind } from '../../../shared/types.js';
import type { SyntaxNode } from '../parsers/treeSitter.js';
import type { ExternalKind, ParsedEntryPoint, ParsedExternalCall } from '../../base/fileAnalysis.js';
import { lineOf } from './common.js';
import type { SymbolIndex } from './symbolIndex.js';

export interface EntryInput {
  kind: EntryKind;
  framework: string;
  line: number;
  method?: string | null;
  path?: string | null;
  schedule?: string | null;
  queue?: string | null;
  symbol?: number | null;
  handler?: string | null;
}

export class EntryList {
  private readonly items: (ParsedEntryPoint & { at: number })[] = [];

  /** `at` orders entries that share a line (e.g. the links of `route('/x').get(h).post(h2)`). */
  add(e: EntryInput, at = 0): void {
    this.items.push({
      at,
      kind: e.kind, framework: e.framework, method: e.method ?? null, path: e.path ?? null,
      schedule: e.schedule ?? null, queue: e.queue ?? null, symbol: e.symbol ?? null,
      handler: e.handler ?? null, line: e.line,
    });
  }

  result(): ParsedEntryPoint[] {
    const unique = uniqueByLine(this.items, (e) => `${e.kind}|${e.framework}|${e.method}|${e.path}|${e.schedule}|${e.queue}|${e.symbol}|${e.handler}|${e.line}`);
    return unique.map(({ at: _at, ...entry }) => entry);
  }
}

/** An outside system a call reaches, before it is placed at a line and symbol. */
export interface FoundCall { kind: ExternalKind; client: string; target: string | null }

export class CallList {
  private readonly items: ParsedExternalCall[] = [];

  constructor(private readonly symbols: SymbolIndex) {}

  /** Records a call found at `node`, attached to the innermost symbol around it. */
  at(node: SyntaxNode, found: FoundCall | null): void {
    if (!found) return;
    const line = lineOf(node);
    this.add(this.symbols.enclosing(line), found.kind, found.client, found.target, line);
  }

  add(symbol: number | null, kind: ExternalKind, client: string, target: string | null, line: number): void {
    this.items.push({ symbol, kind, client, target: target === '' ? null : target, line });
  }

  result(): ParsedExternalCall[] {
    // One row per symbol+kind+client+target: the first (lowest) line stands for the rest.
    return uniqueByLine(this.items, (c) => `${c.symbol}|${c.kind}|${c.client}|${c.target}`);
  }
}

function uniqueByLine<T extends { line: number; at?: number }>(items: T[], key: (item: T) => string): T[] {
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.line - b.item.line || (a.item.at ?? 0) - (b.item.at ?? 0) || a.i - b.i);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const { item } of sorted) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}
