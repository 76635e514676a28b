// Indexing through the real Backend and worker on a real repo folder and a real database file.
import { rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, USER_CONTROLLER, writeTree } from '../helpers/fixtures.js';
import { openMigrated } from '../helpers/db.js';

const CONTROLLER = 'src/main/java/com/acme/web/UserController.java';

describe('indexing', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  let backend: Backend;

  beforeEach(() => {
    repo = tempDir('clew-repo-');
    data = tempDir('clew-data-');
    writeTree(repo.path, SAMPLE_REPO);
    backend = openWriter(data.path);
  });
  afterEach(async () => {
    await backend.close();
    repo.cleanup();
    data.cleanup();
  });

  const fileCount = (): number => {
    const db = new Database(databaseFile(data.path), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM files').pluck().get() as number;
    } finally { db.close(); }
  };

  it('indexes files, symbols, entry points, packages and text units, and reports counts', async () => {
    const progress: string[] = [];
    backend.on('index:progress', (p) => progress.push(p.phase));
    const report = await call(backend, 'repo:index', { path: repo.path });
    expect(report.files).toBe(Object.keys(SAMPLE_REPO).length);
    expect(report.symbols).toBeGreaterThan(0);
    // Symbols have units, and so does the text no symbol covers (README, manifests, module-level code).
    const db = new Database(databaseFile(data.path), { readonly: true });
    const chunkUnits = db.prepare("SELECT count(*) FROM text_units WHERE kind = 'chunk' AND file_id IS NOT NULL").pluck().get() as number;
    db.close();
    expect(chunkUnits).toBeGreaterThan(0);
    expect(report.units).toBe(report.symbols + chunkUnits);
    expect(report.packages).toBe(2);
    expect(report.changed).toBe(report.files);
    expect(progress[0]).toBe('walking');
    expect(progress.at(-1)).toBe('done');
    const status = await call(backend, 'status:get', {});
    expect(status.repos).toHaveLength(1);
    expect(status.repos[0]?.indexedAt).toBeGreaterThan(0);
    expect(status.sync.pending).toBe(report.units);
    expect(fileCount()).toBe(report.files);
  });

  it('lists entry points with their handlers, linking a route to a handler defined in another file', async () => {
    await call(backend, 'repo:index', { path: repo.path });
    const entries = await call(backend, 'entrypoints:list', { repo: repo.path });
    expect(entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'http', method: 'GET', path: '/api/users/{id}', symbol: 'com.acme.web.UserController.get(long)', file: CONTROLLER }),
      expect.objectContaining({ kind: 'http', method: 'POST', path: '/api/users', symbol: 'com.acme.web.UserController.create(User)' }),
      expect.objectContaining({ kind: 'http', method: 'GET', path: '/health', symbol: 'app/server:health' }),
      expect.objectContaining({ kind: 'http', method: 'POST', path: '/hello', symbol: 'py.app.hello' }),
      expect.objectContaining({ kind: 'http', framework: 'django', path: '/orders/<int:pk>/', symbol: 'shop.views.order_detail', file: 'shop/urls.py' }),
      expect.objectContaining({ kind: 'main', symbol: 'com.acme.App.main(String[])' }),
    ]));
  });

  it('re-indexing an unchanged repo writes nothing', async () => {
    await call(backend, 'repo:index', { path: repo.path });
    const db = new Database(databaseFile(data.path), { readonly: true });
    const before = db.pragma('data_version', { simple: true });
    const snapshot = (): unknown => db.prepare('SELECT (SELECT group_concat(id || content_hash) FROM files), (SELECT group_concat(id || fqn) FROM symbols), (SELECT count(*) FROM vector_outbox), (SELECT indexed_at FROM repos)').raw().get();
    const was = snapshot();
    const again = await call(backend, 'repo:index', { path: repo.path });
    expect(again).toMatchObject({ changed: 0, removed: 0, unchanged: Object.keys(SAMPLE_REPO).length });
    // data_version changes whenever another connection commits: it did not.
    expect(db.pragma('data_version', { simple: true })).toBe(before);
    expect(snapshot()).toEqual(was);
    db.close();
  });

  it('a touched but identical file is not re-parsed; a changed file is; a deleted file leaves tombstones', async () => {
    await call(backend, 'repo:index', { path: repo.path });
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(repo.path, 'README.md'), future, future);
    writeFileSync(join(repo.path, 'app/server.ts'), `${SAMPLE_REPO['app/server.ts']}\nexport function added() { return 1; }\n`);
    unlinkSync(join(repo.path, 'py/app.py'));
    const report = await call(backend, 'repo:index', { path: repo.path });
    expect(report).toMatchObject({ changed: 1, removed: 1 });
    const db = new Database(databaseFile(data.path), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM files WHERE path = 'py/app.py'").pluck().get()).toBe(0);
    const tombstones = db.prepare('SELECT count(*) FROM vector_outbox').pluck().get() as number;
    db.close();
    // py/app.py had symbols with text units: their vectors are queued for deletion.
    expect(tombstones).toBeGreaterThan(0);
  });

  it('rejects a file or a missing path clearly, with nothing written', async () => {
    const notFolder = await backend.invoke('repo:index', { path: join(repo.path, 'README.md') });
    expect(notFolder).toMatchObject({ ok: false, error: { code: 'NOT_A_FOLDER' } });
    const missing = await backend.invoke('repo:index', { path: join(repo.path, 'nope') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call(backend, 'repo:list', {}))).toEqual([]);
  });

  it('skips binary files, indexes invalid UTF-8 as latin1, and survives a file deleted mid-index', async () => {
    writeTree(repo.path, {
      'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      'legacy/Latin.java': Buffer.from('class Latin { String s = "caf\xe9"; }\n', 'latin1'),
      'zz/late.ts': 'export const late = 1;\n',
    });
    await backend.close();
    const db = openMigrated(databaseFile(data.path));
    let deleted = false;
    const report = await indexRepo(db, repo.path, {
      embedderId: 'test',
      progressIntervalMs: 0,
      onProgress: (p) => {
        // The walk has listed zz/late.ts; delete it before it is read.
        if (p.phase === 'parsing' && !deleted) {
          rmSync(join(repo.path, 'zz'), { recursive: true });
          deleted = true;
        }
      },
    });
    expect(report.skipped).toMatchObject({ binary: 1, vanished: 1 });
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'legacy/Latin.java', reason: 'not-utf8' })]));
    const text = db.prepare("SELECT c.text FROM chunks c JOIN files f ON f.id = c.file_id WHERE f.path = 'legacy/Latin.java'").pluck().get();
    expect(text).toContain('café');
    db.close();
    backend = openWriter(data.path);
  });

  it('keeps notes across re-indexing: stale when the symbol changes (and its parents), detached when it goes, re-attached when it returns', async () => {
    await call(backend, 'repo:index', { path: repo.path });
    const classFqn = 'com.acme.web.UserController';
    const getFqn = 'com.acme.web.UserController.get(long)';
    const createFqn = 'com.acme.web.UserController.create(User)';
    await call(backend, 'note:add', { fqn: classFqn, text: 'the users API' });
    await call(backend, 'note:add', { fqn: getFqn, text: 'hot path, cached upstream' });
    await call(backend, 'note:add', { fqn: createFqn, text: 'validates in the service' });

    // Unchanged and touched-but-identical re-index: notes stay current.
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(repo.path, CONTROLLER), future, future);
    await call(backend, 'repo:index', { path: repo.path });
    const states = async (): Promise<Record<string, string>> =>
      Object.fromEntries((await call(backend, 'note:list', {})).map((n) => [n.fqn, n.state]));
    expect(await states()).toEqual({ [classFqn]: 'current', [getFqn]: 'current', [createFqn]: 'current' });

    // Change get(): its note and its class's note go stale; create()'s note stays current.
    writeFileSync(join(repo.path, CONTROLLER), USER_CONTROLLER.replace('return repository.findById(id);', 'return repository.findById(id).orElseThrow();'));
    await call(backend, 'repo:index', { path: repo.path });
    expect(await states()).toEqual({ [classFqn]: 'stale', [getFqn]: 'stale', [createFqn]: 'current' });
    const notes = await call(backend, 'note:list', {});
    expect(notes.find((n) => n.fqn === getFqn)?.staleReason).toMatch(/changed/);

    // Remove create(): its note is kept, detached.
    const withoutCreate = USER_CONTROLLER.replace(/ {4}@PostMapping[\s\S]*?\n {4}}\n\n/, '');
    expect(withoutCreate).not.toContain('create(');
    writeFileSync(join(repo.path, CONTROLLER), withoutCreate);
    await call(backend, 'repo:index', { path: repo.path });
    expect((await states())[createFqn]).toBe('detached');
    // Each note names its symbol's file; a detached one has none to name.
    const files = Object.fromEntries((await call(backend, 'note:list', {})).map((n) => [n.fqn, n.file]));
    expect(files).toEqual({ [classFqn]: CONTROLLER, [getFqn]: CONTROLLER, [createFqn]: null });

    // Delete the whole file: every note survives, detached.
    unlinkSync(join(repo.path, CONTROLLER));
    await call(backend, 'repo:index', { path: repo.path });
    expect(Object.values(await states())).toEqual(['detached', 'detached', 'detached']);

    // The original code returns: notes re-attach, current where the code matches what was noted.
    writeFileSync(join(repo.path, CONTROLLER), USER_CONTROLLER);
    await call(backend, 'repo:index', { path: repo.path });
    expect(await states()).toEqual({ [classFqn]: 'current', [getFqn]: 'current', [createFqn]: 'current' });
  });

  it('refuses a note on an unknown symbol and a malformed payload, without writing', async () => {
    await call(backend, 'repo:index', { path: repo.path });
    expect(await backend.invoke('note:add', { fqn: 'no.such.Symbol', text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.invoke('note:add', { fqn: 42, text: null })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await backend.invoke('search:query', { query: 'x', limit: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await backend.invoke('search:query', 'not an object')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await backend.invoke('nope:nope' as 'status:get', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await backend.invoke('symbols:list', { repo: '/definitely/elsewhere' })).toMatchObject({ ok: false, error: { code: 'OUTSIDE_REPO' } });
    expect(await call(backend, 'note:list', {})).toEqual([]);
  });
});
