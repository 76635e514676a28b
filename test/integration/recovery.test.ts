// A really corrupted clew.db (bytes overwritten while closed): start-up moves it aside, creates a
// fresh one, brings back the repos and every note (kept in notes.db), re-indexes, and says so.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/core/backend.js';
import { databaseFile, notesFile } from '../../electron/core/dataDir.js';
import { quickCheck } from '../../electron/db/integrity.js';
import { planRecovery } from '../../electron/core/recovery.js';
import { spawnSync } from 'node:child_process';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, writeTree } from '../helpers/fixtures.js';
import { cleanupAfterEach, tempPath } from '../helpers/cleanups.js';
import { clobber, clobberTable, recoverySettled } from '../helpers/damage.js';

const GET = 'com.acme.web.UserController.get(long)';
const CLASS = 'com.acme.web.UserController';

const keptNotes = (dataDir: string): Array<{ fqn: string; text: string }> => {
  const db = new Database(notesFile(dataDir), { readonly: true });
  try {
    return db.prepare<[], { fqn: string; text: string }>('SELECT fqn, text FROM kept_notes ORDER BY id').all();
  } finally {
    db.close();
  }
};

describe('corruption and recovery', () => {
  const cleanups = cleanupAfterEach();
  const dir = (prefix: string): string => tempPath(cleanups, prefix);
  const open = (dataDir: string): Backend => {
    const backend = openWriter(dataDir);
    cleanups.push(() => backend.close());
    return backend;
  };

  /** Two repos, three notes (one edited, one deleted), then closed: the state recovery must bring back. */
  async function seed(): Promise<{ dataDir: string; repos: string[]; files: number[] }> {
    const dataDir = dir('clew-recover-data-');
    const a = dir('clew-recover-a-');
    const b = dir('clew-recover-b-');
    writeTree(a, SAMPLE_REPO);
    writeTree(b, { 'lib/tool.py': 'def sharpen(blade):\n    return blade\n' });
    const backend = openWriter(dataDir);
    const files = [(await call(backend, 'repo:index', { path: a })).files, (await call(backend, 'repo:index', { path: b })).files];
    await call(backend, 'note:add', { fqn: GET, text: 'hot path, cached upstream' });
    const edited = await call(backend, 'note:add', { fqn: CLASS, text: 'first draft' });
    await call(backend, 'note:update', { id: edited.id, text: 'the users API' });
    const gone = await call(backend, 'note:add', { fqn: 'lib.tool.sharpen', text: 'to be deleted' });
    await call(backend, 'note:delete', { id: gone.id });
    await call(backend, 'note:add', { fqn: 'lib.tool.sharpen', text: 'keeps the edge' });
    await backend.close();
    return { dataDir, repos: [a, b].map((p) => statSync(p) && p), files };
  }

  it('keeps every note in notes.db in the same operation as clew.db: adds, edits, deletes and repo removal', async () => {
    const { dataDir, repos } = await seed();
    expect(keptNotes(dataDir)).toEqual([
      { fqn: GET, text: 'hot path, cached upstream' }, { fqn: CLASS, text: 'the users API' }, { fqn: 'lib.tool.sharpen', text: 'keeps the edge' },
    ]);
    const backend = open(dataDir);
    await call(backend, 'repo:remove', { repo: repos[1] ?? '' });
    expect(keptNotes(dataDir).map((n) => n.fqn)).toEqual([GET, CLASS]);
  });

  it('moves a database with overwritten pages aside, rebuilds the repos it listed and restores the notes', async () => {
    const { dataDir, files } = await seed();
    const file = databaseFile(dataDir);
    clobber(file, Math.floor(statSync(file).size / 2), 64 * 1024);
    expect(quickCheck(file).ok).toBe(false);

    const backend = open(dataDir);
    expect(backend.recoveryNotice).toMatchObject({ reason: 'corrupt', state: 'rebuilding' });
    const recovery = await recoverySettled(backend);
    expect(recovery).toMatchObject({ state: 'done', reindexed: 2, notesRestored: 3, error: null });
    // Kept, never deleted, next to the fresh one.
    expect(recovery.movedTo && existsSync(recovery.movedTo)).toBe(true);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('clew.corrupt-') && f.endsWith('.db'))).toHaveLength(1);
    expect(quickCheck(file).ok).toBe(true);

    const repos = await call(backend, 'repo:list', {});
    expect(repos.map((r) => r.files)).toEqual(files);
    const notes = await call(backend, 'note:list', {});
    expect(notes.map((n) => [n.fqn, n.text, n.state])).toEqual([
      [GET, 'hot path, cached upstream', 'current'], [CLASS, 'the users API', 'current'], ['lib.tool.sharpen', 'keeps the edge', 'current'],
    ]);
    expect((await call(backend, 'search:query', { query: 'parse config' })).results.length).toBeGreaterThan(0);
  });

  it('a reader (search, status) on a damaged database gets CORRUPT, saying how to recover, and changes nothing', async () => {
    const { dataDir } = await seed();
    // The file text every search reads its snippets from.
    clobberTable(databaseFile(dataDir), 'chunks');
    let error: unknown = null;
    try {
      const reader = Backend.open({ dataDir, write: false });
      const results = await Promise.all([reader.invoke('status:get', {}), reader.invoke('search:query', { query: 'parse config' }), reader.invoke('note:list', {})]);
      await reader.close();
      error = results.find((r) => !r.ok)?.error ?? null;
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/damaged .*move it aside and rebuild it/) });
    expect(readdirSync(dataDir).some((f) => f.startsWith('clew.corrupt-'))).toBe(false);
  });

  it('with the vector server on, the rebuilt index syncs again and semantic search finds a restored note', async () => {
    const { dataDir } = await seed();
    const synced = openWriter(dataDir, { vectors: { mode: 'sidecar' } });
    expect((await call(synced, 'sync:wait', { timeoutMs: 60_000 })).drained).toBe(true);
    await synced.close();
    clobber(databaseFile(dataDir), 0, 4096);
    const backend = openWriter(dataDir, { vectors: { mode: 'sidecar' } });
    cleanups.push(() => backend.close());
    expect(await recoverySettled(backend)).toMatchObject({ state: 'done', notesRestored: 3 });
    const waited = await call(backend, 'sync:wait', { timeoutMs: 60_000 });
    expect(waited).toMatchObject({ drained: true, sync: { pending: 0, failed: 0 } });
    const hits = await call(backend, 'search:query', { query: 'note keeps the edge', mode: 'semantic', limit: 5 });
    expect(hits.results.some((h) => h.snippet.includes('keeps the edge'))).toBe(true);
  });

  it('a rebuild cut short (the process died right after moving the file aside) resumes at the next start', async () => {
    const { dataDir } = await seed();
    clobber(databaseFile(dataDir), 0, 4096);
    // What start-up does before the rebuild; then the process "dies" and a fresh empty clew.db is all that is left.
    expect(planRecovery(dataDir)?.notice).toMatchObject({ reason: 'corrupt', state: 'rebuilding' });
    new Database(databaseFile(dataDir)).close();
    const backend = open(dataDir);
    expect(await recoverySettled(backend)).toMatchObject({ reason: 'corrupt', state: 'done', reindexed: 2, notesRestored: 3 });
    expect((await call(backend, 'note:list', {})).map((n) => n.state)).toEqual(['current', 'current', 'current']);
    await backend.close();
    // Done means done: the next start has nothing to resume.
    const again = open(dataDir);
    expect(again.recoveryNotice).toBeNull();
  });

  it('with the header destroyed nothing is readable: the repo list comes from notes.db', async () => {
    const { dataDir, repos } = await seed();
    clobber(databaseFile(dataDir), 0, 4096);
    const backend = open(dataDir);
    const recovery = await recoverySettled(backend);
    expect(recovery).toMatchObject({ reason: 'corrupt', state: 'done', repos, notesRestored: 3 });
    expect((await call(backend, 'note:list', {})).map((n) => n.text)).toEqual(['hot path, cached upstream', 'the users API', 'keeps the edge']);
  });

  it('a damaged notes.db is moved aside, kept, and written again from the index; notes keep working and the CLI says so', async () => {
    const { dataDir, repos } = await seed();
    const copy = notesFile(dataDir);
    clobber(copy, 0, 4096);
    expect(quickCheck(copy).ok).toBe(false);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', '--data-dir', dataDir, '--no-sync', 'index', repos[0] ?? ''], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/^clew: notes\.db, the copy of your notes, was damaged \(.+\); it was moved aside to .*notes\.corrupt-.*\.db and written again from the index: no note was lost$/m);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('notes.corrupt-') && f.endsWith('.db'))).toHaveLength(1);
    expect(quickCheck(copy).ok).toBe(true);
    expect(keptNotes(dataDir).map((n) => n.text)).toEqual(['hot path, cached upstream', 'the users API', 'keeps the edge']);

    // Said once: the next start finds a healthy copy, which keeps following every note write.
    const backend = open(dataDir);
    expect(backend.notesCopyReset).toBeNull();
    expect(keptNotes(dataDir).map((n) => n.text)).toEqual(['hot path, cached upstream', 'the users API', 'keeps the edge']);
    await call(backend, 'note:add', { fqn: 'lib.tool.sharpen', text: 'honed' });
    expect(keptNotes(dataDir).map((n) => n.text)).toEqual(['hot path, cached upstream', 'the users API', 'keeps the edge', 'honed']);
    await call(backend, 'repo:remove', { repo: repos[1] ?? '' });
    expect(keptNotes(dataDir).map((n) => n.text)).toEqual(['hot path, cached upstream', 'the users API']);
  });

  it('a writer opening on a damaged notes.db reports it in its status', async () => {
    const { dataDir } = await seed();
    clobber(notesFile(dataDir), 4096, 4096);
    expect(quickCheck(notesFile(dataDir)).ok).toBe(false);
    const backend = open(dataDir);
    const reset = (await call(backend, 'status:get', {})).notesCopyReset;
    expect(reset).toMatchObject({ detail: expect.any(String), movedTo: expect.stringMatching(/notes\.corrupt-.*\.db$/) });
    expect(reset?.movedTo && existsSync(reset.movedTo)).toBe(true);
    expect((await call(backend, 'note:list', {})).length).toBe(3);
    await call(backend, 'note:add', { fqn: GET, text: 'second look' });
    expect(keptNotes(dataDir).map((n) => n.text)).toEqual(['hot path, cached upstream', 'the users API', 'keeps the edge', 'second look']);
  });

  it('an engine that cannot start fails each write at once with the reason, instead of leaving it waiting', async () => {
    const dataDir = dir('clew-recover-nostart-');
    // (A model that cannot load no longer stops the engine, see embedderFallback.test.ts; an impossible hash dimension still does.)
    const backend = openWriter(dataDir, { embedder: { kind: 'hash', dimension: 3 } });
    cleanups.push(() => backend.close());
    const failed = await backend.invoke('note:add', { fqn: GET, text: 'never saved' });
    expect(failed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/engine is not running: .*dimension must be an integer/) } });
    expect(await backend.invoke('repo:index', { path: dir('clew-recover-nostart-repo-') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/engine is not running/) } });
  });

  it('the CLI prints one line saying what happened, and a healthy database is left alone', async () => {
    const { dataDir, repos } = await seed();
    clobber(databaseFile(dataDir), Math.floor(statSync(databaseFile(dataDir)).size / 2), 64 * 1024);
    // The CLI from its sources, as its own process (as a person runs it).
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', '--data-dir', dataDir, '--no-sync', ...args], { encoding: 'utf8' });
    const first = cli('index', repos[0] ?? '');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^clew: the index database was damaged \(.+\); it was moved aside to .*clew\.corrupt-.*\.db; rebuilding 2 repos and restoring notes from notes\.db$/m);
    const second = cli('index', repos[1] ?? '');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).not.toMatch(/damaged/);
    const backend = open(dataDir);
    expect(backend.recoveryNotice).toBeNull();
    expect((await call(backend, 'note:list', {})).length).toBe(3);
  });
});
