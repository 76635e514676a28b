// A migration that rebuilds a table others refer to runs with foreign keys off (the drop does not cascade), and is
// rolled back whole when it leaves a reference to a row that no longer exists; foreign keys are on again either way.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/db/migrate.js';
import type { Migration } from '../../../electron/db/migrations/index.js';

const BASE: Migration = { name: 'base', sql: `CREATE TABLE parent (id INTEGER PRIMARY KEY, v TEXT UNIQUE);
  CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id) ON DELETE CASCADE);
  INSERT INTO parent(id, v) VALUES (1, 'a'), (2, 'b'); INSERT INTO child(parent_id) VALUES (1), (2);` };
const rebuild = (keep: string): Migration => ({ name: 'rebuild', rebuildsTables: true, sql: `CREATE TABLE parent_new (id INTEGER PRIMARY KEY, v TEXT);
  INSERT INTO parent_new SELECT id, v FROM parent WHERE ${keep}; DROP TABLE parent; ALTER TABLE parent_new RENAME TO parent;` });

function opened(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

describe('a migration that rebuilds tables', () => {
  it('keeps the rows that refer to the rebuilt table, and its cascades work afterwards', () => {
    const db = opened();
    migrate(db, [BASE, rebuild('1')]);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM child').pluck().get()).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.exec('DELETE FROM parent WHERE id = 1');
    expect(db.prepare('SELECT parent_id FROM child').pluck().all()).toEqual([2]);
  });

  it('is rolled back when it leaves a broken reference', () => {
    const db = opened();
    expect(() => migrate(db, [BASE, rebuild('id = 1')])).toThrow(/left 1 broken references/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT id FROM parent ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'parent'").pluck().get()).toContain('UNIQUE');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
