// The word index through the real Backend on a real SQLite file: a question whose words appear only across
// a name and a doc comment, in other word forms, finds the right file first; editing and deleting the file
// update the index.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { SAMPLE_REPO } from '../helpers/fixtures.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { readIndex } from '../helpers/indexReads.js';

const ROUTES = `package web

// Adds a route to the table.
func registerRoute(table map[string]Handler, path string, h Handler) {
\ttable[path] = h
}
`;

// Mentions routes and registration in a body only, over and over: the definition must still win.
const NOISE = `package web

func serve() {
\t// the router looks up each route it was given; nothing is recorded here
\tprintln("route", "route", "router")
}
`;

/** How many word-index rows the file has (a row's rowid is its symbol's id doubled, or its chunk's doubled plus one). */
const wordRows = (dataDir: string, path: string): number => readIndex(dataDir, (db) =>
  db.prepare<[{ path: string }], number>(`SELECT count(*) FROM words_fts WHERE rowid IN (SELECT s.id * 2 FROM symbols s JOIN files f ON f.id = s.file_id WHERE f.path = @path
    UNION ALL SELECT c.id * 2 + 1 FROM chunks c JOIN files f ON f.id = c.file_id WHERE f.path = @path)`).pluck().get({ path }) ?? 0);
/** How many rows of the full-text table hold the word (orphans included: it reads the FTS table alone). */
const holding = (dataDir: string, word: string): number => readIndex(dataDir, (db) =>
  db.prepare<[string], number>('SELECT count(*) FROM words_fts WHERE words_fts MATCH ?').pluck().get(word) ?? 0);

describe('word index', () => {
  const index = useIndexedTrees('clew-words', [{ ...SAMPLE_REPO, 'web/routes.go': ROUTES, 'web/serve.go': NOISE }]);
  const { repo, data } = index;
  const auto = (query: string) => call(index.backend, 'search:query', { query, mode: 'auto' });

  it('answers a question whose words are spread over a name and a doc comment, in other forms', async () => {
    const { results } = await auto('where are routes registered');
    expect(results[0]).toMatchObject({ path: 'web/routes.go', symbol: expect.stringContaining('registerRoute') });
    expect(wordRows(data.path, 'web/routes.go')).toBeGreaterThan(1);
    expect(holding(data.path, 'registerroute')).toBeGreaterThan(0);
  });

  it('follows an edit: the old words leave the index and the new ones arrive', async () => {
    writeFileSync(join(repo.path, 'web/routes.go'), 'package web\n\n// Counts the lines of a page.\nfunc countLines(page string) int {\n\treturn 0\n}\n');
    await call(index.backend, 'repo:index', { path: repo.path });
    expect(holding(data.path, 'registerroute')).toBe(0);
    const stale = await auto('where are routes registered');
    // The file may still match by its path (web/routes.go), but its old definition is gone.
    expect(stale.results.map((r) => r.symbol ?? '').join(' ')).not.toMatch(/registerRoute/);
    const fresh = await auto('how are page lines counted');
    expect(fresh.results[0]).toMatchObject({ path: 'web/routes.go', symbol: expect.stringContaining('countLines') });
  });

  it('forgets a deleted file', async () => {
    rmSync(join(repo.path, 'web/routes.go'));
    await call(index.backend, 'repo:index', { path: repo.path });
    expect(wordRows(data.path, 'web/routes.go')).toBe(0);
    expect(holding(data.path, 'countlines')).toBe(0);
    const { results } = await auto('how are page lines counted');
    expect(results.map((r) => r.path)).not.toContain('web/routes.go');
  });
});
