// Migration 014: an index run's closing count of its repo's text units is a seek on text_units(repo_id), not a
// read of every unit of every repo; units written before the migration are counted after it.
import { describe, expect, it } from 'vitest';
import type { WriteDb } from '../../../electron/db/connection.js';
import { migrate } from '../../../electron/db/migrate.js';
import { MIGRATIONS } from '../../../electron/db/migrations/index.js';
import { IndexStore } from '../../../electron/db/write/indexStore.js';
import { databaseBefore } from '../../helpers/db.js';

describe('migration 014 (units by repo)', () => {
  it('indexes text units by repo, and a run counts its own repo\'s units through that index', () => {
    const db = databaseBefore('units by repo');
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'a', '/a', 'a', 0), (2, 'b', '/b', 'b', 0);
      INSERT INTO notes(id, repo_id, fqn, text, created_at, updated_at) VALUES (1, 1, 'x.f', 'n', 0, 0), (2, 1, 'x.g', 'n', 0, 0), (3, 2, 'y.f', 'n', 0, 0);
      INSERT INTO text_units(repo_id, kind, note_id, vector_id, text, content_hash) VALUES
        (1, 'note', 1, 'v1', 't', 'h'), (1, 'note', 2, 'v2', 't', 'h'), (2, 'note', 3, 'v3', 't', 'h');`);
    migrate(db, MIGRATIONS);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM text_units WHERE repo_id = ?').all(1) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('text_units_repo');
    // The count statement names the index: IndexStore could not even prepare it without the migration.
    const store = new IndexStore(db as unknown as WriteDb);
    expect(store.runCounts(1)?.units).toBe(2);
    expect(store.runCounts(2)?.units).toBe(1);
    db.close();
  });
});
