// What an index holds, read back as plain sorted data, so two data dirs can be compared exactly.
import { type ReadDb, openRead } from '../../electron/db/connection.js';

export interface FileSnapshot {
  hash: string;
  language: string | null;
  lines: number;
  symbols: string[];
  entryPoints: string[];
  units: string[];
}

/** path → everything indexed from that file (symbols: fqn/kind/lines; units: vector_id/content_hash). */
export function indexByFile(dbFile: string): Map<string, FileSnapshot> {
  const db = openRead(dbFile);
  try {
    // One read transaction: a writer committing between these queries would otherwise show a half state.
    return db.transaction(() => readByFile(db))();
  } finally {
    db.close();
  }
}

function readByFile(db: ReadDb): Map<string, FileSnapshot> {
  const out = new Map<string, FileSnapshot>();
  for (const f of db.prepare<[], { path: string; content_hash: string; language: string | null; line_count: number }>(
    'SELECT path, content_hash, language, line_count FROM files ORDER BY path').all()) {
    out.set(f.path, { hash: f.content_hash, language: f.language, lines: f.line_count, symbols: [], entryPoints: [], units: [] });
  }
  const at = (path: string): FileSnapshot => {
    const file = out.get(path);
    if (!file) throw new Error(`row for ${path} without its file`);
    return file;
  };
  for (const s of db.prepare<[], { path: string; fqn: string; kind: string; start_line: number; end_line: number }>(
    'SELECT f.path, s.fqn, s.kind, s.start_line, s.end_line FROM symbols s JOIN files f ON f.id = s.file_id ORDER BY f.path, s.fqn').all()) {
    at(s.path).symbols.push(`${s.fqn} ${s.kind} ${s.start_line}-${s.end_line}`);
  }
  for (const e of db.prepare<[], { path: string; kind: string; method: string | null; route: string | null; line: number; fqn: string | null }>(
    `SELECT f.path, e.kind, e.method, e.path AS route, e.line, s.fqn FROM entry_points e JOIN files f ON f.id = e.file_id
     LEFT JOIN symbols s ON s.id = e.symbol_id ORDER BY f.path, e.line, e.kind, route`).all()) {
    at(e.path).entryPoints.push(`${e.kind} ${e.method ?? ''} ${e.route ?? ''} ${e.line} → ${e.fqn ?? '?'}`);
  }
  for (const u of db.prepare<[], { path: string; vector_id: string; content_hash: string }>(
    `SELECT f.path, t.vector_id, t.content_hash FROM text_units t JOIN symbols s ON s.id = t.symbol_id JOIN files f ON f.id = s.file_id
     WHERE t.kind = 'symbol' ORDER BY f.path, t.vector_id`).all()) {
    at(u.path).units.push(`${u.vector_id} ${u.content_hash}`);
  }
  // Units whose symbol is gone would be a half state: none may exist.
  const orphans = db.prepare<[], number>("SELECT count(*) FROM text_units WHERE kind = 'symbol' AND symbol_id IS NULL").pluck().get() ?? 0;
  if (orphans > 0) throw new Error(`${orphans} symbol text units without their symbol`);
  return out;
}

/** The whole index as one comparable value. */
export function indexSnapshot(dbFile: string): Record<string, FileSnapshot> {
  return Object.fromEntries(indexByFile(dbFile));
}
