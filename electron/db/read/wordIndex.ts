// Candidates from the word index (migration 010): units holding ANY of a question's code words, ranked by
// BM25 with each field weighted apart (FTS5 bm25() column weights, the BM25F of one table): a word in a
// symbol's name or a file's path counts for more than the same word in a body.
import type { SearchQuery } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { chunkLineCandidates, DEFINITION_SELECT, type DefinitionRow, type WordCandidateRow } from './autoCandidates.js';
import { fileFilter } from './filters.js';
import { EnclosingSymbols } from './snippet.js';
import { chunkRows } from './chunkReads.js';
import { cachedStatement } from './statements.js';
import { WORD_ROW_FILE, WORD_ROW_UNIT } from './wordRowIds.js';

/** Column weights, in the table's column order (names, signature, doc, path, body). */
export const FIELD_WEIGHTS = { names: 5, signature: 2, doc: 3, path: 3, body: 1.5 } as const;
// Ranking reads every row that holds a kept word: the rarest words are kept anywhere while their rows add up to
// at most this many. When every word is commoner than that, the rarest counts in names and paths only (a
// column filter reads far fewer rows).
const POSTING_BUDGET = 6000;
const MAX_WORDS = 12;

export type ScoredDefinition = DefinitionRow & { score: number };

export interface WordIndexCandidates {
  /** Lines of the best chunks, each with its chunk's score. */
  lines: WordCandidateRow[];
  /** Definitions whose name, signature or doc holds the words, each with its score. */
  definitions: ScoredDefinition[];
  /** Words dropped as too common (or absent) before ranking; words counted in names and paths only are not listed. */
  dropped: string[];
}

const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The words worth a lookup, rarest first: `kept` anywhere (within the posting budget), `named` only in names and paths. */
export function usefulWords(db: ReadDb, words: readonly string[], budget = POSTING_BUDGET): { kept: string[]; named: string[]; dropped: string[] } {
  const unique = [...new Set(words.filter((w) => w.length > 0))].slice(0, MAX_WORDS);
  if (unique.length === 0) return { kept: [], named: [], dropped: [] };
  const df = new Map(cachedStatement<string[], { term: string; doc: number }>(db,
    `SELECT term, doc FROM words_vocab WHERE term IN (${unique.map(() => '?').join(', ')})`).all(...unique).map((r) => [r.term, r.doc]));
  const present = unique.filter((w) => (df.get(w) ?? 0) > 0).sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
  const kept: string[] = [];
  const named: string[] = [];
  let rows = 0;
  for (const w of present) {
    const n = df.get(w) ?? 0;
    if (rows + n <= budget) {
      kept.push(w);
      rows += n;
    }
  }
  const rarest = present[0];
  if (kept.length === 0 && rarest) named.push(rarest);
  return { kept, named, dropped: unique.filter((w) => !kept.includes(w) && !named.includes(w)) };
}

/** The MATCH expression: kept words in any field, named words in names and paths only. */
export function wordsExpression(kept: readonly string[], named: readonly string[]): string {
  const any = kept.map(ftsString).join(' OR ');
  const inNames = named.length > 0 ? `{names path} : (${named.map(ftsString).join(' OR ')})` : '';
  return [any, inNames].filter(Boolean).join(' OR ');
}

/** The best `limit` units for `words` (index words: stemmed parts, see codeWords); `needles` pick the lines shown. */
export function wordIndexCandidates(db: ReadDb, words: readonly string[], needles: readonly string[], q: Pick<SearchQuery, 'repo' | 'lang' | 'path'>, limit: number): WordIndexCandidates {
  const { kept, named, dropped } = usefulWords(db, words);
  if (kept.length === 0 && named.length === 0) return { lines: [], definitions: [], dropped };
  const filter = fileFilter(db, q);
  const w = FIELD_WEIGHTS;
  // Without a filter no match needs its file: the word index's own rows, in the same order, are joined afterwards.
  const units = cachedStatement<Array<string | number>, { symbol_id: number | null; chunk_id: number | null; rank: number }>(db,
    `SELECT ${WORD_ROW_UNIT}, bm25(words_fts, ${w.names}, ${w.signature}, ${w.doc}, ${w.path}, ${w.body}) AS rank
     FROM words_fts${filter.where ? ` ${WORD_ROW_FILE}` : ''}
     WHERE words_fts MATCH ?${filter.where} ORDER BY rank LIMIT ?`,
  ).all(wordsExpression(kept, named), ...filter.params, limit);

  const chunkIds = units.flatMap((u) => (u.chunk_id !== null ? [u.chunk_id] : []));
  const symbolIds = units.flatMap((u) => (u.symbol_id !== null ? [u.symbol_id] : []));
  // One statement each for all chunks and all definitions, instead of one per unit.
  const chunks = new Map(chunkRows(db, chunkIds).map((c) => [c.id, c]));
  const symbols = new Map(cachedStatement<[string], DefinitionRow & { id: number }>(db,
    `${DEFINITION_SELECT.replace('SELECT ', 'SELECT s.id, ')} WHERE s.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(symbolIds)).map((d) => [d.id, d]));
  const enclosing = new EnclosingSymbols(db);
  const lowerNeedles = [...new Set(needles.map((n) => n.toLowerCase()).filter((n) => n.length >= 3))];
  const lines: WordCandidateRow[] = [];
  const definitions: ScoredDefinition[] = [];
  for (const unit of units) {
    if (unit.chunk_id !== null) {
      const chunk = chunks.get(unit.chunk_id);
      if (chunk) lines.push(...chunkLineCandidates(enclosing, chunk, -unit.rank, lowerNeedles));
    } else if (unit.symbol_id !== null) {
      const found = symbols.get(unit.symbol_id);
      if (found) {
        const { id: _id, ...def } = found;
        definitions.push({ ...def, score: -unit.rank });
      }
    }
  }
  return { lines, definitions, dropped };
}
