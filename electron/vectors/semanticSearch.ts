// Semantic search: the query's vector against the active collection, joined back to SQLite.
// A vector whose row is gone is never shown; it is counted as an orphan for repair.
import type { SearchHit, SearchQuery } from '../../shared/types.js';
import { ClewFailure } from '../base/failure.js';
import type { Db } from '../db/connection.js';
import { fileFilter } from '../db/queries/filters.js';
import { makeSnippet } from '../db/queries/snippet.js';
import { Generations } from './generations.js';
import type { EmbedderPort, VectorStorePort } from './ports.js';
import type { RecentVectors } from './recentVectors.js';

interface UnitHit {
  vector_id: string;
  kind: 'symbol' | 'note' | 'chunk';
  repo: string;
  path: string | null;
  line: number | null;
  fqn: string | null;
  symbol_kind: string | null;
  language: string | null;
  signature: string | null;
  note: string | null;
}

/** `recent` scores the latest synced vectors exactly, merged with the approximate answer. */
export async function semanticSearch(db: Db, store: VectorStorePort, embedder: EmbedderPort, recent: RecentVectors, q: SearchQuery, limit: number): Promise<{ hits: SearchHit[]; orphansSeen: number }> {
  const active = new Generations(db).active();
  if (!active) return { hits: [], orphansSeen: 0 };
  if (active.embedderId !== embedder.id) throw new ClewFailure('UNAVAILABLE', `the vector index was built by ${active.embedderId}; it is being rebuilt for ${embedder.id}`);
  const [vector] = await embedder.embed([q.query]);
  if (!vector) throw new ClewFailure('INTERNAL', 'the embedder returned no vector for the query');
  const filtered = Boolean(q.repo || q.lang || q.path || q.kind);
  const [approximate, exact] = await Promise.all([
    store.query(active.collection, vector, Math.min(1000, limit * (filtered ? 8 : 2))),
    recent.score(db, store, active.collection, vector),
  ]);
  const found = nearestFirst([...approximate, ...exact]);
  if (found.length === 0) return { hits: [], orphansSeen: 0 };
  const filter = fileFilter(db, q);
  // Symbols join through their file; notes through the symbol their FQN names (if it still exists).
  const rows = db.prepare<Array<string | number>, UnitHit>(
    `SELECT u.vector_id, u.kind, r.path AS repo, f.path, s.start_line AS line, coalesce(s.fqn, n.fqn) AS fqn, s.kind AS symbol_kind,
       f.language, s.signature, n.text AS note
     FROM text_units u JOIN repos r ON r.id = u.repo_id
       LEFT JOIN notes n ON n.id = u.note_id
       LEFT JOIN symbols s ON s.id = coalesce(u.symbol_id, (SELECT s2.id FROM symbols s2 WHERE s2.repo_id = n.repo_id AND s2.fqn = n.fqn LIMIT 1))
       LEFT JOIN files f ON f.id = s.file_id
     WHERE u.vector_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(found.map((f) => f.id)));
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
    const text = row.kind === 'note' ? `note: ${row.note ?? ''}` : row.signature ?? row.fqn ?? '';
    const snippet = makeSnippet(text, []);
    hits.push({
      repo: row.repo, path: row.path ?? '', line: row.line ?? 0, column: 1, snippet: snippet.snippet, highlights: [],
      symbol: row.fqn, symbolKind: row.kind === 'note' ? 'note' : row.symbol_kind, language: row.language,
      // Cosine distance in [0, 2] → similarity in [-1, 1].
      score: Math.round((1 - f.distance) * 1000) / 1000,
    });
  }
  return { hits, orphansSeen };
}

/** One entry per id (its smallest distance), nearest first. */
function nearestFirst(candidates: Array<{ id: string; distance: number }>): Array<{ id: string; distance: number }> {
  const best = new Map<string, number>();
  for (const c of candidates) best.set(c.id, Math.min(c.distance, best.get(c.id) ?? Number.POSITIVE_INFINITY));
  return [...best].map(([id, distance]) => ({ id, distance })).sort((a, b) => a.distance - b.distance);
}

function filteredIds(db: Db, rows: UnitHit[], where: string, params: Array<string | number>, kind: string | undefined): string[] {
  if (rows.length === 0) return [];
  return db.prepare<Array<string | number>, { vector_id: string }>(
    `SELECT u.vector_id FROM text_units u
       LEFT JOIN notes n ON n.id = u.note_id
       JOIN symbols s ON s.id = coalesce(u.symbol_id, (SELECT s2.id FROM symbols s2 WHERE s2.repo_id = n.repo_id AND s2.fqn = n.fqn LIMIT 1))
       JOIN files f ON f.id = s.file_id
     WHERE u.vector_id IN (SELECT value FROM json_each(?))${where}${kind ? ' AND s.kind = ?' : ''}`,
  ).all(JSON.stringify(rows.map((r) => r.vector_id)), ...params, ...(kind ? [kind] : [])).map((r) => r.vector_id);
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
