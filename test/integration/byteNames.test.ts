// File names that are not valid UTF-8 (real files named with bytes like 0xff 0xfe): indexed under a
// lossless escape of their bytes, read back through file:read and the outline, kept by re-indexes and
// followed in watch mode. Valid UTF-8 names are stored exactly as before.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkRepo } from '../../electron/engine/walk/walker.js';
import { encodeFsName, fsPathCandidates, rawBytesOf } from '../../electron/files/pathBytes.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { indexedPaths } from '../helpers/indexReads.js';
import { writeTree } from '../helpers/fixtures.js';
import { cleanupAfterEach, tempPath } from '../helpers/cleanups.js';

const bytes = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const ODD_FILE = bytes('b', [0xff, 0xfe], '.py');
const ODD_DIR = bytes('caf', [0xe9]); // latin-1 é
const ODD_FILE_TEXT = 'b\uefff\ueffe.py';
const ODD_DIR_TEXT = 'caf\uefe9';
// A valid name that holds an escape-range character: stored as is and still opened by its name.
const PUA_NAME = '\uef80note.txt';

function writeOddTree(root: string): void {
  writeTree(root, { 'plain/ok.py': 'def ok():\n    return 0\n', [PUA_NAME]: 'private use\n' });
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), ODD_FILE]), 'def odd():\n    return 1\n');
  mkdirSync(Buffer.concat([Buffer.from(`${root}/`), ODD_DIR]));
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), ODD_DIR, Buffer.from('/inner.ts')]), 'export function inner() { return 2; }\n');
}

describe('file names that are not UTF-8', () => {
  const cleanups = cleanupAfterEach();
  const dir = (prefix: string): string => tempPath(cleanups, prefix);

  it('encodes names losslessly: random bytes round-trip, valid UTF-8 is unchanged', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    for (let i = 0; i < 5000; i++) {
      const name = Buffer.from(Array.from({ length: 1 + (i % 12) }, () => random()));
      const stored = encodeFsName(name);
      expect(Buffer.from(fsPathCandidates(stored)[0] as string | Buffer)).toEqual(name);
    }
    for (const valid of ['plain.ts', 'café/ü.py', '日本語.md', '\u{1f600}.txt', PUA_NAME]) {
      expect(encodeFsName(Buffer.from(valid))).toBe(valid);
    }
    expect(encodeFsName(ODD_FILE)).toBe(ODD_FILE_TEXT);
    expect(rawBytesOf(ODD_FILE_TEXT)).toEqual(ODD_FILE);
    // An invalid name that also holds an escape-range character keeps both apart.
    const mixed = Buffer.concat([Buffer.from([0xff]), Buffer.from(PUA_NAME)]);
    expect(rawBytesOf(encodeFsName(mixed))).toEqual(mixed);
  });

  it('walks them instead of reporting them as vanished', () => {
    const root = dir('clew-bytes-walk-');
    writeOddTree(root);
    const result = walkRepo(root);
    expect(result.files.map((f) => f.relPath)).toEqual([PUA_NAME, ODD_FILE_TEXT, `${ODD_DIR_TEXT}/inner.ts`, 'plain/ok.py'].sort());
    expect(result.skipped).toEqual({});
  });

  it('indexes them, reads them back, keeps them on re-index, and follows their edits in watch mode', async () => {
    const root = dir('clew-bytes-');
    const data = dir('clew-data-');
    writeOddTree(root);
    expect(readdirSync(root, { encoding: 'buffer' }).some((n) => n.equals(ODD_FILE))).toBe(true);
    const backend = openWriter(data, { watch: true });
    cleanups.push(() => backend.close());
    const report = await call(backend, 'repo:index', { path: root });
    expect(report.skipped).toEqual({});
    expect(indexedPaths(data)).toEqual([PUA_NAME, ODD_FILE_TEXT, `${ODD_DIR_TEXT}/inner.ts`, 'plain/ok.py'].sort());

    expect(await call(backend, 'file:read', { repo: root, path: ODD_FILE_TEXT })).toMatchObject({ text: 'def odd():\n    return 1\n', language: 'python', changedSinceIndex: false });
    expect((await call(backend, 'file:read', { repo: root, path: `${ODD_DIR_TEXT}/inner.ts` })).text).toContain('inner');
    expect((await call(backend, 'file:read', { repo: root, path: PUA_NAME })).text).toBe('private use\n');
    expect((await call(backend, 'file:outline', { repo: root, path: ODD_FILE_TEXT })).map((s) => s.name)).toEqual(['odd']);
    const hits = await call(backend, 'search:query', { query: 'odd', repo: root });
    expect(hits.results.map((h) => h.path)).toContain(ODD_FILE_TEXT);

    const again = await call(backend, 'repo:index', { path: root });
    expect(again).toMatchObject({ changed: 0, removed: 0, unchanged: 4 });

    // Watch mode: the event names the file with U+FFFD; its folder is re-walked by bytes.
    writeFileSync(Buffer.concat([Buffer.from(`${root}/`), ODD_FILE]), 'def odd():\n    return 4141\n');
    await waitFor('the watched edit', async () =>
      (await call(backend, 'search:query', { query: '4141', repo: root })).results.some((h) => h.path === ODD_FILE_TEXT), 60_000, 100);
    // A new folder with such a name, and a file in it, appear too.
    const newDir = Buffer.concat([Buffer.from(`${root}/`), Buffer.from([0x6e, 0xe8])]);
    mkdirSync(newDir);
    writeFileSync(Buffer.concat([newDir, Buffer.from('/made.py')]), 'def made():\n    return 4343\n');
    await waitFor('the new folder', () => indexedPaths(data).includes('n\uefe8/made.py'), 60_000, 100);
    expect(indexedPaths(data)).toEqual([PUA_NAME, ODD_FILE_TEXT, `${ODD_DIR_TEXT}/inner.ts`, 'n\uefe8/made.py', 'plain/ok.py'].sort());
    // A valid name holding escape-range characters is re-checked by its own name, not mistaken for bytes.
    writeFileSync(join(root, PUA_NAME), 'private 4444\n');
    await waitFor('the edit of the private-use name', async () =>
      (await call(backend, 'search:query', { query: '4444', repo: root })).results.some((h) => h.path === PUA_NAME), 60_000, 100);
    expect(indexedPaths(data)).toContain(PUA_NAME);
  }, 120_000);
});
