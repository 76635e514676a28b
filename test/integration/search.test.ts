// Keyword, symbol and regex search over a real index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('search', () => {
  const repo = tempDir('clew-repo-');
  const other = tempDir('clew-other-');
  const data = tempDir('clew-data-');
  let backend: Backend;

  beforeAll(async () => {
    writeTree(repo.path, SAMPLE_REPO);
    writeTree(other.path, {
      'lib/util.py': 'def parse_config_file(p):\n    return p\n',
      // Eight matching lines in one chunk, and one in another file.
      'jobs/queue.py': Array.from({ length: 8 }, (_, i) => `def enqueue_${i}(job):\n    return job\n`).join('\n'),
      'jobs/worker.py': 'def work(job):\n    enqueue_0(job)\n',
    });
    backend = openWriter(data.path);
    await call(backend, 'repo:index', { path: repo.path });
    await call(backend, 'repo:index', { path: other.path });
  });
  afterAll(async () => {
    await backend.close();
    [repo, other, data].forEach((d) => d.cleanup());
  });

  const keyword = (query: string, extra: Record<string, string | number> = {}) => call(backend, 'search:query', { query, mode: 'keyword', ...extra });

  it('finds identifiers by their parts: parse config → parseConfig and parse_config', async () => {
    const { results, tookMs } = await keyword('parse config', { repo: repo.path });
    const lines = results.map((r) => `${r.path}:${r.line}`);
    expect(lines).toContain('src/main/java/com/acme/web/UserController.java:22');
    expect(lines).toContain('src/main/java/com/acme/web/UserController.java:23');
    expect(tookMs).toBeGreaterThanOrEqual(0);
    const hit = results.find((r) => r.line === 22);
    expect(hit?.snippet).toBe('public void parseConfig(String raw) {');
    // Highlights cover the matched parts inside the identifier.
    expect(hit?.highlights.map(([a, b]) => hit.snippet.slice(a, b))).toEqual(['parseConfig']);
  });

  it('lists every matching line of a chunk, as grep does; a chunk\'s first five rank with it, the rest after every chunk\'s first ones', async () => {
    const { results } = await keyword('enqueue', { repo: other.path });
    const lines = results.map((r) => `${r.path}:${r.line}`);
    expect(lines.filter((l) => l.startsWith('jobs/queue.py:')).sort()).toEqual([1, 4, 7, 10, 13, 16, 19, 22].map((n) => `jobs/queue.py:${n}`).sort());
    expect(lines.indexOf('jobs/worker.py:2')).toBeLessThan(lines.indexOf('jobs/queue.py:16'));
    expect(lines.slice(-3)).toEqual(['jobs/queue.py:16', 'jobs/queue.py:19', 'jobs/queue.py:22']);
  });

  it('finds substrings of identifiers and names the enclosing symbol', async () => {
    const { results } = await keyword('Mapping', { lang: 'java' });
    const getMapping = results.find((r) => r.snippet.includes('@GetMapping'));
    expect(getMapping).toMatchObject({ path: 'src/main/java/com/acme/web/UserController.java', line: 12, language: 'java' });
    expect(results.some((r) => r.snippet.includes('@RequestMapping("/api/users")'))).toBe(true);
    expect(results.every((r) => r.language === 'java')).toBe(true);
    const inMethod = (await keyword('findById')).results[0];
    expect(inMethod?.symbol).toBe('com.acme.web.UserController.get(long)');
  });

  it('filters by repo, language, path glob and symbol kind', async () => {
    expect((await keyword('parse config')).results.some((r) => r.path === 'lib/util.py')).toBe(true);
    expect((await keyword('parse config', { repo: repo.path })).results.some((r) => r.path === 'lib/util.py')).toBe(false);
    expect((await keyword('parse config', { path: '*.py' })).results.map((r) => r.path)).toEqual(['lib/util.py']);
    expect((await keyword('return', { path: 'app/**' })).results.every((r) => r.path.startsWith('app/'))).toBe(true);
    const inMethods = (await keyword('repository', { kind: 'method' })).results;
    expect(inMethods.length).toBeGreaterThan(0);
    expect(inMethods.every((r) => r.symbolKind === 'method')).toBe(true);
  });

  it('ranks symbols: exact, prefix, identifier part, fuzzy', async () => {
    const symbols = async (query: string) => (await call(backend, 'search:query', { query, mode: 'symbol' })).results.map((r) => r.symbol);
    expect((await symbols('UserController'))[0]).toBe('com.acme.web.UserController');
    expect(await symbols('UserCon')).toContain('com.acme.web.UserController');
    expect(await symbols('config')).toEqual(expect.arrayContaining(['com.acme.web.UserController.parseConfig(String)', 'lib.util.parse_config_file']));
    expect(await symbols('usrctrl')).toContain('com.acme.web.UserController');
    const kinds = (await call(backend, 'search:query', { query: 'User', mode: 'symbol', kind: 'class' })).results;
    expect(kinds.every((r) => r.symbolKind === 'class')).toBe(true);
  });

  it('searches by regex with the index as a prefilter, and scans only when no literal exists', async () => {
    const indexed = await call(backend, 'search:query', { query: '@(Get|Post)Mapping', mode: 'regex' });
    expect(indexed.unindexed).toBe(false);
    expect(indexed.results.map((r) => r.line)).toEqual([12, 17]);
    expect(indexed.results[0]?.highlights).toEqual([[0, 11]]);
    const scan = await call(backend, 'search:query', { query: '^\\s+\\w+\\.\\w+\\(', mode: 'regex', limit: 5 });
    expect(scan.unindexed).toBe(true);
    expect(scan.results.map((r) => r.snippet)).toContain("res.send('ok');");
    const flags = await call(backend, 'search:query', { query: '/usercontroller/i', mode: 'regex' });
    expect(flags.results.length).toBeGreaterThan(0);
    expect(await backend.invoke('search:query', { query: '(unclosed', mode: 'regex' })).toMatchObject({ ok: false, error: { code: 'INVALID_REGEX' } });
  });
});
