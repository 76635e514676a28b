// Read statements are prepared once per connection and reused; read connections map the file instead of
// copying pages into their own cache (both: a search's fixed cost on a large index).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openRead, openWrite } from '../../../electron/db/connection.js';
import { cachedStatement } from '../../../electron/db/read/statements.js';
import { tempDir } from '../../helpers/fixtures.js';

describe('read statements and read connections', () => {
  const dir = tempDir();
  const file = join(dir.path, 'clew.db');
  migrateDatabase(file);
  const writer = openWrite(file);
  const reader = openRead(file);
  const other = openRead(file);
  afterAll(() => {
    [reader, other, writer].forEach((db) => db.close());
    dir.cleanup();
  });

  it('prepares a statement once per connection and answers from it', () => {
    writer.prepare("INSERT INTO repos (key, path, name, added_at) VALUES ('k', '/r', 'r', 1)").run();
    const sql = 'SELECT name FROM repos WHERE path = ?';
    const first = cachedStatement<[string], { name: string }>(reader, sql);
    expect(cachedStatement(reader, sql)).toBe(first);
    expect(cachedStatement(other, sql)).not.toBe(first);
    expect(first.get('/r')).toEqual({ name: 'r' });
    // Another writer's commit is seen through the kept statement.
    writer.prepare("UPDATE repos SET name = 'renamed'").run();
    expect(cachedStatement<[string], { name: string }>(reader, sql).get('/r')).toEqual({ name: 'renamed' });
  });

  it('starts over past its bound, so statements built from varying text cannot pile up', () => {
    const first = cachedStatement(reader, 'SELECT 0 AS n');
    for (let i = 1; i <= 300; i++) cachedStatement(reader, `SELECT ${i} AS n`);
    const again = cachedStatement<[], { n: number }>(reader, 'SELECT 0 AS n');
    expect(again).not.toBe(first);
    expect(again.get()).toEqual({ n: 0 });
  });

  it('maps the database file for readers only', () => {
    expect(reader.pragma('mmap_size', { simple: true })).toBeGreaterThan(0);
    expect(writer.pragma('mmap_size', { simple: true })).toBe(0);
  });
});
