// A first index into an empty database runs as a bulk load (db/write/bulkLoad.ts): during it the deferred indexes are
// absent and FTS5 does not merge, reads on another connection still answer, and at its end (also when cancelled) the
// schema and FTS5's merging are back. The rows it stores are the ones the ordinary path stores; a later run into a
// database that holds files keeps every index.
import { appendFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { unpackPlaces } from '../../electron/db/occurrencePlaces.js';
import { OCCURRENCE_PAGE_SQL } from '../../electron/db/read/nav/navRows.js';
import { needleExpression } from '../../electron/db/read/trigrams.js';
import { BULK_MAX_OTHER_FILES, missingIndexes } from '../../electron/db/bulkLoad.js';
import { FULL_TEXT_TABLES } from '../../electron/db/fullTextTables.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { RunControl } from '../../electron/engine/runControl.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const dirs: Array<{ path: string; cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));
const dir = (prefix: string): string => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.path;
};

const automerge = (db: Database.Database): Array<number | undefined> =>
  FULL_TEXT_TABLES.map((t) => db.prepare<[], number>(`SELECT v FROM ${t}_config WHERE k = 'automerge'`).pluck().get());

/** Every place of every name, with the ids it holds (enclosing symbol, qualifier name) read back as FQN and name. */
function occurrences(db: Database.Database): string[] {
  const fqns = new Map(db.prepare<[], [number, string]>('SELECT id, fqn FROM symbols').raw(true).all());
  const names = new Map(db.prepare<[], [number, string]>('SELECT id, name FROM names').raw(true).all());
  const rows = db.prepare<[], [string, string, Uint8Array]>(
    'SELECT f.path, n.name, o.places FROM occurrences o JOIN files f ON f.id = o.file_id JOIN names n ON n.id = o.name_id').raw(true).all();
  return rows.flatMap(([path, name, places]) => unpackPlaces(places).map(([line, col, role, symbol, qualifier]) =>
    `${path} ${name} ${line}:${col} ${role} ${symbol === null ? '' : fqns.get(symbol)} ${qualifier === null ? '' : names.get(qualifier)}`)).sort();
}

/** What a finished index holds, table by table, independent of row ids. */
function contents(db: Database.Database): Record<string, unknown> {
  const q = (sql: string): unknown => db.prepare(sql).raw(true).all();
  return {
    files: q('SELECT path, content_hash, line_count FROM files ORDER BY path'),
    symbols: q('SELECT f.path, s.fqn, s.kind, s.start_line, s.end_line, s.body_hash FROM symbols s JOIN files f ON f.id = s.file_id ORDER BY 1, 2'),
    occurrences: occurrences(db),
    entryPoints: q('SELECT f.path, e.kind, e.method, e.path FROM entry_points e JOIN files f ON f.id = e.file_id ORDER BY 1, 2, 3, 4'),
    units: q('SELECT kind, vector_id, content_hash FROM text_units ORDER BY vector_id'),
    chunkHits: db.prepare('SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?').pluck().get(needleExpression('compute_1')),
    wordHits: q("SELECT count(*) FROM words_fts WHERE words_fts MATCH 'computes'"),
    symbolHits: q("SELECT count(*) FROM symbols_fts WHERE symbols_fts MATCH 'store'"),
    indexes: q("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"),
  };
}

