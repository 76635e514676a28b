// Migration 009: chunk units name their file (deleted with it, leaving tombstones), and every unit
// synced before it is pending again so its vector is re-sent with the metadata filters need.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate.js';
import { MIGRATIONS } from '../../../electron/db/migrations/index.js';
import { databaseBefore } from '../../helpers/db.js';

describe('migration 009 (file units)', () => {
  it('requeues synced units, and cascades a file deletion to its chunk units with a tombstone each', () => {
    const db = databaseBefore('file units');
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (1, 1, 'a.py', 'python', 1, 0, 'h', 1, 0);
      INSERT INTO symbols(id, repo_id, file_id, fqn, kind, name, start_line, end_line, signature, modifiers, body_hash) VALUES (1, 1, 1, 'a.f', 'function', 'f', 1, 1, 'def f()', '[]', 'b');
      INSERT INTO text_units(repo_id, kind, symbol_id, vector_id, text, content_hash, synced_hash) VALUES (1, 'symbol', 1, 'v1', 't', 'c', 'c');`);
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash').pluck().get()).toBe(1);
    db.exec(`INSERT INTO text_units(repo_id, kind, file_id, start_line, end_line, vector_id, text, content_hash) VALUES (1, 'chunk', 1, 1, 3, 'v2', 't', 'c');
      DELETE FROM files WHERE id = 1;`);
    expect(db.prepare('SELECT count(*) FROM text_units').pluck().get()).toBe(0);
    expect(db.prepare('SELECT vector_id FROM vector_outbox ORDER BY vector_id').pluck().all()).toEqual(['v1', 'v2']);
    db.close();
  });
});
