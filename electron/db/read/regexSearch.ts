// Regex search: the trigram index narrows chunks to those holding the regex's required literals;
// only a regex with no usable literal streams chunks (one at a time, never all in memory). Lines
// are matched by RE2 (re2js), which runs in linear time: no pattern can backtrack catastrophically.
import { RE2JS } from 're2js';
import type { SearchHit, SearchQuery } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import { regexPrefilter } from '../../base/regexPrefilter.js';
import type { ReadDb } from '../connection.js';
import { fileFilter } from './filters.js';
import { type ChunkRow, contextLine, EnclosingSymbols, makeSnippet } from './snippet.js';
import { literalsExpression } from './trigrams.js';


/** The query as written, as JS source and flags (`pattern` or `/pattern/flags`), and compiled for RE2. */
export interface CompiledRegex {
  source: string;
  flags: string;
  re2: RE2JS;
}

/** JS flags RE2 has an equivalent for; `u`/`v` need none (RE2 is always Unicode-aware), `g`/`y`/`d` do not apply. */
const RE2_FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, s: RE2JS.DOTALL, m: RE2JS.MULTILINE };

/** Accepts `pattern` or `/pattern/flags`; a valid JS regex that RE2 cannot run (lookaround, backreference) is refused.
 * `caseSensitive: false` adds the `i` flag (a written `/…/i` ignores case either way); `wholeWord` wraps the pattern in `\b…\b`. */
export function compileRegex(query: string, options: { caseSensitive?: boolean | undefined; wholeWord?: boolean | undefined } = {}): CompiledRegex {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(query);
  const written = literal ? (literal[1] ?? '') : query;
  const source = options.wholeWord ? `\\b(?:${written})\\b` : written;
  const writtenFlags = (literal ? (literal[2] ?? '') : '').replace(/[gy]/g, '');
  const flags = options.caseSensitive === false && !writtenFlags.includes('i') ? `${writtenFlags}i` : writtenFlags;
  const invalid = (e: unknown): ClewFailure => new ClewFailure('INVALID_REGEX', `invalid regex ${JSON.stringify(query)}: ${e instanceof Error ? e.message : String(e)}`);
  try {
    new RegExp(source, flags);
  } catch (e) {
    throw invalid(e);
  }
  try {
    const re2Flags = [...flags].reduce((all, flag) => all | (RE2_FLAGS[flag] ?? 0), 0);
    return { source, flags, re2: RE2JS.compile(RE2JS.translateRegExp(source), re2Flags) };
  } catch (e) {
    throw new ClewFailure('INVALID_REGEX', `regex ${JSON.stringify(query)} uses a feature the linear-time regex engine does not have (lookarounds and backreferences are not supported): ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Up to `max` match ranges in one line. */
function matchRanges(regex: RE2JS, text: string, max: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const matcher = regex.matcher(text);
  while (ranges.length < max && matcher.find()) ranges.push([matcher.start(), matcher.start() + Math.max(1, matcher.end() - matcher.start())]);
  return ranges;
}

/**
 * Stops once `expired()` says so (asked before each chunk) with what it found so far, marked `timedOut`. `accept` keeps
 * only the hits it says yes to, so they are what counts toward `limit` (a caller that drops comment lines asks for no spare).
 */
export function regexSearch(
  db: ReadDb, q: SearchQuery, limit: number, expired: () => boolean = () => false, accept: (hit: SearchHit) => boolean = () => true,
): { hits: SearchHit[]; unindexed: boolean; timedOut: boolean } {
  const regex = compileRegex(q.query, q);
  let prefilter;
  try {
    prefilter = regexPrefilter(regex.source, regex.flags);
  } catch (e) {
    throw new ClewFailure('INVALID_REGEX', `invalid regex ${JSON.stringify(q.query)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const filter = fileFilter(db, q);
  const select = 'SELECT c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo';
  // The index holds trigrams without positions: each required literal is the AND of its trigrams (RE2 checks the lines).
  const expression = prefilter.kind === 'match' ? literalsExpression(prefilter.literals) : null;
  const rows = expression !== null
    ? db.prepare<Array<string | number>, ChunkRow>(
      `${select} FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id
       WHERE chunks_fts MATCH ?${filter.where} ORDER BY f.path, c.start_line`).iterate(expression, ...filter.params)
    : db.prepare<Array<string | number>, ChunkRow>(
      `${select} FROM chunks c JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id
       WHERE 1 = 1${filter.where} ORDER BY f.path, c.start_line`).iterate(...filter.params);

  // A match lies within one line and holds every literal of some branch: a case-sensitive line without them needs no
  // RE2 run (most lines of a candidate chunk; RE2 in JavaScript was most of a search's time).
  const mayMatch = expression !== null && prefilter.kind === 'match' && !regex.flags.includes('i')
    ? (line: string): boolean => prefilter.literals.some((branch) => branch.every((literal) => line.includes(literal)))
    : (): boolean => true;
  const enclosing = new EnclosingSymbols(db);
  const hits: SearchHit[] = [];
  let timedOut = false;
  try {
    for (const row of rows) {
      if (expired()) {
        timedOut = true;
        break;
      }
      const lines = row.text.split('\n');
      for (let i = 0; i < lines.length && hits.length < limit; i++) {
        const text = lines[i] ?? '';
        if (!mayMatch(text)) continue;
        const ranges = matchRanges(regex.re2, text, 20);
        if (ranges.length === 0) continue;
        const line = row.start_line + i;
        const symbol = enclosing.at(row.file_id, line);
        if (q.kind && symbol?.kind !== q.kind) continue;
        const snippet = makeSnippet(text, ranges);
        const before = contextLine(lines[i - 1], snippet.start);
        const after = contextLine(lines[i + 1], snippet.start);
        const hit: SearchHit = {
          ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}),
          repo: row.repo, path: row.path, line, column: snippet.column, snippet: snippet.snippet, highlights: snippet.highlights,
          symbol: symbol?.fqn ?? null, symbolKind: symbol?.kind ?? null, language: row.language, score: 1,
        };
        if (accept(hit)) hits.push(hit);
      }
      if (hits.length >= limit) break;
    }
  } finally {
    (rows as { return?: () => unknown }).return?.();
  }
  return { hits, unindexed: expression === null, timedOut };
}
