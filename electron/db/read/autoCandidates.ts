// Candidates for `auto` search, before ranking: lines that hold ANY of the query's words (BM25 over the
// trigram index, verified and ranked on the chunk text, so word forms match by their stem as a substring), and definitions named like the query.
import type { SearchQuery } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { fileFilter } from './filters.js';
import { bm25Scores, chunkIndexTotals, occurrenceCounts } from './chunkRank.js';
import { checkedChunks, chunkRows, matchingChunkIds } from './chunkReads.js';
import { cachedStatement } from './statements.js';
import { type ChunkRow, EnclosingSymbols, findRanges, makeSnippet } from './snippet.js';
import { literalsExpression } from './trigrams.js';

export interface WordCandidateRow {
  repo: string;
  path: string;
  language: string | null;
  line: number;
  text: string;
  /** BM25 of the line's chunk: higher is better. */
  score: number;
  /** How many distinct needles the line holds. */
  covered: number;
  /** The snippet and the enclosing symbol, read only for the lines a ranking shows (a few dozen of several hundred). */
  details: () => LineDetails;
}

/** What a shown line carries besides its text. */
export interface LineDetails {
  snippet: string;
  column: number;
  highlights: Array<[number, number]>;
  /** The innermost symbol around the line. */
  symbol: string | null;
  symbolKind: string | null;
}

export interface DefinitionRow {
  repo: string;
  path: string;
  language: string | null;
  fqn: string;
  name: string;
  kind: string;
  startLine: number;
  endLine: number;
  signature: string;
  doc: string | null;
  /** The modifiers as stored (a JSON array): whether it is declared public. */
  modifiers: string;
  /** The enclosing symbol's FQN, when there is one. */
  container: string | null;
}

// A definition row with its file, repo and enclosing symbol; each caller adds its WHERE.
export const DEFINITION_SELECT = `SELECT r.path AS repo, f.path, f.language, s.fqn, s.name, s.kind, s.start_line AS startLine, s.end_line AS endLine,
    s.signature, s.doc, s.modifiers, (SELECT p.fqn FROM symbols p WHERE p.id = s.parent_id) AS container
  FROM symbols s JOIN files f ON f.id = s.file_id JOIN repos r ON r.id = s.repo_id`;

// Chunks read and ranked at most: the rest of a very common word's matches are not looked at.
const RANKED_CHUNKS = 3000;
// A line is worth a candidate when it holds a needle; a chunk gives at most this many lines.
const LINES_PER_CHUNK = 2;

/** Lines of the best chunks for `needles` (lower-case, ≥ 3 characters; OR'd, never all required). */
export function wordCandidates(db: ReadDb, needles: readonly string[], q: Pick<SearchQuery, 'repo' | 'lang' | 'path'>, chunkLimit: number): WordCandidateRow[] {
  const usable = [...new Set(needles.map((n) => n.toLowerCase()).filter((n) => n.length >= 3))];
  if (usable.length === 0) return [];
  const filter = fileFilter(db, q);
  const expression = literalsExpression(usable.map((n) => [n]));
  if (expression === null) return [];
  // The trigram index keeps no positions: the chunks it finds are checked for a needle and ranked here.
  const countsIn = occurrenceCounts(usable);
  const held = checkedChunks(db, matchingChunkIds(db, expression, filter, RANKED_CHUNKS), chunkLimit, usable, ({ id, text }) => {
    const counts = countsIn(text);
    return counts.some((n) => n > 0) ? { id, length: text.length, counts } : undefined;
  });
  const ranks = bm25Scores(held.map((h) => h.counts), held.map((h) => h.length), chunkIndexTotals(db));
  const best = held.map((h, k) => ({ id: h.id, rank: ranks[k] ?? 0 })).sort((a, b) => a.rank - b.rank || a.id - b.id).slice(0, chunkLimit);
  const rankById = new Map(best.map((b) => [b.id, b.rank]));
  const ordered = chunkRows(db, best.map((b) => b.id)).map((row) => ({ ...row, rank: rankById.get(row.id) ?? 0 })).sort((a, b) => a.rank - b.rank || a.id - b.id);
  const enclosing = new EnclosingSymbols(db);
  return ordered.flatMap((row) => chunkLineCandidates(enclosing, row, -row.rank, usable));
}

/** The lines of one ranked chunk that hold the most needles (at most LINES_PER_CHUNK), each with the chunk's score. */
export function chunkLineCandidates(enclosing: EnclosingSymbols, row: ChunkRow, score: number, needles: readonly string[]): WordCandidateRow[] {
  const out: WordCandidateRow[] = [];
  // Lower-casing the chunk once gives the same lines as lower-casing each (no line break is added or lost).
  const lines = row.text.split('\n');
  const scored = row.text.toLowerCase().split('\n')
    .map((lower, index) => ({ lower, index, covered: needles.filter((n) => lower.includes(n)).length }))
    .filter((l) => l.covered > 0)
    .sort((a, b) => b.covered - a.covered || a.index - b.index)
    .slice(0, LINES_PER_CHUNK);
  for (const l of scored) {
    const text = lines[l.index] ?? '';
    const line = row.start_line + l.index;
    let details: LineDetails | undefined;
    out.push({
      repo: row.repo, path: row.path, language: row.language, line, text, score, covered: l.covered,
      details: () => {
        if (details) return details;
        const snippet = makeSnippet(text, findRanges(l.lower, needles));
        const symbol = enclosing.at(row.file_id, line);
        details = { snippet: snippet.snippet, column: snippet.column, highlights: snippet.highlights, symbol: symbol?.fqn ?? null, symbolKind: symbol?.kind ?? null };
        return details;
      },
    });
  }
  return out;
}

/** Definitions whose name is one of `names` exactly (any case), or starts with it when `prefix` is set. */
export function definitionCandidates(db: ReadDb, names: readonly string[], q: Pick<SearchQuery, 'repo' | 'lang' | 'path' | 'kind'>, perName: number, prefix: boolean): DefinitionRow[] {
  const filter = fileFilter(db, q);
  const kindWhere = q.kind ? ' AND s.kind = ?' : '';
  const extra = q.kind ? [...filter.params, q.kind] : filter.params;
  const stmt = cachedStatement<Array<string | number>, DefinitionRow>(db,
    `${DEFINITION_SELECT} WHERE s.name ${prefix ? "LIKE ? ESCAPE '\\'" : '= ?'}${filter.where}${kindWhere} ORDER BY length(s.name), s.id LIMIT ?`,
  );
  const seen = new Set<string>();
  const out: DefinitionRow[] = [];
  for (const name of new Set(names)) {
    if (!name) continue;
    const arg = prefix ? `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : name;
    for (const row of stmt.all(arg, ...extra, perName)) {
      const key = `${row.repo}\u0000${row.path}\u0000${row.fqn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(row);
    }
  }
  return out;
}

/** The definitions semantic search named (by repo, path and FQN), with their spans and docs. */
export function definitionsAt(db: ReadDb, places: ReadonlyArray<{ repo: string; path: string; fqn: string }>): DefinitionRow[] {
  const stmt = cachedStatement<[string, string, string], DefinitionRow>(db,
    `${DEFINITION_SELECT} WHERE r.path = ? AND f.path = ? AND s.fqn = ? LIMIT 1`,
  );
  return places.flatMap((p) => stmt.all(p.repo, p.path, p.fqn));
}
