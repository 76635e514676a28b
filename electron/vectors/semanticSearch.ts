// Semantic search: the query's vector against the active collection, joined back to SQLite.
// A vector whose row is gone is never shown; it is counted as an orphan for repair.
import type { SearchHit, SearchQuery } from '../../shared/types.js';
import { ClewFailure } from '../base/failure.js';
import type { ReadDb } from '../db/connection.js';
import { fileFilter, globToSqlite, hasFileFilter } from '../db/read/filters.js';
import { pathAliases, realGlobOf } from '../db/read/pathAliases.js';
import { findRepo } from '../db/read/repos.js';
import { globFolder, type MetaWhere, metaWhere } from '../base/vectorMeta.js';
import { TEXT_LANGUAGES } from '../../shared/types.js';
import { makeSnippet } from '../db/read/snippet.js';
import { activeGeneration } from '../db/read/generations.js';
import { type UnitHit, unitHits, unitsPassing } from '../db/read/vectorUnits.js';
import type { EmbedderPort, VectorStorePort } from './ports.js';
import type { RecentVectors } from './recentVectors.js';

/** `recent` scores the latest synced vectors exactly, merged with the approximate answer. */
export async function semanticSearch(db: ReadDb, store: VectorStorePort, embedder: EmbedderPort, recent: RecentVectors, q: SearchQuery, limit: number): Promise<{ hits: SearchHit[]; orphansSeen: number }> {
  const active = activeGeneration(db);
  if (!active) return { hits: [], orphansSeen: 0 };
  if (active.embedderId !== embedder.id) throw new ClewFailure('UNAVAILABLE', `the vector index was built by ${active.embedderId}; it is being rebuilt for ${embedder.id}`);
  const [vector] = await embedder.embed([q.query], 'query');
  if (!vector) throw new ClewFailure('INTERNAL', 'the embedder returned no vector for the query');
  const filtered = hasFileFilter(q);
  const { where, complete } = storeFilter(db, q);
  // What the store cannot check (a glob past its folder, a folder reached through a symlink, `file:`/`-path:`) is checked after: ask for more.
  const [approximate, exact] = await Promise.all([
    store.query(active.collection, vector, Math.min(1000, limit * (complete ? 2 : 8)), where),
    recent.score(db, store, active.collection, vector),
  ]);
  const found = nearestFirst([...approximate, ...exact]);
  if (found.length === 0) return { hits: [], orphansSeen: 0 };
  const filter = fileFilter(db, q);
  const rows = unitHits(db, found.map((f) => f.id));
  const byId = new Map(rows.map((r) => [r.vector_id, r]));
  const allowed = filtered ? new Set(filteredIds(db, rows, filter.where, filter.params, q.kind)) : null;
  let orphansSeen = 0;
  const hits: SearchHit[] = [];
  for (const f of found) {
    const row = byId.get(f.id);
    if (!row) {
      orphansSeen++;
      continue;
    }
    if (allowed && !allowed.has(row.vector_id)) continue;
    if (hits.length >= limit) continue;
    const text = row.kind === 'note' ? `note: ${row.note ?? ''}` : row.kind === 'chunk' ? chunkSnippet(row.chunk ?? '') : row.signature ?? row.fqn ?? '';
    const snippet = makeSnippet(text, []);
    hits.push({
      repo: row.repo, path: row.path ?? '', line: row.line ?? 0, ...(row.end_line ? { endLine: row.end_line } : {}), column: 1, snippet: snippet.snippet, highlights: [],
      symbol: row.fqn, symbolKind: row.kind === 'note' ? 'note' : row.symbol_kind, language: row.language,
      // Cosine distance in [0, 2] → similarity in [-1, 1].
      score: Math.round((1 - f.distance) * 1000) / 1000,
    });
  }
  return { hits, orphansSeen };
}

/**
 * The filters as a metadata condition for the store. `complete` when the store checks all of them, so
 * that no post-filter drops what it returns; a glob is narrowed to its literal folder when it has one.
 */
function storeFilter(db: ReadDb, q: SearchQuery): { where: MetaWhere | null; complete: boolean } {
  const repo = q.repo ? findRepo(db, q.repo) : undefined;
  let folder: string | null = null;
  // `file:` and `-path:` patterns, and languages known by extension (markdown, yaml), only the post-filter checks.
  const byExtension = q.lang !== undefined && Object.hasOwn(TEXT_LANGUAGES, q.lang.toLowerCase());
  let complete = !q.paths?.length && !q.notPaths?.length && !byExtension;
  if (q.path) {
    const glob = globToSqlite(q.path);
    const throughLink = realGlobOf(pathAliases(db, repo?.id), glob) !== null;
    folder = throughLink ? null : globFolder(glob);
    complete = folder !== null && glob === `${folder}/*`;
  }
  return { where: metaWhere({ repoKey: repo?.key, lang: byExtension ? undefined : q.lang, kind: q.kind, folder }), complete };
}

/** A chunk's first lines of text, past the path line its unit text starts with. */
function chunkSnippet(unitText: string): string {
  return unitText.split('\n').slice(1).filter((l) => l.trim() !== '').slice(0, 2).join(' ');
}

/** One entry per id (its smallest distance), nearest first. */
function nearestFirst(candidates: Array<{ id: string; distance: number }>): Array<{ id: string; distance: number }> {
  const best = new Map<string, number>();
  for (const c of candidates) best.set(c.id, Math.min(c.distance, best.get(c.id) ?? Number.POSITIVE_INFINITY));
  return [...best].map(([id, distance]) => ({ id, distance })).sort((a, b) => a.distance - b.distance);
}

function filteredIds(db: ReadDb, rows: UnitHit[], where: string, params: Array<string | number>, kind: string | undefined): string[] {
  if (rows.length === 0) return [];
  return unitsPassing(db, rows.map((r) => r.vector_id), where, params, kind);
}

/** Reciprocal rank fusion of several rankings (k = 60), keyed by path:line:symbol. */
export function fuseRankings(lists: SearchHit[][], limit: number, k = 60): SearchHit[] {
  const fused = new Map<string, { hit: SearchHit; score: number }>();
  for (const list of lists) {
    list.forEach((hit, rank) => {
      const key = `${hit.repo}\u0000${hit.path}\u0000${hit.symbol ?? hit.line}`;
      const entry = fused.get(key) ?? { hit, score: 0 };
      entry.score += 1 / (k + rank + 1);
      fused.set(key, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score).slice(0, limit).map(({ hit, score }) => ({ ...hit, score: Math.round(score * 10000) / 10000 }));
}