describe('a first index as a bulk load', () => {
  it('builds the deferred indexes after its rows, answers reads meanwhile, and stores what the ordinary path stores', async () => {
    const repo = dir('clew-bulk-repo-');
    writeTree(repo, smallTree(900));
    const file = join(dir('clew-bulk-data-'), 'clew.db');
    const db = openMigrated(file);
    const reader = new Database(file, { readonly: true });
    const during: Array<{ missing: number; merge: Array<number | undefined>; refs: number }> = [];
    try {
      await indexRepo(db, repo, {
        embedderId: 'test', progressIntervalMs: 0, parseWorkers: 1,
        onProgress: (p) => {
          if (p.phase !== 'parsing' || p.filesDone === 0) return;
          // Another connection, as a search worker: a references page reads without the name index.
          const refs = reader.prepare(OCCURRENCE_PAGE_SQL).raw(true).all(1, 0, 1, 50).length;
          during.push({ missing: missingIndexes(reader).length, merge: automerge(reader), refs });
        },
      });
      expect(during.length).toBeGreaterThan(0);
      expect(during.every((d) => d.missing === 11)).toBe(true);
      expect(during.every((d) => d.merge.every((v) => v === 0))).toBe(true);
      expect(during.some((d) => d.refs > 0)).toBe(true);
      expect(missingIndexes(db)).toEqual([]);
      expect(automerge(db)).toEqual([4, 4, 4]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const table of FULL_TEXT_TABLES) db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run();

      // The same tree through the ordinary path: a database that holds enough files of another repo never bulk-loads.
      const other = dir('clew-bulk-other-');
      writeTree(other, Object.fromEntries(Array.from({ length: BULK_MAX_OTHER_FILES }, (_, i) => [`notes/n${i}.txt`, `note ${i}\n`])));
      const plainFile = join(dir('clew-plain-data-'), 'clew.db');
      const plain = openMigrated(plainFile);
      try {
        await indexRepo(plain, other, { embedderId: 'test', parseWorkers: 1 });
        const seen: number[] = [];
        await indexRepo(plain, repo, { embedderId: 'test', progressIntervalMs: 0, parseWorkers: 1, onProgress: () => seen.push(missingIndexes(plain).length) });
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.every((n) => n === 0)).toBe(true);
        plain.prepare("DELETE FROM repos WHERE path != ?").run(db.prepare<[], string>('SELECT path FROM repos').pluck().get() ?? '');
        const [bulk, ordinary] = [contents(db), contents(plain)];
        for (const key of Object.keys(ordinary)) expect(bulk[key], key).toEqual(ordinary[key]);
      } finally {
        plain.close();
      }
    } finally {
      reader.close();
      db.close();
    }
  });

  it('is settled when the first index is cancelled', async () => {
    const repo = dir('clew-bulk-cancel-repo-');
    writeTree(repo, smallTree(900));
    const db = openMigrated(join(dir('clew-bulk-cancel-data-'), 'clew.db'));
    const control = new RunControl();
    let missingAtCancel = -1;
    try {
      const report = await indexRepo(db, repo, {
        embedderId: 'test', progressIntervalMs: 0, parseWorkers: 1, control,
        onProgress: (p) => {
          if (p.phase === 'parsing' && p.filesDone > 100 && !control.cancelled) {
            missingAtCancel = missingIndexes(db).length;
            control.cancel();
          }
        },
      });
      expect(report.cancelled).toBe(true);
      expect(missingAtCancel).toBe(11);
      expect(missingIndexes(db)).toEqual([]);
      expect(automerge(db)).toEqual([4, 4, 4]);
    } finally {
      db.close();
    }
  });
  it('is left alone by another repo\'s run meanwhile, and settled by the next run when its own settle failed', async () => {
    const small = dir('clew-bulk-small-');
    writeTree(small, { 'a.py': 'def a():\n    return 1\n' });
    const repo = dir('clew-bulk-fail-repo-');
    writeTree(repo, smallTree(900));
    const file = join(dir('clew-bulk-fail-data-'), 'clew.db');
    const db = openMigrated(file);
    const locker = new Database(file);
    try {
      await indexRepo(db, small, { embedderId: 'test', parseWorkers: 1 });
      let other: Promise<unknown> | null = null;
      const afterOther: number[] = [];
      let locked = false;
      const run = indexRepo(db, repo, {
        embedderId: 'test', progressIntervalMs: 0, parseWorkers: 1,
        onProgress: (p) => {
          if (p.phase !== 'parsing' || p.filesDone === 0) return;
          // The small repo re-indexed while this first index loads: its run must not build the deferred indexes.
          other ??= indexRepo(db, small, { embedderId: 'test', parseWorkers: 1 });
          if (other) void other.then(() => afterOther.push(missingIndexes(db).length));
          // Then the write lock taken from outside: the next batch and the settle after it both fail.
          if (afterOther.length > 0 && !locked) {
            locker.exec('BEGIN IMMEDIATE');
            locked = true;
          }
        },
      });
      await expect(run).rejects.toThrow(/locked|busy/i);
      expect(afterOther.length).toBeGreaterThan(0);
      expect(afterOther[0]).toBe(11);
      locker.exec('ROLLBACK');
      // Left for the next run, which settles it before anything else.
      expect(missingIndexes(db)).toHaveLength(11);
      await indexRepo(db, small, { embedderId: 'test', parseWorkers: 1 });
      expect(missingIndexes(db)).toEqual([]);
      expect(automerge(db)).toEqual([4, 4, 4]);
    } finally {
      locker.close();
      db.close();
    }
  }, 60_000);

  it('leaves what changed while it loaded to the watcher\'s catch-up: an edited, a deleted and a new file are settled', async () => {
    const repo = dir('clew-bulk-watch-repo-');
    writeTree(repo, smallTree(2000));
    const data = dir('clew-bulk-watch-data-');
    const backend = openWriter(data, { watch: true });
    // Opened once the database exists (a callback assigns it, so it is held in an object TypeScript does not narrow).
    const open: { reader: Database.Database | null } = { reader: null };
    try {
      let changed: { edited: string; deleted: string; missing: number } | null = null;
      backend.on('index:progress', (p) => {
        if (changed || p.phase !== 'parsing' || p.filesDone < 100) return;
        const reader = (open.reader ??= new Database(join(data, 'clew.db'), { readonly: true }));
        // Two files this first index has already written, changed behind its back while it goes on.
        const [edited, deleted] = reader.prepare<[], string>('SELECT path FROM files ORDER BY id LIMIT 2').pluck().all();
        if (!edited || !deleted) return;
        changed = { edited, deleted, missing: missingIndexes(reader).length };
        appendFileSync(join(repo, edited), '\n\ndef edited_while_loading():\n    return "edited_marker_q7"\n');
        unlinkSync(join(repo, deleted));
        writeFileSync(join(repo, 'added_while_loading.py'), 'def added_while_loading():\n    return "added_marker_q7"\n');
      });
      const report = await call(backend, 'repo:index', { path: repo });
      expect(report.cancelled).toBe(false);
      const seen = changed as { edited: string; deleted: string; missing: number } | null;
      expect(seen?.missing).toBe(11);
      const keyword = async (query: string): Promise<string[]> =>
        (await call(backend, 'search:query', { query, mode: 'keyword', repo })).results.map((r) => r.path);
      const stored = (path: string): number => (open.reader as Database.Database).prepare<[string], number>('SELECT count(*) FROM files WHERE path = ?').pluck().get(path) ?? 0;
      await waitFor('the catch-up to index what changed during the load', async () => {
        const [edited, added] = await Promise.all([keyword('edited_marker_q7'), keyword('added_marker_q7')]);
        return edited.includes(seen?.edited ?? '?') && added.includes('added_while_loading.py') && stored(seen?.deleted ?? '') === 0 ? true : null;
      }, 30_000);
      const db = new Database(join(data, 'clew.db'), { readonly: true });
      try {
        expect(missingIndexes(db)).toEqual([]);
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
        expect(db.prepare('SELECT count(*) FROM files WHERE path = ?').pluck().get(seen?.deleted)).toBe(0);
        expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(2000);
      } finally {
        db.close();
      }
    } finally {
      open.reader?.close();
      await backend.close();
    }
  }, 120_000);
});
