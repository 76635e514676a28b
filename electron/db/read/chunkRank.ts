// BM25 of chunks, computed here: the trigram index keeps no positions (detail=none), so FTS5's bm25() would tokenize
// every matching chunk again (10–20× the cost of the match). The formula and constants are FTS5's own
// (fts5_aux.c: k1 1.2, b 0.75, idf floored at 1e-6, the score negated), over the chunk texts the caller has read anyway
// to verify the match.
import type { ReadDb } from '../connection.js';
import { cachedStatement } from './statements.js';
import { escapeRegex } from '../../base/escapeRegex.js';

const K1 = 1.2;
const B = 0.75;

/** The index's row count and mean tokens per row: FTS5 keeps both in its averages record (rowid 1 of `%_data`). */
export interface FullTextTotals {
  rows: number;
  meanTokens: number;
}

/** Reads the averages record: varint row count, then varint token total per column (one column here). */
export function chunkIndexTotals(db: ReadDb): FullTextTotals {
  const block = cachedStatement<[], { block: Buffer }>(db, 'SELECT block FROM chunks_fts_data WHERE id = 1').get()?.block;
  if (!block) return { rows: 0, meanTokens: 1 };
  let at = 0;
  const varint = (): number => {
    let value = 0;
    // SQLite varints: 7 bits a byte, high bit set to go on; the ninth byte gives all 8 bits (never reached here).
    for (let i = 0; i < 9 && at < block.length; i++) {
      const byte = block[at++] ?? 0;
      if (i === 8) return value * 256 + byte;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    return value;
  };
  const rows = varint();
  const tokens = varint();
  return { rows, meanTokens: rows > 0 && tokens > 0 ? tokens / rows : 1 };
}

/** Counts a needle's occurrences in a text, overlaps included (FTS5 counts each phrase instance); letter case is
 * ignored unless asked. A regular expression scans the text as it is: lower-casing every chunk first cost twice as much. */
export function occurrenceCounter(needle: string, caseSensitive = false): (text: string) => number {
  const re = new RegExp(escapeRegex(needle), caseSensitive ? 'g' : 'gi');
  return (text) => {
    let n = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      n++;
      re.lastIndex = m.index + 1;
    }
    return n;
  };
}

/** Each needle's occurrences in a text, as occurrenceCounter counts them, in one scan of the text: an identifier's
 * spellings (http.request, httprequest, http_request) were three scans of up to 3,000 chunks. Two needles can match at
 * one place only when one starts the other; then one scan would count one of them, so each gets its own. */
export function occurrenceCounts(needles: readonly string[], caseSensitive = false): (text: string) => number[] {
  const folded = needles.map((n) => (caseSensitive ? n : n.toLowerCase()));
  const nested = folded.some((a, i) => folded.some((b, j) => i !== j && b.startsWith(a)));
  if (needles.length < 2 || nested) {
    const counters = needles.map((n) => occurrenceCounter(n, caseSensitive));
    return (text) => counters.map((count) => count(text));
  }
  const re = new RegExp(needles.map((n) => `(${escapeRegex(n)})`).join('|'), caseSensitive ? 'g' : 'gi');
  return (text) => {
    const counts = needles.map(() => 0);
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      for (let k = 0; k < counts.length; k++) {
        if (m[k + 1] !== undefined) {
          counts[k] = (counts[k] ?? 0) + 1;
          break;
        }
      }
      re.lastIndex = m.index + 1;
    }
    return counts;
  };
}

/** The trigram tokens of a text: one per position that has three characters. */
const tokensOf = (length: number): number => Math.max(1, length - 2);

/**
 * bm25 per chunk (lower is better, as FTS5's), given how often each needle occurs in each chunk (`counts[chunk][needle]`)
 * and the chunks' lengths. A needle's document frequency is given, or counted over these chunks (the whole match set).
 */
export function bm25Scores(counts: readonly (readonly number[])[], lengths: readonly number[], totals: FullTextTotals,
  documentFrequency?: readonly number[]): number[] {
  const needles = counts[0]?.length ?? 0;
  const hits = Array.from({ length: needles }, (_, k) => documentFrequency?.[k] ?? counts.filter((c) => (c[k] ?? 0) > 0).length);
  const rows = Math.max(totals.rows, counts.length);
  const idf = hits.map((hit) => Math.max(1e-6, Math.log((rows - hit + 0.5) / (hit + 0.5))));
  return counts.map((c, d) => {
    const norm = K1 * (1 - B + (B * tokensOf(lengths[d] ?? 0)) / totals.meanTokens);
    let score = 0;
    for (const [k, tf] of c.entries()) if (tf > 0) score += ((idf[k] ?? 0) * tf * (K1 + 1)) / (tf + norm);
    return -score;
  });
}
