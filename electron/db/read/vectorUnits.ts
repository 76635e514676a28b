// Text units by vector id: what semantic search joins a vector store's answer back to, and which
// vectors were confirmed most recently.
import type { ReadDb } from '../connection.js';
import { symbolOfNote } from './symbolKeys.js';
import { readUnits, wholeUnitTexts } from './unitTexts.js';

/** A unit's symbol (alias s): its own, or for a note's unit (alias n) the first symbol the note names. */
const UNIT_SYMBOL_JOIN = `LEFT JOIN symbols s ON s.id = coalesce(u.symbol_id, (SELECT s2.id FROM symbols s2 WHERE ${symbolOfNote('s2', 'n')} LIMIT 1))`;

/** Columns naming what a unit's vector carries as metadata (base/vectorMeta.ts), from `text_units u`. */
export const UNIT_META_COLUMNS = `(SELECT key FROM repos WHERE id = u.repo_id) AS repoKey,
  coalesce((SELECT kind FROM symbols WHERE id = u.symbol_id), u.kind) AS metaKind,
  (SELECT language FROM files WHERE id = coalesce(u.file_id, (SELECT file_id FROM symbols WHERE id = u.symbol_id))) AS language,
  (SELECT path FROM files WHERE id = coalesce(u.file_id, (SELECT file_id FROM symbols WHERE id = u.symbol_id))) AS path`;

export interface UnitMetaColumns {
  repoKey: string;
  metaKind: string;
  language: string | null;
  path: string | null;
}

export interface UnitHit {
  vector_id: string;
  kind: 'symbol' | 'note' | 'chunk';
  repo: string;
  path: string | null;
  line: number | null;
  /** The last line a chunk covers (null for symbols and notes). */
  end_line: number | null;
  fqn: string | null;
  symbol_kind: string | null;
  language: string | null;
  signature: string | null;
  note: string | null;
  /** A chunk's unit text (null for symbols and notes). */
  chunk: string | null;
}

/** Symbols join through their file; notes through the symbol their FQN names (if it still exists); chunks name their file and lines. */
export function unitHits(db: ReadDb, vectorIds: readonly string[]): UnitHit[] {
  const hits = db.prepare<[string], UnitHit & { id: number }>(
    `SELECT u.id, u.vector_id, u.kind, r.path AS repo, f.path, coalesce(s.start_line, u.start_line) AS line, u.end_line, coalesce(s.fqn, n.fqn) AS fqn,
       s.kind AS symbol_kind, f.language, s.signature, n.text AS note, CASE WHEN u.kind = 'chunk' THEN u.text END AS chunk
     FROM text_units u JOIN repos r ON r.id = u.repo_id
       LEFT JOIN notes n ON n.id = u.note_id
       ${UNIT_SYMBOL_JOIN}
       LEFT JOIN files f ON f.id = coalesce(u.file_id, s.file_id)
     WHERE u.vector_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(vectorIds));
  // A chunk unit may keep only the head of its text: the rest is its file's lines.
  const chunks = wholeUnitTexts(db, hits.flatMap((h) => (h.chunk === null ? [] : [{ id: h.id, text: h.chunk }])));
  const chunkById = new Map(chunks.map((c) => [c.id, c.text]));
  return hits.map(({ id, ...hit }) => ({ ...hit, chunk: chunkById.get(id) ?? hit.chunk }));
}

/** Of these vector ids, those whose file passes the filter (`where` from fileFilter, alias f) and kind (chunks have none). */
export function unitsPassing(db: ReadDb, vectorIds: readonly string[], where: string, params: Array<string | number>, kind: string | undefined): string[] {
  return db.prepare<Array<string | number>, { vector_id: string }>(
    `SELECT u.vector_id FROM text_units u
       LEFT JOIN notes n ON n.id = u.note_id
       ${UNIT_SYMBOL_JOIN}
       JOIN files f ON f.id = coalesce(u.file_id, s.file_id)
     WHERE u.vector_id IN (SELECT value FROM json_each(?))${where}${kind ? ' AND s.kind = ?' : ''}`,
  ).all(JSON.stringify(vectorIds), ...params, ...(kind ? [kind] : [])).map((r) => r.vector_id);
}

/** The latest `max` vectors confirmed since `since`, with the hash the store holds for each. */
export function recentlySynced(db: ReadDb, since: number, max: number): Array<{ id: string; hash: string | null }> {
  return db.prepare<[number, number], { id: string; hash: string | null }>(
    'SELECT vector_id AS id, synced_hash AS hash FROM text_units WHERE synced_at >= ? ORDER BY synced_at DESC LIMIT ?').all(since, max);
}

/** The `limit` vectors confirmed last whose row has not changed since (synced_hash IS content_hash). */
export function latestSynced(db: ReadDb, limit: number): string[] {
  return db.prepare<[number], string>(
    'SELECT vector_id FROM text_units WHERE synced_at IS NOT NULL AND synced_hash IS content_hash ORDER BY synced_at DESC LIMIT ?').pluck().all(limit);
}

/** A random sample of synced vectors. */
export function randomSynced(db: ReadDb, limit: number): string[] {
  return db.prepare<[number], string>('SELECT vector_id FROM text_units WHERE synced_hash IS content_hash ORDER BY random() LIMIT ?').pluck().all(limit);
}

export function unitCount(db: ReadDb): number {
  return db.prepare('SELECT count(*) FROM text_units').pluck().get() as number;
}

export function syncedUnitCount(db: ReadDb): number {
  return db.prepare('SELECT count(*) FROM text_units WHERE synced_hash IS content_hash').pluck().get() as number;
}

export function tombstoneCount(db: ReadDb): number {
  return db.prepare('SELECT count(*) FROM vector_outbox').pluck().get() as number;
}

export interface UnitHashes {
  vector_id: string;
  content_hash: string;
  synced_hash: string | null;
}

/** Every unit's hashes, streamed: repair diffs them against the store's. */
export function unitHashes(db: ReadDb): IterableIterator<UnitHashes> {
  return db.prepare<[], UnitHashes>('SELECT vector_id, content_hash, synced_hash FROM text_units').iterate();
}

/** A check for "a tombstone is already queued for this vector id", prepared once for many ids. */
export function tombstoneQueued(db: ReadDb): (vectorId: string) => boolean {
  const stmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM vector_outbox WHERE vector_id = ?');
  return (vectorId) => (stmt.get(vectorId)?.n ?? 0) > 0;
}

export interface UnitText extends UnitMetaColumns {
  id: number;
  vector_id: string;
  text: string;
  content_hash: string;
}

/** Units in id order, a page after `afterId`: what a rebuild embeds. */
export function unitPage(db: ReadDb): (afterId: number, limit: number) => UnitText[] {
  const stmt = db.prepare<[number, number], UnitText>(`SELECT u.id, u.vector_id, u.text, u.content_hash, ${UNIT_META_COLUMNS} FROM text_units u WHERE u.id > ? ORDER BY u.id LIMIT ?`);
  return (afterId, limit) => readUnits(db, () => stmt.all(afterId, limit));
}
