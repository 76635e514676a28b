// Test helpers: analyze a snippet and show entry points/calls with symbols by name, for exact comparisons.
import type { Language } from '../../../shared/types.js';
import { analyzeFile } from '../../../electron/engine/analyze.js';
import type { ExternalKind, ParsedEntryPoint } from '../../../electron/base/fileAnalysis.js';

export type EntryView = Omit<ParsedEntryPoint, 'symbol'> & { symbol: string | null };
export interface CallView { symbol: string | null; kind: ExternalKind; client: string; target: string | null; line: number }

export interface Analysis { entryPoints: EntryView[]; calls: CallView[] }

/** Runs the real pipeline; `symbol` indexes are shown as the symbol's name. */
export async function analyze(language: Language, relPath: string, source: string): Promise<Analysis> {
  const r = await analyzeFile(language, relPath, source);
  const name = (i: number | null): string | null => (i === null ? null : r.symbols[i]?.name ?? `#${i}`);
  return {
    entryPoints: r.entryPoints.map((e) => ({ ...e, symbol: name(e.symbol) })),
    calls: r.calls.map((c) => ({ ...c, symbol: name(c.symbol) })),
  };
}

type Partial2<T> = { [K in keyof T]?: T[K] };

/** An entry point with nulls for everything not given. */
export function ep(e: Partial2<EntryView> & Pick<EntryView, 'kind' | 'framework' | 'line'>): EntryView {
  return { method: null, path: null, schedule: null, queue: null, symbol: null, handler: null, ...e };
}

export function http(framework: string, method: string, path: string, line: number, symbol: string | null = null, handler: string | null = null): EntryView {
  return ep({ kind: 'http', framework, method, path, line, symbol, handler });
}

export function call(symbol: string | null, kind: ExternalKind, client: string, target: string | null, line: number): CallView {
  return { symbol, kind, client, target, line };
}
