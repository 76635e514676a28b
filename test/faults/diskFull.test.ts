// A full disk and a read-only data directory, for real: a 96 MiB tmpfs as the data directory (needs
// root to mount; skipped, saying so, where mounting is not permitted). A failed write is a clear
// DISK_FULL / READ_ONLY error with no half-written rows, and a retry once space returns succeeds;
// also when the disk fills in the middle of a first index, which runs as a bulk load (db/bulkLoad.ts).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statfsSync, statSync, symlinkSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/core/backend.js';
import { databaseFile, notesFile } from '../../electron/core/dataDir.js';
import { missingIndexes } from '../../electron/db/bulkLoad.js';
import { quickCheck } from '../../electron/db/integrity.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

const mount = (dir: string): boolean => spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', dir]).status === 0;
const remount = (dir: string, mode: 'ro' | 'rw'): void => {
  const r = spawnSync('mount', ['-o', `remount,${mode}`, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`remount ${mode} failed: ${r.stderr}`);
};

const probe = tempDir('clew-tmpfs-probe-');
const canMount = mount(probe.path);
if (canMount) spawnSync('umount', [probe.path]);
probe.cleanup();
if (!canMount) console.warn('diskFull.test.ts: skipped: cannot mount a tmpfs here (needs root and mount permission)');

/** Fills the file system until at most `leave` bytes are free; returns the filler's path. */
function fill(dir: string, leave: number): string {
  const file = join(dir, 'filler.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 1);
  try {
    for (;;) {
      const { bavail, bsize } = statfsSync(dir);
      const free = bavail * bsize;
      if (free <= leave) break;
      writeSync(fd, chunk, 0, Math.min(chunk.length, free - leave));
    }
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return file;
}

/** Note ids in clew.db and in its copy, notes.db. */
function noteIds(dataDir: string): { index: number[]; kept: number[] } {
  const read = (file: string, sql: string): number[] => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[], number>(sql).pluck().all();
    } finally {
      db.close();
    }
  };
  return { index: read(databaseFile(dataDir), 'SELECT id FROM notes ORDER BY id'), kept: read(notesFile(dataDir), 'SELECT id FROM kept_notes ORDER BY id') };
}

/** A file row without its chunks would be a half-written file; a finished run sets indexed_at. */
function consistency(dataDir: string): { integrity: boolean; files: number; filesWithoutChunks: number; indexedAt: number | null; notes: number; missingIndexes: number } {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  try {
    return {
      integrity: db.pragma('quick_check', { simple: true }) === 'ok',
      files: db.prepare('SELECT count(*) FROM files').pluck().get() as number,
      filesWithoutChunks: db.prepare('SELECT count(*) FROM files f WHERE f.line_count > 0 AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.file_id = f.id)').pluck().get() as number,
      indexedAt: (db.prepare('SELECT indexed_at FROM repos ORDER BY id DESC LIMIT 1').pluck().get() as number | null | undefined) ?? null,
      notes: db.prepare('SELECT count(*) FROM notes').pluck().get() as number,
      // A first index's deferred indexes (db/bulkLoad.ts) not built yet.
      missingIndexes: missingIndexes(db).length,
    };
  } finally {
    db.close();
  }
}

/** The worker empties notes.db's WAL after each command; fill only once it has, or the space it frees would be the copy's. */
async function fillAfterCheckpoint(dir: string): Promise<string> {
  await waitFor('notes.db-wal to be emptied', () => statSync(join(dir, 'notes.db-wal')).size === 0 || null, 10_000);
  return fill(dir, 0);
}

describe.runIf(canMount)('disk full and read-only data directory (tmpfs)', () => {
  const mnt = tempDir('clew-tmpfs-');
  const repos = tempDir('clew-tmpfs-repos-');
  const dataDir = join(mnt.path, 'data');
  beforeAll(() => {
    expect(mount(mnt.path)).toBe(true);
    mkdirSync(dataDir);
    writeTree(join(repos.path, 'small'), SAMPLE_REPO);
    // ~1.6 MiB of distinct source: far more index than the space left.
    const big: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      big[`src/mod${i}.py`] = Array.from({ length: 40 }, (_, j) => `def handler_${i}_${j}(request_${j}):\n    return "${i}-${j}-${'q'.repeat(40)}"\n`).join('\n');
    }
    writeTree(join(repos.path, 'big'), big);
  });
  afterAll(() => {
    spawnSync('mount', ['-o', 'remount,rw', mnt.path]);
    spawnSync('umount', [mnt.path]);
    mnt.cleanup();
    repos.cleanup();
  });

  it('a full disk fails an index and a note with DISK_FULL, leaves no half-written rows, and a retry after freeing space succeeds', async () => {
    const backend = openWriter(dataDir);
    try {
      await call(backend, 'repo:index', { path: join(repos.path, 'small') });
      await call(backend, 'note:add', { fqn: 'com.acme.web.UserController.get(long)', text: 'before the disk filled' });
      const filler = fill(mnt.path, 48 * 1024);

      const failed = await backend.invoke('repo:index', { path: join(repos.path, 'big') });
      expect(failed).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full.*free some space and try again/) } });
      // SQLite may still fit the note into WAL space the failed index left allocated (it depends on when
      // the last checkpoint ran): then it is saved (notes.db may miss it until the next command); otherwise it fails as DISK_FULL.
      const note = await backend.invoke('note:add', { fqn: 'com.acme.App.main(String[])', text: 'x'.repeat(90_000) });
      if (!note.ok) expect(note).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      const notesNow = note.ok ? 2 : 1;
      // Settings are written atomically: a full disk leaves the old file whole.
      expect(await backend.invoke('settings:set', { extraIgnores: Array.from({ length: 400 }, (_, i) => `generated-${i}-${'p'.repeat(200)}/`) }))
        .toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });

      const after = consistency(dataDir);
      expect(after).toMatchObject({ integrity: true, filesWithoutChunks: 0, indexedAt: null, notes: notesNow });
      // The failed index was a bulk load (a first index beside a small repo): what was indexed before keeps answering,
      // with its deferred indexes built or, if the disk had no room for them either, left to the next run.
      expect((await call(backend, 'search:query', { query: 'UserController', mode: 'keyword', repo: join(repos.path, 'small') })).results.length).toBeGreaterThan(0);
      expect((await call(backend, 'search:query', { query: 'UserController', mode: 'symbol' })).results.length).toBeGreaterThan(0);
      expect(quickCheck(notesFile(dataDir)).ok).toBe(true);
      expect(noteIds(dataDir).kept.length).toBeLessThanOrEqual(notesNow);

      unlinkSync(filler);
      const retried = await call(backend, 'repo:index', { path: join(repos.path, 'big') });
      expect(retried.files).toBe(400);
      const done = consistency(dataDir);
      expect(done).toMatchObject({ integrity: true, files: Object.keys(SAMPLE_REPO).length + 400, filesWithoutChunks: 0, missingIndexes: 0 });
      expect(done.indexedAt).not.toBeNull();
      expect((await call(backend, 'search:query', { query: 'handler_399_39', mode: 'symbol' })).results.length).toBeGreaterThan(0);
      await call(backend, 'note:add', { fqn: 'com.acme.App.main(String[])', text: 'after space came back' });
      expect((await call(backend, 'note:list', {})).map((n) => n.text)).toEqual(['before the disk filled', ...(note.ok ? ['x'.repeat(90_000)] : []), 'after space came back']);
      const ids = noteIds(dataDir);
      expect(ids.kept).toEqual(ids.index);
    } finally {
      await backend.close();
    }
  });

  it('a full disk in the middle of a first index (a bulk load) fails it with DISK_FULL; the repos indexed before keep answering, and a retry builds every index', async () => {
    const bulkDir = join(mnt.path, 'bulk');
    mkdirSync(bulkDir);
    const backend = openWriter(bulkDir);
    let filler: string | null = null;
    try {
      await call(backend, 'repo:index', { path: join(repos.path, 'small') });
      const smallFiles = consistency(bulkDir).files;
      // Room for the load to start and commit some batches, not for all of it (~1.6 MiB of source, 16,000 symbols).
      filler = fill(mnt.path, 6 * 1024 * 1024);
      const loading: number[] = [];
      backend.on('index:progress', (p) => {
        if (p.phase !== 'parsing' || p.filesDone === 0) return;
        const db = new Database(databaseFile(bulkDir), { readonly: true });
        try {
          loading.push(missingIndexes(db).length);
        } finally {
          db.close();
        }
      });
      const failed = await backend.invoke('repo:index', { path: join(repos.path, 'big') });
      expect(failed).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full.*free some space and try again/) } });
      expect(loading.length).toBeGreaterThan(0);
      expect(loading.every((missing) => missing === 11)).toBe(true);
      const after = consistency(bulkDir);
      expect(after).toMatchObject({ integrity: true, filesWithoutChunks: 0, indexedAt: null });
      // Its first batches were committed before the disk filled: they stay, labelled as still indexing (indexedAt null).
      expect(after.files).toBeGreaterThan(smallFiles);
      // What was there before answers, while the disk is still full.
      expect((await call(backend, 'search:query', { query: 'UserController', mode: 'keyword', repo: join(repos.path, 'small') })).results.length).toBeGreaterThan(0);
      expect((await call(backend, 'search:query', { query: 'UserController', mode: 'symbol' })).results.length).toBeGreaterThan(0);

      unlinkSync(filler);
      filler = null;
      const retried = await call(backend, 'repo:index', { path: join(repos.path, 'big') });
      expect(retried.files).toBe(400);
      expect(consistency(bulkDir)).toMatchObject({ integrity: true, files: smallFiles + 400, filesWithoutChunks: 0, missingIndexes: 0 });
      expect((await call(backend, 'search:query', { query: 'handler_399_39', mode: 'symbol' })).results.length).toBeGreaterThan(0);
    } finally {
      await backend.close();
      if (filler) unlinkSync(filler);
      rmSync(bulkDir, { recursive: true, force: true });
    }
  });

  it('a note whose notes.db copy hits a full disk after clew.db committed it is reported saved, and the copy catches up', async () => {
    // notes.db (and its WAL) on a second, tiny tmpfs: only the copy's commit can run out of space.
    const small = tempDir('clew-tmpfs-notes-');
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small.path]).status).toBe(0);
    const splitDir = join(mnt.path, 'split');
    mkdirSync(splitDir);
    symlinkSync(join(small.path, 'notes.db'), notesFile(splitDir));
    let backend = openWriter(splitDir);
    try {
      await call(backend, 'repo:index', { path: join(repos.path, 'small') });
      const first = await call(backend, 'note:add', { fqn: 'com.acme.web.UserController.get(long)', text: 'before the copy filled' });
      const filler = await fillAfterCheckpoint(small.path);

      // clew.db commits first and keeps the note; notes.db's commit fails. The note exists, so it is saved.
      const added = await call(backend, 'note:add', { fqn: 'com.acme.App.main(String[])', text: 'y'.repeat(90_000) });
      const edited = await call(backend, 'note:update', { id: first.id, text: `edited ${'z'.repeat(90_000)}` });
      expect(edited.text.startsWith('edited ')).toBe(true);
      expect((await call(backend, 'note:list', {})).map((n) => n.id)).toEqual([first.id, added.id]);
      expect(noteIds(splitDir)).toEqual({ index: [first.id, added.id], kept: [first.id] });

      // Still full: the next command still works on clew.db, and the copy stays behind without failing it.
      const third = await call(backend, 'note:add', { fqn: 'com.acme.web.UserController.get(long)', text: 'while still full' });
      unlinkSync(filler);
      // Space is back: the command after that refreshes the copy first.
      await call(backend, 'note:delete', { id: third.id });
      expect(noteIds(splitDir)).toEqual({ index: [first.id, added.id], kept: [first.id, added.id] });
      const kept = new Database(notesFile(splitDir), { readonly: true });
      expect(kept.prepare('SELECT text FROM kept_notes WHERE id = ?').pluck().get(first.id)).toBe(edited.text);
      kept.close();
      await backend.close();

      // A copy left behind when Clew closes catches up when it opens again.
      backend = openWriter(splitDir);
      await call(backend, 'note:update', { id: added.id, text: 'shorter now' });
      const filler2 = await fillAfterCheckpoint(small.path);
      const late = await call(backend, 'note:add', { fqn: 'com.acme.App.main(String[])', text: 'w'.repeat(90_000) });
      await backend.close();
      expect(noteIds(splitDir).kept).not.toContain(late.id);
      unlinkSync(filler2);
      backend = openWriter(splitDir);
      const reopened = await call(backend, 'note:add', { fqn: 'com.acme.web.UserController.get(long)', text: 'after reopening' });
      const all = [first.id, added.id, late.id, reopened.id];
      expect(noteIds(splitDir)).toEqual({ index: all, kept: all });
    } finally {
      await backend.close();
      spawnSync('umount', [small.path]);
      small.cleanup();
      rmSync(splitDir, { recursive: true, force: true });
    }
  });

  it('a read-only data directory is refused with READ_ONLY, and works again once writable', async () => {
    remount(mnt.path, 'ro');
    try {
      expect(() => Backend.open({ dataDir, write: true, command: 'test', vectors: { mode: 'off' } })).toThrow(expect.objectContaining({ code: 'READ_ONLY', message: expect.stringMatching(/not writable .*EROFS/) }));
    } finally {
      remount(mnt.path, 'rw');
    }
    const backend = openWriter(dataDir);
    try {
      expect((await call(backend, 'repo:list', {})).length).toBe(2);
      expect(consistency(dataDir).integrity).toBe(true);
    } finally {
      await backend.close();
    }
    rmSync(join(dataDir, 'settings.json'), { force: true });
  });
});
