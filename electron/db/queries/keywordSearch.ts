// Keyword search over file contents with the FTS5 trigram index: terms match anywhere inside
// identifiers, and an identifier query also matches its parts (parseConfig ↔ parse_config).
import type { SearchHit, SearchQuery } from '../../../shared/types.js';
import { identifierParts } from '../../engine/identifiers.js';
import type { Db } from '../connection.js';
import { fileFilter } from './filters.js';
import { EnclosingSymbols, findRanges, makeSnippet } from './snippet.js';

interface Term {
  /** Alternatives, each a list of lower-case needles that must all appear. */
  alternatives: string[][];
}

interface ChunkRow {
  id: number;
  file_id: number;
  start_line: number;
  text: string;
  path: string;
  language: string | null;
  repo: string;
  rank: number;
}

const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** `parseConfig` → [[parseconfig], [parse, config]]; `"exact phrase"` stays one needle. */
export function parseKeywordQuery(query: string): Term[] {
  const terms: Term[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(query)) !== null) {
    if (m[1] !== undefined) {
      terms.push({ alternatives: [[m[1].toLowerCase()]] });
      continue;
    }
    const raw = m[2] ?? '';
    const whole = raw.toLowerCase();
    const parts = identifierParts(raw);
    const alternatives = [[whole]];
    if (parts.length > 1) alternatives.push(parts, [parts.join('')]);
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

/** The FTS MATCH expression: trigram needs ≥3 characters, shorter needles are checked per line only. */
export function toFtsExpression(terms: Term[]): string | null {
  const clauses: string[] = [];
  for (const term of terms) {
    const alts = term.alternatives
      .map((needles) => needles.filter((n) => n.length >= 3))
      .filter((needles) => needles.length > 0)
      .map((needles) => (needles.length === 1 ? ftsString(needles[0] ?? '') : `(${needles.map(ftsString).join(' AND ')})`));
    // An alternative with no indexable needle makes the whole term unindexable.
    if (alts.length !== term.alternatives.length || alts.length === 0) continue;
    clauses.push(alts.length === 1 ? (alts[0] ?? '') : `(${alts.join(' OR ')})`);
  }
  return clauses.length ? clauses.join(' AND ') : null;
}

/** How well a line matches: the whole identifier counts fully, its scattered parts count less. */
function lineMatches(lower: string, terms: Term[]): { all: boolean; count: number; quality: number; needles: string[] } {
  let count = 0;
  let quality = 0;
  const needles: string[] = [];
  for (const term of terms) {
    const index = term.alternatives.findIndex((needles) => needles.every((n) => lower.includes(n)));
    const alt = term.alternatives[index];
    if (!alt) continue;
    count++;
    quality += alt.length === 1 ? 1 : 0.5;
    needles.push(...alt);
  }
  return { all: count === terms.length, count, quality: quality / terms.length, needles };
}

export function keywordSearch(db: Db, q: SearchQuery, limit: number): SearchHit[] {
  const terms = parseKeywordQuery(q.query);
  if (terms.length === 0) return [];
  const filter = fileFilter(db, q);
  const expression = toFtsExpression(terms);
  const candidates = Math.min(2000, limit * 8);
  const rows = expression
    ? db.prepare<Array<string | number>, ChunkRow>(
      `SELECT c.id, c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo, bm25(chunks_fts) AS rank
       FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id
       WHERE chunks_fts MATCH ?${filter.where} ORDER BY rank LIMIT ?`).all(expression, ...filter.params, candidates)
    // Only short needles (< 3 chars): a bounded scan that stops at the candidate limit.
    : db.prepare<Array<string | number>, ChunkRow>(
      `SELECT c.id, c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo, 0 AS rank
       FROM chunks c JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id
       WHERE instr(lower(c.text), ?) > 0${filter.where} LIMIT ?`).all(terms[0]?.alternatives[0]?.[0] ?? '', ...filter.params, candidates);

  const enclosing = new EnclosingSymbols(db);
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const lines = row.text.split('\n');
    let best: { index: number; score: number; needles: string[] } | null = null;
    const lineHits: Array<{ index: number; score: number; needles: string[] }> = [];
    lines.forEach((line, index) => {
      const match = lineMatches(line.toLowerCase(), terms);
      if (match.count === 0) return;
      const score = match.quality;
      if (match.all) lineHits.push({ index, score, needles: match.needles });
      else if (!best || score > best.score) best = { index, score, needles: match.needles };
    });
    const chosen = lineHits.length ? lineHits.slice(0, 5) : best ? [best] : [];
    for (const hit of chosen) {
      const lineText = lines[hit.index] ?? '';
      const line = row.start_line + hit.index;
      const symbol = enclosing.at(row.file_id, line);
      if (q.kind && symbol?.kind !== q.kind) continue;
      const snippet = makeSnippet(lineText, findRanges(lineText.toLowerCase(), hit.needles));
      // bm25 is negative (lower is better); whole-line matches and definitions rank first.
      const definitionBonus = symbol && lineText.includes(symbol.fqn.split(/[.:#\\/]+/).pop() ?? '\u0000') ? 0.5 : 0;
      hits.push({
        repo: row.repo, path: row.path, line, column: snippet.column, snippet: snippet.snippet, highlights: snippet.highlights,
        symbol: symbol?.fqn ?? null, symbolKind: symbol?.kind ?? null, language: row.language,
        score: Math.round((-row.rank + hit.score * 2 + definitionBonus) * 1000) / 1000,
      });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.line - b.line);
  return hits.slice(0, limit);
}
