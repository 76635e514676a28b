// Case-sensitive and whole-word matching, context lines, the query's own filters (repo:, lang:,
// file:, path:, -path:) and an honest "cut" flag, on a real index through the real search workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import type { SearchQuery, SearchResponse } from '../../shared/types.js';
import { call, openWriter } from '../helpers/backend.js';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

describe('search options and query syntax', () => {
  const repo = tempDir('clew-syntax-');
  const other = tempDir('clew-syntax-other-');
  const data = tempDir('clew-syntax-data-');
  let backend: Backend;

  beforeAll(async () => {
    writeTree(repo.path, {
      'server/handler.go': 'package server\n\n// Handler serves requests.\nfunc Handler() {\n\thandler := 1\n\thandlerCount := handler\n\t_ = handlerCount\n}\n',
      'server/handler_test.go': 'package server\n\nfunc TestHandler() {\n\tHandler()\n}\n',
      'web/handler.py': 'def handler(request):\n    return request\n',
      'docs/guide.md': '# Guide\n\nThe handler answers every request.\n',
      'deploy/app.yaml': 'handler: main\n',
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`many/f${i}.txt`, `marker line ${i}\n`])),
    });
    writeTree(other.path, { 'lib/handler.go': 'package lib\n\nfunc handler() {}\n' });
    backend = openWriter(data.path);
    await call(backend, 'repo:index', { path: repo.path });
    await call(backend, 'repo:index', { path: other.path });
  });
  afterAll(async () => {
    await backend.close();
    [repo, other, data].forEach((d) => d.cleanup());
  });

  const search = (query: string, extra: Partial<SearchQuery> = {}) => call(backend, 'search:query', { query, mode: 'keyword', repo: repo.path, ...extra });
  const places = async (query: string, extra: Partial<SearchQuery> = {}) => (await search(query, extra)).results.map((r) => `${r.path}:${r.line}`).sort();

  it('keyword: ignores case by default, matches it exactly with caseSensitive', async () => {
    const loose = await places('Handler', { path: 'server/handler.go' });
    expect(loose).toEqual(['server/handler.go:3', 'server/handler.go:4', 'server/handler.go:5', 'server/handler.go:6', 'server/handler.go:7']);
    expect(await places('Handler', { path: 'server/handler.go', caseSensitive: true })).toEqual(['server/handler.go:3', 'server/handler.go:4']);
  });

  it('keyword: wholeWord drops matches inside longer identifiers', async () => {
    const words = (await search('handler', { path: 'server/handler.go', wholeWord: true })).results;
    expect(words.map((r) => r.line).sort()).toEqual([3, 4, 5, 6]);
    // Line 6 holds `handler` alone once; the highlight is on the whole word, not on `handlerCount`.
    const six = words.find((r) => r.line === 6);
    expect(six?.highlights.map(([a, b]) => six.snippet.slice(a, b))).toEqual(['handler']);
    expect(six?.snippet.slice(six.highlights[0]?.[0] ?? 0)).toBe('handler');
    expect(await places('handler', { path: 'server/handler.go', wholeWord: true, caseSensitive: true })).toEqual(['server/handler.go:5', 'server/handler.go:6']);
  });

  it('regex: exact case by default, caseSensitive false ignores it, wholeWord adds word boundaries', async () => {
    const regex = (query: string, extra: Partial<SearchQuery> = {}) => places(query, { mode: 'regex', path: 'server/handler.go', ...extra });
    expect(await regex('Handl[a-z]+')).toEqual(['server/handler.go:3', 'server/handler.go:4']);
    expect(await regex('Handl[a-z]+', { caseSensitive: false })).toHaveLength(5);
    expect(await regex('handler', { wholeWord: true })).toEqual(['server/handler.go:5', 'server/handler.go:6']);
  });

  it('answers the lines before and after a hit', async () => {
    const [hit] = (await search('handlerCount :=', { path: 'server/handler.go' })).results;
    expect(hit).toMatchObject({ line: 6, snippet: 'handlerCount := handler', before: 'handler := 1', after: '_ = handlerCount' });
    const [regexHit] = (await search('Handler serves', { mode: 'regex' })).results;
    expect(regexHit).toMatchObject({ line: 3, after: 'func Handler() {' });
    // The blank line before it is no context worth a row.
    expect(regexHit?.before).toBeUndefined();
  });

  it('applies lang:, file:, path: and -path: written in the query, in every SQL mode, and says how it read them', async () => {
    const go = await search('lang:go handler', { repo: undefined });
    expect(go.syntax).toEqual({ text: 'handler', filters: [{ key: 'lang', value: 'go' }] });
    expect(new Set(go.results.map((r) => r.language))).toEqual(new Set(['go']));
    expect(go.results.some((r) => r.repo !== go.results[0]?.repo)).toBe(true);
    expect(await places('handler -path:_test lang:go')).not.toContain('server/handler_test.go:4');
    expect((await places('handler -path:_test lang:go')).every((p) => p.startsWith('server/handler.go'))).toBe(true);
    expect(await places('handler file:*.py')).toEqual(['web/handler.py:1']);
    expect(await places('handler path:web')).toEqual(['web/handler.py:1']);
    expect(await places('handler lang:markdown')).toEqual(['docs/guide.md:3']);
    expect(await places('handler lang:yaml')).toEqual(['deploy/app.yaml:1']);
    expect((await search('lang:python handl', { mode: 'regex' })).results.map((r) => r.path)).toEqual(['web/handler.py']);
    expect((await search('lang:python handler', { mode: 'symbol' })).results.map((r) => r.symbol)).toEqual(['web.handler.handler']);
  });

  it('repo: names a repo by its name; a written filter wins over the request', async () => {
    const name = other.path.split('/').pop() ?? '';
    const found = await search(`repo:${name} handler`);
    expect(found.results.map((r) => `${r.repo}:${r.path}`)).toEqual([`${other.path}:lib/handler.go`]);
  });

  it('refuses an unknown repo or language by name, not as an internal error', async () => {
    await expect(search('repo:nosuchrepo handler')).rejects.toThrow(/no indexed repo matches "nosuchrepo"/);
    await expect(search('lang:cobol handler')).rejects.toThrow(/unknown language "cobol" \(known: java, .*markdown, yaml\)/);
    await expect(search('handler', { mode: 'semantic', lang: 'cobol' })).rejects.toThrow(/unknown language "cobol"/);
  });

  it('keeps unknown keys literal and answers a filters-only query with a notice', async () => {
    expect((await search('http://x handler')).syntax?.filters).toEqual([]);
    const only = await search('lang:go');
    expect(only.results).toEqual([]);
    expect(only.notice).toMatch(/only filters/);
  });

  it('says truncated when more hits exist than the limit, and not when they all fit', async () => {
    const cut = await search('marker line', { limit: 10 });
    expect(cut.results).toHaveLength(10);
    expect(cut.truncated).toBe(true);
    const whole = await search('marker line', { limit: 30 });
    expect(whole.results).toHaveLength(30);
    expect(whole.truncated).toBeUndefined();
  });

  it('keyword: reports the right lines and context where lower-casing lengthens the text (İ → i̇)', async () => {
    const turkish = tempDir('clew-syntax-turkish-');
    try {
      // Each İ lower-cases to two characters: the offsets past line 1 move by 40, more than line 2 is long.
      writeTree(turkish.path, { 'notes/istanbul.txt': `${'İ'.repeat(40)}\nhandler one\nplain line\nhandler two after İİ\nlast\n` });
      await call(backend, 'repo:index', { path: turkish.path });
      const hits = (await search('handler', { repo: turkish.path })).results.sort((a, b) => a.line - b.line);
      expect(hits.map((h) => [h.line, h.snippet, h.before, h.after])).toEqual([
        [2, 'handler one', 'İ'.repeat(40), 'plain line'],
        [4, 'handler two after İİ', 'plain line', 'last'],
      ]);
    } finally {
      turkish.cleanup();
    }
  });

  it('the CLI takes --case-sensitive, --word and filters in the query, and refuses the options outside keyword and regex', () => {
    ensureBuiltCli();
    const cli = cliFor(data.path);
    const lines = (...args: string[]) => cli.json<SearchResponse>('search', '--repo', repo.path, '--path', 'server/handler.go', ...args).results.map((r) => r.line).sort();
    expect(lines('--mode', 'keyword', '--case-sensitive', 'Handler')).toEqual([3, 4]);
    expect(lines('--mode', 'regex', '--word', 'handler')).toEqual([5, 6]);
    const text = cli.run('search', '--mode', 'keyword', 'lang:python handler');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('web/handler.py:1:5');
    expect(text.stdout).toContain('filters: lang:python');
    expect(text.stdout).not.toContain('.go');
    const refused = cli.run('search', '--case-sensitive', 'Handler');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--case-sensitive and --word need --mode keyword or regex');
  });
});
