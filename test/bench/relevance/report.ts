// Aggregates per-query scores into tables (markdown, so they paste into the README as they are).
import { QUERY_KINDS, type QueryKind } from './queries.js';
import { mean, percentile } from './metrics.js';
import type { QueryScore } from './score.js';

export interface SystemRun extends QueryScore {
  /** Clew only: the first hits as `path:line symbol`, to see why a query scored as it did. */
  top?: string[];
  ms: number;
  error: string | null;
  notice: string | null;
}

export interface QueryRecord {
  id: string;
  corpus: string;
  kind: QueryKind;
  q: string;
  expected: { files: string[]; symbols: string[] };
  systems: Record<string, SystemRun>;
}

const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');
const ms = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–');
const defined = (xs: Array<number | null>): number[] => xs.filter((x): x is number => x !== null);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function runsOf(records: readonly QueryRecord[], system: string): SystemRun[] {
  return records.map((r) => r.systems[system]).filter((s): s is SystemRun => s !== undefined);
}

export function overallTable(records: readonly QueryRecord[], systems: readonly string[]): string {
  const rows = systems.map((system) => {
    const runs = runsOf(records, system);
    const errors = runs.filter((r) => r.error !== null).length;
    return [
      system,
      f2(mean(runs.map((r) => r.ndcg))),
      f2(mean(runs.map((r) => r.recall))),
      f2(mean(defined(runs.map((r) => r.symbolRecall)))),
      f2(mean(defined(runs.map((r) => r.definitionFirst)))),
      f2(mean(runs.map((r) => r.top1))),
      ms(percentile(runs.map((r) => r.ms), 50)),
      ms(percentile(runs.map((r) => r.ms), 95)),
      String(errors),
    ];
  });
  return table(['system', 'NDCG@10', 'recall@10', 'symbol recall@10', 'definition first', 'top-1 file', 'p50 ms', 'p95 ms', 'errors'], rows);
}

export function byKindTable(records: readonly QueryRecord[], systems: readonly string[]): string {
  const kinds = QUERY_KINDS.filter((k) => records.some((r) => r.kind === k));
  const header = ['NDCG@10 by kind', ...kinds.map((k) => `${k} (${records.filter((r) => r.kind === k).length})`), `all (${records.length})`];
  const rows = systems.map((system) => [
    system,
    ...kinds.map((k) => f2(mean(runsOf(records.filter((r) => r.kind === k), system).map((r) => r.ndcg)))),
    f2(mean(runsOf(records, system).map((r) => r.ndcg))),
  ]);
  return table(header, rows);
}

export function byCorpusTable(records: readonly QueryRecord[], systems: readonly string[]): string {
  const corpora = [...new Set(records.map((r) => r.corpus))];
  const header = ['NDCG@10 by corpus', ...corpora.map((c) => `${c} (${records.filter((r) => r.corpus === c).length})`)];
  const rows = systems.map((system) => [system, ...corpora.map((c) => f2(mean(runsOf(records.filter((r) => r.corpus === c), system).map((r) => r.ndcg))))]);
  return table(header, rows);
}

export function recallByKindTable(records: readonly QueryRecord[], systems: readonly string[]): string {
  const kinds = QUERY_KINDS.filter((k) => records.some((r) => r.kind === k));
  const rows = systems.map((system) => [system, ...kinds.map((k) => f2(mean(runsOf(records.filter((r) => r.kind === k), system).map((r) => r.recall))))]);
  return table(['recall@10 by kind', ...kinds], rows);
}
