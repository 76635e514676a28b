// The channels the UI adds: file reads confined to the repo, outline, quick-open, index issues,
// note edits and repo removal through the cascades (tombstones for every vector).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { openRead } from '../../electron/db/connection.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import { readFileContent } from '../../electron/core/fileRead.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

const CONTROLLER = 'src/main/java/com/acme/web/UserController.java';

describe('UI channels', () => {
  const repo = tempDir('clew-repo-');
  const outside = tempDir('clew-outside-');
  const data = tempDir('clew-data-');
  let backend: Backend;

  beforeAll(async () => {
    writeTree(repo.path, { ...SAMPLE_REPO, 'bin/blob.dat': Buffer.from([1, 2, 0, 3, 4]), 'big.txt': 'x'.repeat(2000) });
    writeTree(outside.path, { 'secret.txt': 'top secret\n' });
    symlinkSync(join(outside.path, 'secret.txt'), join(repo.path, 'leak.txt'));
    mkdirSync(join(repo.path, 'dir'));
    backend = openWriter(data.path);
    await call(backend, 'repo:index', { path: repo.path });
  });
  afterAll(async () => {
    await backend.close();
    [repo, outside, data].forEach((d) => d.cleanup());
  });

  it('reads a file of the repo with its language', async () => {
    const file = await call(backend, 'file:read', { repo: repo.path, path: CONTROLLER });
    expect(file.text).toBe(SAMPLE_REPO[CONTROLLER]);
    expect(file).toMatchObject({ language: 'java', binary: false, truncated: false, changedSinceIndex: false });
  });

  it('refuses paths that leave the repo: .., absolute, and symlinks pointing out', async () => {
    for (const path of ['../secret.txt', `../${outside.path.split('/').pop()}/secret.txt`, join(outside.path, 'secret.txt'), 'leak.txt']) {
      const result = await backend.invoke('file:read', { repo: repo.path, path });
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('OUTSIDE_REPO');
    }
    const dir = await backend.invoke('file:read', { repo: repo.path, path: 'dir' });
    expect(dir.ok).toBe(false);
  });

  it('flags binary files and cuts huge ones', async () => {
    const blob = await call(backend, 'file:read', { repo: repo.path, path: 'bin/blob.dat' });
    expect(blob).toMatchObject({ binary: true, text: '' });
    const db = openRead(databaseFile(data.path));
    try {
      const big = await readFileContent(db, repo.path, 'big.txt', 100);
      expect(big).toMatchObject({ truncated: true, size: 2000 });
      expect(big.text).toHaveLength(100);
    } finally {
      db.close();
    }
  });

  it('marks a file edited since the index', async () => {
    writeFileSync(join(repo.path, 'py/app.py'), `${SAMPLE_REPO['py/app.py']}\n# edited\n`);
    expect((await call(backend, 'file:read', { repo: repo.path, path: 'py/app.py' })).changedSinceIndex).toBe(true);
  });

  it('lists the outline of one file in line order', async () => {
    const outline = await call(backend, 'file:outline', { repo: repo.path, path: CONTROLLER });
    expect(outline.map((s) => s.name)).toEqual(['UserController', 'repository', 'get', 'create', 'parseConfig']);
  });

  it('quick-opens files by name and symbols by name', async () => {
    const items = await call(backend, 'quickopen:query', { query: 'server' });
    expect(items[0]).toMatchObject({ kind: 'file', path: 'app/server.ts', label: 'server.ts', detail: 'app', line: 1 });
    const symbols = await call(backend, 'quickopen:query', { query: 'OrderServ' });
    expect(symbols.find((i) => i.kind === 'symbol')).toMatchObject({ label: 'OrderService', path: 'app/server.ts', symbolKind: 'class' });
    // Letters of the folder and the name, as in an editor's quick open; words in any order.
    for (const query of ['appsrv', 'server app']) {
      expect((await call(backend, 'quickopen:query', { query })).find((i) => i.kind === 'file')).toMatchObject({ path: 'app/server.ts' });
    }
    // The name's matched letters: s, then r and v of `server.ts`.
    expect((await call(backend, 'quickopen:query', { query: 'appsrv' })).find((i) => i.kind === 'file')?.highlights).toEqual([[0, 1], [2, 4]]);
  });

  it('shows what the index skipped', async () => {
    const issues = await call(backend, 'repo:issues', { repo: repo.path });
    expect(issues.skipped.binary).toBe(1);
    expect(issues.skipped['symlink-outside']).toBe(1);
  });

  it('edits a note (re-anchoring it) and deletes it with a tombstone', async () => {
    const note = await call(backend, 'note:add', { fqn: 'app/server:OrderService', text: 'first' });
    const edited = await call(backend, 'note:update', { id: note.id, text: '  second  ' });
    expect(edited).toMatchObject({ id: note.id, text: 'second', state: 'current' });
    expect(edited.updatedAt).toBeGreaterThanOrEqual(note.updatedAt);
    const before = (await call(backend, 'status:get', {})).sync.tombstones;
    expect(await call(backend, 'note:delete', { id: note.id })).toEqual({ deleted: true });
    expect((await call(backend, 'status:get', {})).sync.tombstones).toBe(before + 1);
    expect(await call(backend, 'note:delete', { id: note.id })).toEqual({ deleted: false });
    const missing = await backend.invoke('note:update', { id: note.id, text: 'x' });
    expect(missing.ok).toBe(false);
  });

  it('removes a repo with everything in it, leaving a tombstone per vector', async () => {
    const db = openRead(databaseFile(data.path));
    try {
      const units = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM text_units').get()?.n ?? 0;
      expect(units).toBeGreaterThan(0);
      const removed = await call(backend, 'repo:remove', { repo: repo.path });
      expect(removed).toEqual({ repo: repo.path, tombstones: units });
      for (const table of ['files', 'symbols', 'chunks', 'text_units', 'entry_points', 'notes']) {
        expect(db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n, table).toBe(0);
      }
    } finally {
      db.close();
    }
    expect(await call(backend, 'repo:list', {})).toEqual([]);
    const again = await backend.invoke('repo:remove', { repo: repo.path });
    expect(again.ok).toBe(false);
  });

  it('rejects malformed payloads as errors, not crashes', async () => {
    for (const [channel, payload] of [['file:read', { repo: 'x' }], ['note:update', { id: -1, text: 'x' }], ['quickopen:query', { query: 'a', extra: 1 }]] as const) {
      const result = await backend.invoke(channel, payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('BAD_REQUEST');
    }
  });
});
