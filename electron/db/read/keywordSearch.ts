// Keyword search over file contents with the FTS5 trigram index (candidates verified against the chunk text): terms match anywhere inside
// identifiers, and an identifier query also matches its parts (parseConfig ↔ parse_config).
import type { SearchHit, SearchQuery } from '../../../shared/types.js';
import { identifierParts } from '../../base/identifiers.js';
import type { ReadDb } from '../connection.js';
import { fileFilter, type SqlFilter } from './filters.js';
import { bm25Scores, chunkIndexTotals, occurrenceCounts } from './chunkRank.js';
import { checkedChunks, chunkRows, matchingChunkIds } from './chunkReads.js';
import { cachedStatement } from './statements.js';
import { type ChunkRow, contextLine, EnclosingSymbols, findRanges, isWholeWord, makeSnippet, type MatchOptions, rangesMatching } from './snippet.js';
import { isIndexable, literalsExpression, needleExpression } from './trigrams.js';
import { lineIndexOf, lineStarts } from '../../base/lineStarts.js';

interface Term {
  /** Alternatives, each a list of lower-case needles that must all appear. */
  alternatives: string[][];
}

interface RankedChunk extends ChunkRow {
  id: number;
  rank: number;
}

/** `parseConfig` → [[parseconfig], [parse_config]]: the same identifier in camel, Pascal, snake or
 * screaming case (kebab-case is rare in code and each spelling costs a long trigram phrase). Separate words (`parse config`) are separate terms. `"exact phrase"` stays one needle.
 * `caseSensitive`: needles keep their case and only the spelling typed matches. */
export function parseKeywordQuery(query: string, caseSensitive = false): Term[] {
  const terms: Term[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(query)) !== null) {
    if (m[1] !== undefined) {
      terms.push({ alternatives: [[caseSensitive ? m[1] : m[1].toLowerCase()]] });
      continue;
    }
    const raw = m[2] ?? '';
    if (caseSensitive) {
      terms.push({ alternatives: [[raw]] });
      continue;
    }
    const whole = raw.toLowerCase();
    const parts = identifierParts(raw);
    const alternatives = [[whole]];
    if (parts.length > 1) alternatives.push([parts.join('')], [parts.join('_')]);
    terms.push({ alternatives: dedupe(alternatives) });
  }
  return terms;
}

