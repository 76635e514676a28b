// The queries one system answered worst, with what was expected and what it ranked: where ranking loses.
import type { QueryRecord } from './report.js';

/** The `n` lowest-NDCG queries for `system` (ties: by id), each with its expected files and the system's top hits. */
export function worstQueries(records: readonly QueryRecord[], system: string, n: number): string {
  const scored = records.filter((r) => r.systems[system]).sort((a, b) => a.systems[system]!.ndcg - b.systems[system]!.ndcg || (a.id < b.id ? -1 : 1));
  const lines = [`# ${Math.min(n, scored.length)} lowest NDCG@10 for ${system}`];
  for (const r of scored.slice(0, n)) {
    const run = r.systems[system]!;
    const bm25 = r.systems.bm25 ? `, bm25 ${r.systems.bm25.ndcg.toFixed(2)}` : '';
    lines.push('', `## ${r.id} (${r.kind}) ${JSON.stringify(r.q)}: NDCG ${run.ndcg.toFixed(2)}${bm25}`, `expected: ${r.expected.files.join(', ')}${r.expected.symbols.length ? ` (symbols ${r.expected.symbols.join(', ')})` : ''}`);
    for (const [i, hit] of (run.top ?? run.files).entries()) lines.push(`  ${i + 1}. ${hit}`);
  }
  return lines.join('\n');
}
