// The word index on a real SQLite file, written by the real IndexStore from really prepared files: each
// field counts with its own weight, word forms and identifier parts meet, and common words are dropped.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeWords } from '../../../electron/base/query/index.js';
import { openRead, type ReadDb, type WriteDb } from '../../../electron/db/connection.js';
import { FIELD_WEIGHTS, usefulWords, wordIndexCandidates, wordsExpression } from '../../../electron/db/read/wordIndex.js';
import { IndexStore } from '../../../electron/db/write/indexStore.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';
import { preparedWrite } from '../../helpers/preparedWrites.js';

const TREE: Record<string, string> = {
  // "cache" only in a name.
  'lib/store.ts': 'export function cacheEntry(key: string): string {\n  return key;\n}\n',
  // "cache" three times, only in a body.
  'lib/other.ts': 'export function keep(value: string): string {\n  // no cache here, the cache is elsewhere, cache\n  return value;\n}\n',
  // "registered routes" only across a name and a doc comment.
  'lib/table.ts': '/** Adds a route to the table. */\nexport function registerRoute(path: string): void {\n  void path;\n}\n',
  // "string" in most of the index (plain text files: no parser needed).
  ...Object.fromEntries(Array.from({ length: 240 }, (_, i) => [`notes/n${i}.txt`, `string ${i}\n`])),
};

describe('word index', () => {
  const repo = tempDir('clew-words-repo-');
  const data = tempDir('clew-words-db-');
  const file = join(data.path, 'clew.db');
  let writer: WriteDb;
  let db: ReadDb;

  beforeAll(async () => {
    writeTree(repo.path, TREE);
    writer = openMigrated(file);
    const store = new IndexStore(writer);
    const row = store.ensureRepo(repo.path, 'key', 'repo');
    const writes = [];
    for (const relPath of Object.keys(TREE)) writes.push(await preparedWrite(repo.path, relPath, 'key'));
    store.writeBatch(row, [], writes);
    db = openRead(file);
  });
  afterAll(() => {
    db.close();
    writer.close();
    [repo, data].forEach((d) => d.cleanup());
  });

  it('weighs a name above a body', () => {
    expect(FIELD_WEIGHTS.names).toBeGreaterThan(FIELD_WEIGHTS.body);
    const found = wordIndexCandidates(db, codeWords('cache'), ['cache'], {}, 10);
    const best = [...found.definitions.map((d) => ({ path: d.path, score: d.score })), ...found.lines.map((l) => ({ path: l.path, score: l.score }))]
      .sort((a, b) => b.score - a.score);
    expect(best[0]?.path).toBe('lib/store.ts');
    expect(best.some((b) => b.path === 'lib/other.ts')).toBe(true);
  });

  it('finds a definition by word forms spread over its name and doc comment', () => {
    const found = wordIndexCandidates(db, codeWords('routes registered'), ['rout', 'regist'], {}, 10);
    expect(found.definitions[0]).toMatchObject({ name: 'registerRoute', path: 'lib/table.ts', doc: expect.stringMatching(/Adds a route/) });
  });

  it('filters by file through the unit a word row names: a definition through its symbol, a line through its chunk', () => {
    const inOther = wordIndexCandidates(db, codeWords('cache'), ['cache'], { path: 'lib/other.ts' }, 10);
    expect(inOther.lines.length).toBeGreaterThan(0);
    expect([...inOther.lines, ...inOther.definitions].every((hit) => hit.path === 'lib/other.ts')).toBe(true);
    const inStore = wordIndexCandidates(db, codeWords('cache'), ['cache'], { path: 'lib/store.ts' }, 10);
    expect(inStore.definitions.map((d) => d.name)).toEqual(['cacheEntry']);
    expect([...inStore.lines, ...inStore.definitions].every((hit) => hit.path === 'lib/store.ts')).toBe(true);
  });

  it('keeps the rarest words within the posting budget, drops commoner and absent ones, and counts a common word alone in names and paths only', () => {
    const { kept, named, dropped } = usefulWords(db, [...codeWords('string registered routes'), 'nowhere'], 50);
    expect(kept).toEqual(['regist', 'rout']);
    expect(named).toEqual([]);
    expect(dropped).toEqual(['string', 'nowhere']);
    expect(usefulWords(db, ['string'], 50)).toEqual({ kept: [], named: ['string'], dropped: [] });
    expect(usefulWords(db, codeWords('string registered routes')).kept).toHaveLength(3);
    expect(wordsExpression(['regist'], ['string'])).toBe('"regist" OR {names path} : ("string")');
  });
});
