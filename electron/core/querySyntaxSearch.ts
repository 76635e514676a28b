// Every search, whatever its mode or caller (UI, CLI, MCP), passes here: the filters written in the
// query (`repo:`, `lang:`, `file:`, `path:`, `-path:`) join the request's own, are checked by name
// before any search runs, and the answer says how the query was read and whether its list was cut.
import type { SearchMode, SearchQuery, SearchResponse } from '../../shared/types.js';
import { FILTER_LANGUAGES } from '../../shared/types.js';
import { ClewFailure } from '../base/failure.js';
import { classifyQuery, isStopWord, parseQuerySyntax } from '../base/query/index.js';
import type { ReadDb } from '../db/connection.js';
import { findRepo } from '../db/read/repos.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../db/read/search.js';

/** The request with its written filters applied: a written `repo:`/`lang:` replaces the request's own, paths add up. */
export function applyQuerySyntax(req: SearchQuery): { query: SearchQuery; syntax: NonNullable<SearchResponse['syntax']> } {
  const { text, filters } = parseQuerySyntax(req.query);
  const query: SearchQuery = { ...req, query: text };
  const paths = [...(req.paths ?? [])];
  const notPaths = [...(req.notPaths ?? [])];
  for (const { key, value } of filters) {
    if (key === 'repo') query.repo = value;
    else if (key === 'lang') query.lang = value;
    else if (key === 'file' || key === 'path') paths.push(value);
    else notPaths.push(value);
  }
  if (paths.length) query.paths = paths;
  if (notPaths.length) query.notPaths = notPaths;
  const marks = markedWords(text, req.mode);
  return { query, syntax: { text, filters, ...(marks ? { marks } : {}) } };
}

// Punctuation around a word of a question (`signed?`, `(cookie)`) is not part of what it looks for; a trailing `!` stays
// (Ruby's `save!`), a trailing `?` goes, the question's or a predicate's alike.
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}_$]+|[^\p{L}\p{N}_$?!]+$|\?$/gu;

/**
 * A question asked in a ranked mode marks its words but those no code answers: `how are migrations applied`
 * would otherwise light every `are` (in `compare`) and `how` (in `show`) of the file it opens.
 */
export function markedWords(text: string, mode: SearchMode | undefined): string[] | undefined {
  if ((mode !== 'auto' && mode !== 'hybrid') || classifyQuery(text).kind !== 'natural') return undefined;
  const words = text.split(/\s+/).map((w) => w.replace(EDGE_PUNCTUATION, ''));
  return [...new Set(words.filter((w) => w.length >= 2 && !isStopWord(w)))];
}

/** An unknown repo or language is refused by name before a worker runs (semantic search would otherwise never ask). */
export function checkFilterNames(db: ReadDb, q: SearchQuery): void {
  if (q.repo) findRepo(db, q.repo);
  if (q.lang && !FILTER_LANGUAGES.includes(q.lang.toLowerCase())) {
    throw new ClewFailure('BAD_REQUEST', `unknown language "${q.lang}" (known: ${FILTER_LANGUAGES.join(', ')})`);
  }
}

/** Runs `run` on the parsed request, asking for one hit more than it answers so a cut list says `truncated`. */
export async function searchWithSyntax(db: ReadDb, req: SearchQuery, run: (q: SearchQuery) => Promise<SearchResponse>): Promise<SearchResponse> {
  const { query, syntax } = applyQuerySyntax(req);
  checkFilterNames(db, query);
  if (!query.query.trim()) {
    return { results: [], tookMs: 0, syntax, notice: 'the query holds only filters: add words to search for' };
  }
  const limit = Math.max(1, Math.min(MAX_LIMIT, req.limit ?? DEFAULT_LIMIT));
  const answer = await run({ ...query, limit: limit + 1 });
  // The file view (`files`) is cut at the same limit: `--files --limit 5` listed six files.
  const truncated = answer.results.length > limit || (answer.files?.length ?? 0) > limit;
  return {
    ...answer, results: answer.results.slice(0, limit), ...(answer.files ? { files: answer.files.slice(0, limit) } : {}), syntax, ...(truncated ? { truncated } : {}),
  };
}
