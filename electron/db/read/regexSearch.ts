// Regex search: the trigram index narrows chunks to those holding the regex's required literals;
// only a regex with no usable literal streams chunks (one at a time, never all in memory).
import type { SearchHit, SearchQuery } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import { regexPrefilter } from '../../base/regexPrefilter.js';
import type { ReadDb } from '../connection.js';
import { fileFilter } from './filters.js';
import { type ChunkRow, EnclosingSymbols, makeSnippet } from './snippet.js';


/** Accepts `pattern` or `/pattern/flags`. */
export function compileRegex(query: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(query);
  const source = literal ? (literal[1] ?? '') : query;
  const flags = (literal ? (literal[2] ?? '') : '').replace(/[gy]/g, '');
  try {
    return new RegExp(source, `${flags}g`);
  } catch (e) {
    throw new ClewFailure('INVALID_REGEX', `invalid regex ${JSON.stringify(query)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function regexSearch(db: ReadDb, q: SearchQuery, limit: number): { hits: SearchHit[]; unindexed: boolean } {
  const regex = compileRegex(q.query);
  let prefilter;
  try {
    prefilter = regexPrefilter(regex.source, regex.flags);
  } catch (e) {
    throw new ClewFailure('INVALID_REGEX', `invalid regex ${JSON.stringify(q.query)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const filter = fileFilter(db, q);
  const select = 'SELECT c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo';
  const rows = prefilter.kind === 'match'
    ? db.prepare<Array<string | number>, ChunkRow>(
      `${select} FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id
       WHERE chunks_fts MATCH ?${filter.where} ORDER BY f.path, c.start_line`).iterate(prefilter.fts, ...filter.params)
    : db.prepare<Array<string | number>, ChunkRow>(
      `${select} FROM chunks c JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id
       WHERE 1 = 1${filter.where} ORDER BY f.path, c.start_line`).iterate(...filter.params);

  const enclosing = new EnclosingSymbols(db);
  const hits: SearchHit[] = [];
  try {
    for (const row of rows) {
      const lines = row.text.split('\n');
      for (let i = 0; i < lines.length && hits.length < limit; i++) {
        const text = lines[i] ?? '';
        regex.lastIndex = 0;
        const ranges: Array<[number, number]> = [];
        for (let m = regex.exec(text); m !== null && ranges.length < 20; m = regex.exec(text)) {
          ranges.push([m.index, m.index + Math.max(1, m[0].length)]);
          if (m[0].length === 0) regex.lastIndex++;
        }
        if (ranges.length === 0) continue;
        const line = row.start_line + i;
        const symbol = enclosing.at(row.file_id, line);
        if (q.kind && symbol?.kind !== q.kind) continue;
        const snippet = makeSnippet(text, ranges);
        hits.push({
          repo: row.repo, path: row.path, line, column: snippet.column, snippet: snippet.snippet, highlights: snippet.highlights,
          symbol: symbol?.fqn ?? null, symbolKind: symbol?.kind ?? null, language: row.language, score: 1,
        });
      }
      if (hits.length >= limit) break;
    }
  } finally {
    (rows as { return?: () => unknown }).return?.();
  }
  return { hits, unindexed: prefilter.kind === 'all' };
}
