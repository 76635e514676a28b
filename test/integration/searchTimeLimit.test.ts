// A regex scan past its time limit answers the matches it found so far (marked timedOut), or
// TIMEOUT when it found none; lookarounds and backreferences, which RE2 lacks, are INVALID_REGEX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import { type ReadDb, openRead } from '../../electron/db/connection.js';
import { regexSearch } from '../../electron/db/read/regexSearch.js';
import { search } from '../../electron/db/read/search.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

describe('regex search time limit', () => {
  const repo = tempDir('clew-repo-');
  const data = tempDir('clew-data-');
  let backend: Backend;
  let db: ReadDb;

  beforeAll(async () => {
    writeTree(repo.path, { ...SAMPLE_REPO, ...smallTree(60) });
    backend = openWriter(data.path, { search: { budgetMs: 0 } });
    await call(backend, 'repo:index', { path: repo.path });
    db = openRead(databaseFile(data.path));
  }, 120_000);
  afterAll(async () => {
    db.close();
    await backend.close();
    [repo, data].forEach((d) => d.cleanup());
  });

  it('stops when the limit passes and answers what it found until then', () => {
    // Every chunk holding "return" is tested line by line; the limit "passes" after the third chunk.
    let chunks = 0;
    const partial = regexSearch(db, { query: 'return \\w+ \\* \\d+', mode: 'regex' }, 1000, () => chunks++ >= 3);
    const full = regexSearch(db, { query: 'return \\w+ \\* \\d+', mode: 'regex' }, 1000);
    expect(partial.timedOut).toBe(true);
    expect(full.timedOut).toBe(false);
    expect(partial.hits.length).toBeGreaterThan(0);
    expect(partial.hits.length).toBeLessThan(full.hits.length);
    // What it found is the start of the full answer, in the same order.
    expect(partial.hits).toEqual(full.hits.slice(0, partial.hits.length));
  });

  it('answers TIMEOUT when the limit passes before any match, through the Backend and its search worker', async () => {
    expect(search(db, { query: 'return \\w+ \\* \\d+', mode: 'regex' }, 10_000).timedOut).toBeUndefined();
    expect(() => search(db, { query: 'return \\w+ \\* \\d+', mode: 'regex' }, -1)).toThrow(expect.objectContaining({ code: 'TIMEOUT' }));
    // This Backend's limit is 0 ms: the scan stops before its first chunk.
    expect(await backend.invoke('search:query', { query: 'return \\w+ \\* \\d+', mode: 'regex' })).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    // Keyword search does not stream, so the limit does not cut it short.
    expect((await call(backend, 'search:query', { query: 'compute', mode: 'keyword' })).results.length).toBeGreaterThan(0);
  });

  it('refuses what the linear-time engine cannot run as INVALID_REGEX', async () => {
    for (const query of ['User(?=Controller)', '(?<!@)Mapping', '(\\w)\\1']) {
      expect(await backend.invoke('search:query', { query, mode: 'regex' }), query).toMatchObject({ ok: false, error: { code: 'INVALID_REGEX', message: expect.stringContaining('lookarounds and backreferences') } });
    }
  });
});