function dedupe(lists: string[][]): string[][] {
  const seen = new Set<string>();
  return lists.filter((l) => {
    const key = l.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The FTS MATCH expression: each needle as the AND of its trigrams (the index keeps no positions, so the chunks found
 * are verified against their text), a term as the OR of its spellings. Needles under 3 characters are checked per line
 * only: a spelling without a longer needle makes its whole term unindexable. */
export function toFtsExpression(terms: Term[]): string | null {
  const clauses = terms.map((term) => literalsExpression(term.alternatives)).filter((clause): clause is string => clause !== null);
  return clauses.length ? clauses.join(' AND ') : null;
}

/** Match sets up to this size are verified and ranked; larger ones take their first candidates. */
const RANKED_MATCH_LIMIT = 3000;

/** The distinct needles the index looked up (≥ 3 characters), lower-cased: what a chunk is checked and ranked by. */
const indexedNeedles = (terms: Term[]): string[] => [...new Set(terms.flatMap((t) => t.alternatives.flat()).filter(isIndexable).map((n) => n.toLowerCase()))];

/** The chunks among `ids` (kept in order) that truly hold every term, with how often they hold each needle; oversized
 * chunks are read only when fewer than `wanted` ordinary ones hold them (chunkReads.ts). */
function verified(db: ReadDb, ids: readonly number[], terms: Term[], wanted: number): Array<{ id: number; counts: number[]; length: number }> {
  const needles = indexedNeedles(terms);
  const countsIn = occurrenceCounts(needles);
  const position = new Map(needles.map((n, k) => [n, k]));
  const holds = (counts: number[], needle: string): boolean => !isIndexable(needle) || (counts[position.get(needle.toLowerCase()) ?? -1] ?? 0) > 0;
  return checkedChunks(db, ids, wanted, needles, ({ id, text }) => {
    const counts = countsIn(text);
    return terms.every((term) => term.alternatives.some((alt) => alt.every((n) => holds(counts, n)))) ? { id, counts, length: text.length } : undefined;
  });
}

// Past this many chunks a word's document frequency is not counted further (its idf is near zero by then).
const FREQUENCY_CAP = 20_000;

/** For several terms, how many chunks of the whole index hold each needle's trigrams, as FTS5's bm25 counted each
 * phrase. Undefined for one term: every chunk holding one of its spellings is in its match set, counted there already. */
function documentFrequencies(db: ReadDb, terms: Term[]): number[] | undefined {
  if (terms.length < 2) return undefined;
  const needles = indexedNeedles(terms);
  const count = cachedStatement<[string], number>(db, `SELECT count(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ${FREQUENCY_CAP})`).pluck();
  return needles.map((n) => count.get(needleExpression(n)) ?? 0);
}

/** bm25 ranks the matching chunks when the match set is small; a very common term takes the first
 * candidates instead, and lines are scored below either way. Oversized chunks are read only when fewer than `wanted`
 * ordinary ones hold the terms. */
function matchingChunks(db: ReadDb, terms: Term[], expression: string, filter: SqlFilter, candidates: number, wanted: number): RankedChunk[] {
  const found = matchingChunkIds(db, expression, filter, RANKED_MATCH_LIMIT + 1);
  const large = found.length > RANKED_MATCH_LIMIT;
  // A large set takes its first candidates unranked (scoring every match would cost more than the search); both
  // keep only the chunks that truly hold the terms, in the index's order.
  const held = verified(db, large ? found.slice(0, candidates * 2) : found, terms, wanted);
  // Equal scores keep the index's order (a stable sort).
  const ranks = large ? held.map(() => 0) : bm25Scores(held.map((h) => h.counts), held.map((h) => h.length), chunkIndexTotals(db), documentFrequencies(db, terms));
  const top = held.map((h, k) => ({ id: h.id, rank: ranks[k] ?? 0 })).sort((a, b) => a.rank - b.rank).slice(0, candidates);
  const rankById = new Map(top.map((t) => [t.id, t.rank]));
  return chunkRows(db, top.map((t) => t.id)).map((row) => ({ ...row, rank: rankById.get(row.id) ?? 0 }));
}

/** Whether the line holds the needle under the options; `haystack` is the line in the case compared. */
function holds(line: string, haystack: string, needle: string, options: MatchOptions): boolean {
  if (!options.wholeWord) return haystack.includes(needle);
  return findRanges(haystack, [needle]).some(([a, b]) => isWholeWord(line, a, b));
}

interface LineMatch {
  all: boolean;
  count: number;
  quality: number;
  needles: string[];
}

/** Which terms a line matches, given whether it holds each needle. */
function termsMatched(terms: Term[], holdsNeedle: (needle: string) => boolean): LineMatch {
  let count = 0;
  let quality = 0;
  const needles: string[] = [];
  for (const term of terms) {
    const index = term.alternatives.findIndex((alt) => alt.every(holdsNeedle));
    const alt = term.alternatives[index];
    if (!alt) continue;
    count++;
    quality += alt.length === 1 ? 1 : 0.5;
    needles.push(...alt);
  }
  return { all: count === terms.length, count, quality: quality / terms.length, needles };
}

function lineMatches(line: string, terms: Term[], options: MatchOptions): LineMatch {
  const haystack = options.caseSensitive ? line : line.toLowerCase();
  return termsMatched(terms, (n) => holds(line, haystack, n, options));
}

/** A chunk's lines, each cut only when read: a candidate chunk shows a few of its up to 80 lines. */
class ChunkLines {
  readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Line `index` (0-based), undefined outside the chunk. */
  at(index: number): string | undefined {
    const start = this.starts[index];
    if (start === undefined) return undefined;
    const next = this.starts[index + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }
}

/** The lines of a chunk that match any term, in order, each with its match. Plain substring needles are found by one
 * scan of the whole chunk each, so lines holding none are never looked at; whole-word matching checks line by line. */
function* matchingLines(lines: ChunkLines, terms: Term[], options: MatchOptions): Generator<{ index: number; match: LineMatch }> {
  const needles = [...new Set(terms.flatMap((t) => t.alternatives.flat()))];
  if (options.wholeWord || needles.some((n) => n.includes('\n'))) {
    for (let index = 0; index < lines.count; index++) {
      const match = lineMatches(lines.at(index) ?? '', terms, options);
      if (match.count > 0) yield { index, match };
    }
    return;
  }
  // Lower-casing the chunk adds and removes no line break, so its lines are the lower-cased lines; where it made the
  // text longer (İ → i̇), they start at other offsets.
  const haystack = options.caseSensitive ? lines.text : lines.text.toLowerCase();
  const starts = haystack.length === lines.text.length ? lines.starts : lineStarts(haystack);
  const lineOf = (offset: number): number => lineIndexOf(starts, offset);
  const linesOf = new Map<string, Set<number>>();
  const any = new Set<number>();
  for (const needle of needles) {
    const held = new Set<number>();
    // One hit per line is enough: after a hit, the search goes on from the next line.
    for (let at = haystack.indexOf(needle); at !== -1;) {
      const line = lineOf(at);
      held.add(line);
      any.add(line);
      const next = starts[line + 1];
      at = next === undefined ? -1 : haystack.indexOf(needle, next);
    }
    linesOf.set(needle, held);
  }
  for (const index of [...any].sort((a, b) => a - b)) yield { index, match: termsMatched(terms, (n) => linesOf.get(n)?.has(index) ?? false) };
}

// A chunk's first matching lines rank with it; the rest come after every chunk's first ones, and are read only when
// a page has room for them: the top of the list stays varied, and a long list still holds every matching line (a
// file's match count is what grep would say).
const LINES_RANKED_WITH_CHUNK = 5;

interface LineCandidate {
  row: RankedChunk;
  text: string;
  line: number;
  score: number;
  needles: string[];
  before: string | undefined;
  after: string | undefined;
}

/**
 * A chunk's lines holding every term, from the (skip + 1)-th on and at most `take` of them (`more`: others follow);
 * with none at all, its best line holding some terms.
 */
function chunkCandidates(row: RankedChunk, terms: Term[], options: MatchOptions, skip: number, take: number): { found: LineCandidate[]; more: boolean } {
  const lines = new ChunkLines(row.text);
  const candidate = (index: number, quality: number, needles: string[]): LineCandidate =>
    ({ row, text: lines.at(index) ?? '', line: row.start_line + index, score: -row.rank + quality * 2, needles, before: lines.at(index - 1), after: lines.at(index + 1) });
  const found: LineCandidate[] = [];
  let best: { index: number; quality: number; needles: string[] } | null = null;
  let whole = 0;
  for (const { index, match } of matchingLines(lines, terms, options)) {
    if (match.all) {
      if (whole - skip >= take) return { found, more: true };
      if (whole++ >= skip) found.push(candidate(index, match.quality, match.needles));
    } else if (whole === 0 && (!best || match.quality > best.quality)) best = { index, quality: match.quality, needles: match.needles };
  }
  if (whole === 0 && best && skip === 0) found.push(candidate(best.index, best.quality, best.needles));
  return { found, more: false };
}

export function keywordSearch(db: ReadDb, q: SearchQuery, limit: number): SearchHit[] {
  const options: MatchOptions = { caseSensitive: q.caseSensitive ?? false, wholeWord: q.wholeWord ?? false };
  const terms = parseKeywordQuery(q.query, options.caseSensitive);
  if (terms.length === 0) return [];
  const filter = fileFilter(db, q);
  const expression = toFtsExpression(terms);
  // Exact case or whole words drop some of the index's (case-blind, substring) candidates: read more of them.
  const candidates = Math.min(2000, limit * (options.caseSensitive || options.wholeWord ? 10 : 4));
  // A page of hits needs `limit` chunks that hold the terms (each gives a line at least), or more when exact case, whole
  // words or a symbol kind will drop some: while ordinary chunks give that many, the oversized ones (bundles, source
  // maps) are not read.
  const wanted = options.caseSensitive || options.wholeWord || q.kind ? candidates : limit;
  const shortNeedle = terms[0]?.alternatives[0]?.[0] ?? '';
  const rows = expression
    ? matchingChunks(db, terms, expression, filter, candidates, wanted)
    // Only short needles (< 3 chars): a bounded scan that stops at the candidate limit.
    : db.prepare<Array<string | number>, RankedChunk>(
      `SELECT c.id, c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo, 0 AS rank
       FROM chunks c JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id
       WHERE instr(${options.caseSensitive ? 'c.text' : 'lower(c.text)'}, ?) > 0${filter.where} LIMIT ?`).all(shortNeedle, ...filter.params, candidates);

  // Score candidate lines cheaply; build snippets and look up symbols only for the winners.
  const first = rows.map((row) => chunkCandidates(row, terms, options, 0, LINES_RANKED_WITH_CHUNK));
  const hits = pageOf(db, q, options, first.flatMap((f) => f.found), limit);
  if (hits.length < limit && first.some((f) => f.more)) {
    const later = rows.flatMap((row, k) => (first[k]?.more ? chunkCandidates(row, terms, options, LINES_RANKED_WITH_CHUNK, Infinity).found : []));
    hits.push(...pageOf(db, q, options, later, limit - hits.length));
  }
  return hits;
}

/** The best `limit` candidates as hits (a symbol-kind filter drops some), with their snippets and enclosing symbols. */
function pageOf(db: ReadDb, q: SearchQuery, options: MatchOptions, candidates: LineCandidate[], limit: number): SearchHit[] {
  candidates.sort((a, b) => b.score - a.score || a.row.path.localeCompare(b.row.path) || a.line - b.line);
  const enclosing = new EnclosingSymbols(db);
  const hits: SearchHit[] = [];
  for (const c of candidates) {
    if (hits.length >= limit) break;
    const symbol = enclosing.at(c.row.file_id, c.line);
    if (q.kind && symbol?.kind !== q.kind) continue;
    const snippet = makeSnippet(c.text, rangesMatching(c.text, c.needles, options));
    const before = contextLine(c.before, snippet.start);
    const after = contextLine(c.after, snippet.start);
    hits.push({
      ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}),
      repo: c.row.repo, path: c.row.path, line: c.line, column: snippet.column, snippet: snippet.snippet, highlights: snippet.highlights,
      symbol: symbol?.fqn ?? null, symbolKind: symbol?.kind ?? null, language: c.row.language, score: Math.round(c.score * 1000) / 1000,
    });
  }
  return hits;
}
