// Candidates from the word index (migration 010): units holding ANY of a question's code words, ranked by
// BM25 with each field weighted apart (FTS5 bm25() column weights, the BM25F of one table): a word in a
// symbol's name or a file's path counts for more than the same word in a body.
import type { SearchQuery } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { chunkLineCandidates, DEFINITION_SELECT, type DefinitionRow, type WordCandidateRow } from './autoCandidates.js';
import { fileFilter } from './filters.js';
import { type ChunkRow, EnclosingSymbols } from './snippet.js';

/** Column weights, in the table's column order (names, signature, doc, path, body). */
export const FIELD_WEIGHTS = { names: 8, signature: 3, doc: 4, path: 4, body: 1 } as const;
// A word in more than this share of all units (and at least COMMON_MIN of them) says little and costs a scan of much of the index.
const COMMON_SHARE = 0.15;
const COMMON_MIN = 200;
const MAX_WORDS = 12;

export type ScoredDefinition = DefinitionRow & { score: number };

export interface WordIndexCandidates {
  /** Lines of the best chunks, each with its chunk's score. */
  lines: WordCandidateRow[];
  /** Definitions whose name, signature or doc holds the words, each with its score. */
  definitions: ScoredDefinition[];
  /** Words dropped as too common (or absent) before ranking. */
  dropped: string[];
}

const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The words worth a lookup: present in the index, and not in most units unless nothing rarer is asked. */
export function usefulWords(db: ReadDb, words: readonly string[]): { kept: string[]; dropped: string[] } {
  const unique = [...new Set(words.filter((w) => w.length > 0))].slice(0, MAX_WORDS);
  if (unique.length === 0) return { kept: [], dropped: [] };
  const df = new Map(db.prepare<string[], { term: string; doc: number }>(
    `SELECT term, doc FROM words_vocab WHERE term IN (${unique.map(() => '?').join(', ')})`).all(...unique).map((r) => [r.term, r.doc]));
  const units = db.prepare<[], number | null>('SELECT max(id) FROM word_units').pluck().get() ?? 0;
  const present = unique.filter((w) => (df.get(w) ?? 0) > 0);
  const rare = present.filter((w) => (df.get(w) ?? 0) <= Math.max(COMMON_MIN, COMMON_SHARE * units));
  const kept = rare.length > 0 ? rare : present;
  return { kept, dropped: unique.filter((w) => !kept.includes(w)) };
}

/** The best `limit` units for `words` (index words: stemmed parts, see codeWords); `needles` pick the lines shown. */
export function wordIndexCandidates(db: ReadDb, words: readonly string[], needles: readonly string[], q: Pick<SearchQuery, 'repo' | 'lang' | 'path'>, limit: number): WordIndexCandidates {
  const { kept, dropped } = usefulWords(db, words);
  if (kept.length === 0) return { lines: [], definitions: [], dropped };
  const filter = fileFilter(db, q);
  const w = FIELD_WEIGHTS;
  const units = db.prepare<Array<string | number>, { symbol_id: number | null; chunk_id: number | null; rank: number }>(
    `SELECT u.symbol_id, u.chunk_id, bm25(words_fts, ${w.names}, ${w.signature}, ${w.doc}, ${w.path}, ${w.body}) AS rank
     FROM words_fts JOIN word_units u ON u.id = words_fts.rowid JOIN files f ON f.id = u.file_id
     WHERE words_fts MATCH ?${filter.where} ORDER BY rank LIMIT ?`,
  ).all(kept.map(ftsString).join(' OR '), ...filter.params, limit);

  const chunkStmt = db.prepare<[number], ChunkRow>(
    `SELECT c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo
     FROM chunks c JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id WHERE c.id = ?`);
  const symbolStmt = db.prepare<[number], DefinitionRow>(`${DEFINITION_SELECT} WHERE s.id = ?`);
  const enclosing = new EnclosingSymbols(db);
  const lowerNeedles = [...new Set(needles.map((n) => n.toLowerCase()).filter((n) => n.length >= 3))];
  const lines: WordCandidateRow[] = [];
  const definitions: ScoredDefinition[] = [];
  for (const unit of units) {
    if (unit.chunk_id !== null) {
      const chunk = chunkStmt.get(unit.chunk_id);
      if (chunk) lines.push(...chunkLineCandidates(enclosing, chunk, -unit.rank, lowerNeedles));
    } else if (unit.symbol_id !== null) {
      const def = symbolStmt.get(unit.symbol_id);
      if (def) definitions.push({ ...def, score: -unit.rank });
    }
  }
  return { lines, definitions, dropped };
}
