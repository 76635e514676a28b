// The schema, pragmas and migration rules, on a real database file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, migrateNotesDatabase, openRead, openWrite } from '../../electron/db/connection.js';
import { attachNotesMirror } from '../../electron/db/notesMirror.js';
import { LATEST_NOTES_VERSION } from '../../electron/db/notesMigrations/index.js';
import { readKeptRepos } from '../../electron/db/read/keptRepos.js';
import { openMigrated } from '../helpers/db.js';
import { LATEST_VERSION } from '../../electron/db/migrate.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('storage', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((c) => c()));
  const dbFile = (): string => {
    const dir = tempDir();
    dirs.push(dir.cleanup);
    return join(dir.path, 'clew.db');
  };

  it('migrates a new database and sets the pragmas on every open', () => {
    const file = dbFile();
    migrateDatabase(file);
    const db = openWrite(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    for (const t of ['repos', 'files', 'chunks', 'symbols', 'entry_points', 'external_calls', 'packages', 'notes', 'text_units', 'vector_outbox', 'sync_runs']) {
      expect(tables).toContain(t);
    }
    const unitColumns = db.prepare("SELECT name FROM pragma_table_info('text_units')").pluck().all();
    expect(unitColumns).toEqual(expect.arrayContaining(['vector_id', 'content_hash', 'synced_hash']));
    db.close();
    // Re-opening runs nothing twice.
    migrateDatabase(file);
    const again = openWrite(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    again.close();
  });

  it('refuses a database written by a newer Clew, clearly, without touching it', () => {
    const file = dbFile();
    migrateDatabase(file);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => migrateDatabase(file)).toThrow(/newer Clew \(schema \d+, this build knows up to \d+\)/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    check.close();
  });

  it('records a tombstone for every deleted vector row, cascades included', () => {
    const db = openMigrated(dbFile());
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, size, mtime_ms, content_hash, line_count) VALUES (1, 1, 'a.ts', 1, 1, 'h', 1);
      INSERT INTO symbols(id, repo_id, file_id, fqn, kind, name, start_line, end_line, signature, body_hash, fqn_key) VALUES (1, 1, 1, 'a:f', 'function', 'f', 1, 1, 'f()', 'b', fqn_key('a:f'));
      INSERT INTO text_units(repo_id, kind, symbol_id, vector_id, text, content_hash) VALUES (1, 'symbol', 1, 'vec-1', 't', 'c');
      INSERT INTO notes(id, repo_id, fqn, text, created_at, updated_at) VALUES (1, 1, 'a:f', 'n', 0, 0);
      INSERT INTO text_units(repo_id, kind, note_id, vector_id, text, content_hash) VALUES (1, 'note', 1, 'vec-2', 't', 'c');`);
    db.exec('DELETE FROM files WHERE id = 1');
    expect(db.prepare('SELECT vector_id FROM vector_outbox ORDER BY id').pluck().all()).toEqual(['vec-1']);
    // Notes are keyed by FQN, not by the symbol row: deleting the file kept the note.
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
    db.exec('DELETE FROM repos');
    expect(db.prepare('SELECT vector_id FROM vector_outbox ORDER BY id').pluck().all()).toEqual(['vec-1', 'vec-2']);
    db.close();
  });

  it('derives pending from the hashes, so status cannot drift', () => {
    const db = openMigrated(dbFile());
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO notes(id, repo_id, fqn, text, created_at, updated_at) VALUES (1, 1, 'x', 'n', 0, 0);
      INSERT INTO text_units(repo_id, kind, note_id, vector_id, text, content_hash, synced_hash) VALUES (1, 'note', 1, 'v', 't', 'h1', 'h1');`);
    const pending = db.prepare('SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash').pluck();
    expect(pending.get()).toBe(0);
    db.exec("UPDATE text_units SET content_hash = 'h2'");
    expect(pending.get()).toBe(1);
    db.close();
  });

  it('migrations run on their own connection: after migrateDatabase nothing holds the file, and a reader opens it', () => {
    const file = dbFile();
    expect(migrateDatabase(file)).toBe(LATEST_VERSION);
    // The migrating connection closed: the WAL it wrote was folded back and removed.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reader = openRead(file);
    expect(reader.readonly).toBe(true);
    expect(reader.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    reader.close();
  });

  it('the Backend reads on a read-only connection, and a writer Backend leaves clew.db whole when it closes (no WAL behind)', async () => {
    const file = dbFile();
    const dataDir = join(file, '..');
    const repo = tempDir('clew-storage-repo-');
    dirs.push(repo.cleanup);
    writeTree(repo.path, SAMPLE_REPO);
    const backend = openWriter(dataDir);
    await call(backend, 'repo:index', { path: repo.path });
    expect((await call(backend, 'repo:list', {})).length).toBe(1);
    await backend.close();
    // The read-only connection cannot fold the WAL back; it closes first, so the writer closing last does.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reader = openRead(file);
    expect(reader.prepare('SELECT count(*) FROM repos').pluck().get()).toBe(1);
    reader.close();
  });

  it('a reader or writer refuses a database that was never migrated', () => {
    const file = dbFile();
    new Database(file).close();
    expect(() => openWrite(file)).toThrow(/not initialised yet \(schema 0\)/);
    expect(() => openRead(file)).toThrow(/not initialised yet \(schema 0\)/);
  });

  describe('notes.db', () => {
    const notesFile = (): string => join(dbFile(), '..', 'notes.db');
    const version = (file: string): number => {
      const db = new Database(file, { readonly: true });
      try {
        return db.pragma('user_version', { simple: true }) as number;
      } finally {
        db.close();
      }
    };

    it('has its own numbered migrations: a new copy is created at the latest version when the writer attaches it', () => {
      const file = dbFile();
      const notes = join(file, '..', 'notes.db');
      const db = openMigrated(file);
      attachNotesMirror(db, notes);
      db.exec("INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0)");
      db.close();
      expect(version(notes)).toBe(LATEST_NOTES_VERSION);
      const kept = new Database(notes, { readonly: true });
      expect(kept.prepare('SELECT path FROM kept_repos').pluck().all()).toEqual(['/r']);
      kept.close();
    });

    it('a copy written before notes.db had migrations (its tables at version 0) keeps its rows', () => {
      const notes = notesFile();
      const old = new Database(notes);
      old.exec(`CREATE TABLE kept_repos (path TEXT PRIMARY KEY, name TEXT NOT NULL, added_at INTEGER NOT NULL) STRICT;
        CREATE TABLE kept_notes (id INTEGER PRIMARY KEY, repo_path TEXT NOT NULL, fqn TEXT NOT NULL, text TEXT NOT NULL, state TEXT NOT NULL,
          stale_reason TEXT, anchor_hash TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;
        INSERT INTO kept_repos VALUES ('/r', 'r', 5);`);
      old.close();
      expect(migrateNotesDatabase(notes)).toBe(LATEST_NOTES_VERSION);
      expect(version(notes)).toBe(LATEST_NOTES_VERSION);
      expect(readKeptRepos(notes)).toEqual([{ path: '/r', name: 'r', addedAt: 5 }]);
    });

    it('refuses a copy written by a newer Clew, without touching it', () => {
      const notes = notesFile();
      migrateNotesDatabase(notes);
      const raw = new Database(notes);
      raw.pragma(`user_version = ${LATEST_NOTES_VERSION + 3}`);
      raw.close();
      expect(() => migrateNotesDatabase(notes)).toThrow(/newer Clew \(schema \d+, this build knows up to \d+\)/);
      expect(version(notes)).toBe(LATEST_NOTES_VERSION + 3);
    });
  });
});

