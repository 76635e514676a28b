// The search slice: what a query sends, what its answer leaves in the store, errors, the newest
// answer winning over a slower older one, and the keyboard selection.
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result.js';
import type { SearchHit, SearchResponse } from '../../../shared/types.js';
import { foldsFor, resultRows } from '../../../renderer/store/resultGroups.js';
import { deferred, type FakeHost, installHost, store } from './fakeHost.js';

const hit = (path: string, line: number): SearchHit => ({
  repo: '/src/a', path, line, column: 1, snippet: 'parseConfig()', highlights: [[0, 5]], symbol: null, symbolKind: null, language: 'typescript', score: 1,
});

describe('search slice', () => {
  let host: FakeHost;
  beforeEach(() => { host = installHost(); });

  it('sends the query with its mode and only the filters that are set', async () => {
    host.answers['search:query'] = () => ok({ results: [hit('a.ts', 3), hit('b.ts', 9)], tookMs: 4, notice: 'keyword only' });
    store().setQuery('parse');
    store().setMode('hybrid');
    store().setFilter('repo', '/src/a');
    store().setFilter('path', '  src/**  ');
    expect(store().filters).toEqual({ repo: '/src/a', lang: '', path: '  src/**  ', kind: '' });
    await store().runSearch();
    expect(host.calls).toEqual([{ channel: 'search:query', req: { query: 'parse', mode: 'hybrid', limit: 500, repo: '/src/a', path: 'src/**' } }]);
    expect(store().results.map((r) => r.path)).toEqual(['a.ts', 'b.ts']);
    expect(store()).toMatchObject({ searching: false, searchError: null, selected: 0 });
    expect(store().answered).toEqual({ query: 'parse', mode: 'hybrid', tookMs: 4, unindexed: false, notice: 'keyword only', more: false, files: 2, filters: [],
      matches: { source: 'parse', flags: 'i', label: 'parse' }, indexing: [],
    });
  });

  it('searches in auto mode until another is chosen: a question in plain words needs more than keyword matching', async () => {
    host.answers['search:query'] = () => ok({ results: [], tookMs: 1 });
    expect(store().mode).toBe('auto');
    store().setQuery('where is the session cookie signed');
    await store().runSearch();
    expect(host.calls.map((c) => c.req)).toEqual([{ query: 'where is the session cookie signed', mode: 'auto', limit: 500 }]);
  });

  it('clears the results for an empty query without asking the host', async () => {
    host.answers['search:query'] = () => ok({ results: [hit('a.ts', 1)], tookMs: 1 });
    store().setQuery('x');
    await store().runSearch();
    expect(store().results).toHaveLength(1);
    store().setQuery('   ');
    await store().runSearch();
    expect(store()).toMatchObject({ results: [], answered: null, searchError: null, searching: false });
    expect(host.calls).toHaveLength(1);
  });

  it('shows the error of a refused query and drops the old results', async () => {
    host.answers['search:query'] = () => ok({ results: [hit('a.ts', 1)], tookMs: 1 });
    store().setQuery('ok');
    await store().runSearch();
    host.answers['search:query'] = () => err('INVALID_REGEX', 'unterminated group');
    store().setMode('regex');
    store().setQuery('(abc');
    await store().runSearch();
    expect(store()).toMatchObject({ results: [], searchError: 'unterminated group', searching: false, answered: null });
  });

  it('keeps the newest query\'s answer when an older one arrives later', async () => {
    const slow = deferred<SearchResponse>();
    host.answers['search:query'] = async (req) => ok(req.query === 'old' ? await slow.promise : { results: [hit('new.ts', 1)], tookMs: 1 });
    store().setQuery('old');
    const first = store().runSearch();
    expect(store().searching).toBe(true);
    store().setQuery('new');
    await store().runSearch();
    slow.resolve({ results: [hit('old.ts', 1)], tookMs: 1 });
    await first;
    expect(store().results.map((r) => r.path)).toEqual(['new.ts']);
    expect(store().answered?.query).toBe('new');
  });

  it('moves the selection within the results', async () => {
    host.answers['search:query'] = () => ok({ results: [hit('a.ts', 1), hit('b.ts', 2), hit('c.ts', 3)], tookMs: 1 });
    store().setQuery('x');
    await store().runSearch();
    store().moveSelection(1);
    store().moveSelection(1);
    store().moveSelection(1);
    expect(store().selected).toBe(2);
    store().moveSelection(-5);
    expect(store().selected).toBe(0);
    store().select(1);
    expect(store().selected).toBe(1);
  });

  it('groups hits by file in the order of each file\'s best hit, by line in keyword mode, and says a cut list is cut', async () => {
    host.answers['search:query'] = () => ok({
      results: [hit('b.ts', 9), hit('a.ts', 5), hit('b.ts', 2), hit('a.ts', 1)], tookMs: 1, truncated: true,
      syntax: { text: 'x', filters: [{ key: 'lang', value: 'go' }] },
    });
    store().setQuery('x lang:go');
    store().setMode('keyword');
    await store().runSearch();
    expect(store().results.map((r) => `${r.path}:${r.line}`)).toEqual(['b.ts:2', 'b.ts:9', 'a.ts:1', 'a.ts:5']);
    expect(store().answered).toMatchObject({ more: true, files: 2, filters: [{ key: 'lang', value: 'go' }] });
    store().setMode('auto');
    await store().runSearch();
    // Ranked modes keep each file's best hit first.
    expect(store().results.map((r) => `${r.path}:${r.line}`)).toEqual(['b.ts:9', 'b.ts:2', 'a.ts:5', 'a.ts:1']);
  });

  it('skips the hits of a folded file with the arrows, and moves a selection out of a file being folded', async () => {
    host.answers['search:query'] = () => ok({ results: [hit('a.ts', 1), hit('a.ts', 2), hit('b.ts', 1), hit('c.ts', 1)], tookMs: 1 });
    store().setQuery('x');
    await store().runSearch();
    store().toggleCollapsed('/src/a\u0000b.ts');
    store().select(1);
    store().moveSelection(1);
    expect(store().results[store().selected]?.path).toBe('c.ts');
    store().moveSelection(-1);
    expect(store().selected).toBe(1);
    store().toggleCollapsed('/src/a\u0000a.ts');
    expect(store().results[store().selected]?.path).toBe('c.ts');
    store().toggleCollapsed('/src/a\u0000b.ts');
    expect(store().collapsed).toEqual(['/src/a\u0000a.ts']);
  });

  it('shows a ranked answer\'s best three hits of a file, the arrows skipping the rest until the file is expanded; keyword shows every hit', async () => {
    const many = [hit('a.ts', 1), hit('a.ts', 9), hit('a.ts', 4), hit('a.ts', 7), hit('a.ts', 2), hit('b.ts', 3)];
    host.answers['search:query'] = () => ok({ results: many, tookMs: 1 });
    store().setQuery('x');
    await store().runSearch();
    const shownRows = () => resultRows(store().results, foldsFor(store().answered?.mode, store().collapsed, store().expanded))
      .map((r) => (r.kind === 'hit' ? `${store().results[r.index]?.path}:${store().results[r.index]?.line}` : r.kind === 'more' ? `more ${r.hidden}` : `file ${r.path} ${r.count}`));
    expect(shownRows()).toEqual(['file a.ts 5', 'a.ts:1', 'a.ts:9', 'a.ts:4', 'more 2', 'file b.ts 1', 'b.ts:3']);
    store().select(2);
    store().moveSelection(1);
    expect(store().results[store().selected]?.path).toBe('b.ts');
    store().moveSelection(-1);
    expect(store().results[store().selected]?.line).toBe(4);
    store().expandFile('/src/a\u0000a.ts');
    expect(shownRows()).toEqual(['file a.ts 5', 'a.ts:1', 'a.ts:9', 'a.ts:4', 'a.ts:7', 'a.ts:2', 'file b.ts 1', 'b.ts:3']);
    store().moveSelection(1);
    expect(store().results[store().selected]?.line).toBe(7);
    // A new query shows each file's best few again; a live re-run keeps the file open that holds the selection.
    await store().runSearch({ keepSelection: true });
    expect(store().results[store().selected]?.line).toBe(7);
    expect(store().expanded).toEqual(['/src/a\u0000a.ts']);
    await store().runSearch();
    expect(store().expanded).toEqual([]);
    store().setMode('keyword');
    await store().runSearch();
    expect(shownRows()).toEqual(['file a.ts 5', 'a.ts:1', 'a.ts:2', 'a.ts:4', 'a.ts:7', 'a.ts:9', 'file b.ts 1', 'b.ts:3']);
  });

  it('keeps a re-run\'s selection in sight when it falls below its file\'s best three', async () => {
    let results = [hit('a.ts', 1), hit('a.ts', 2), hit('b.ts', 1)];
    host.answers['search:query'] = () => ok({ results, tookMs: 1 });
    store().setQuery('x');
    await store().runSearch();
    store().select(1);
    results = [hit('a.ts', 5), hit('a.ts', 6), hit('a.ts', 7), hit('a.ts', 2), hit('b.ts', 1)];
    await store().runSearch({ keepSelection: true });
    expect(store().results[store().selected]?.line).toBe(2);
    expect(store().expanded).toEqual(['/src/a\u0000a.ts']);
  });

  it('sends the case and whole-word options in keyword and regex modes only, regex with its case stated', async () => {
    host.answers['search:query'] = () => ok({ results: [], tookMs: 1 });
    store().setQuery('x');
    store().setMode('regex');
    await store().runSearch();
    store().toggleCaseSensitive();
    store().toggleWholeWord();
    store().setMode('keyword');
    await store().runSearch();
    store().setMode('symbol');
    await store().runSearch();
    expect(host.calls.map((c) => c.req)).toEqual([
      { query: 'x', mode: 'regex', limit: 500, caseSensitive: false },
      { query: 'x', mode: 'keyword', limit: 500, caseSensitive: true, wholeWord: true },
      { query: 'x', mode: 'symbol', limit: 500 },
    ]);
  });

  it('opening a hit marks the search\'s matches in that file only', async () => {
    host.answers['search:query'] = () => ok({ results: [hit('a.ts', 3)], tookMs: 1, syntax: { text: 'parse', filters: [{ key: 'lang', value: 'ts' }] } });
    host.answers['file:read'] = () => ok({ repo: '/src/a', path: 'a.ts', language: 'typescript', text: 'parse()', size: 7, truncated: false, binary: false, changedSinceIndex: false });
    host.answers['file:outline'] = () => ok([]);
    store().setQuery('lang:ts parse');
    store().setMode('keyword');
    store().toggleWholeWord();
    await store().runSearch();
    store().openHit(0);
    expect(store().highlight).toEqual({ repo: '/src/a', path: 'a.ts', spec: { source: '\\b(?:parse)\\b', flags: 'i', label: 'parse' } });
    expect(store().target).toEqual({ repo: '/src/a', path: 'a.ts', line: 3 });
  });

  it('marks only the words the answer names for a question, not its stop words', async () => {
    host.answers['search:query'] = () => ok({ results: [hit('a.ts', 3)], tookMs: 1, syntax: { text: 'how are migrations applied', filters: [], marks: ['migrations', 'applied'] } });
    store().setQuery('how are migrations applied');
    await store().runSearch();
    expect(store().answered?.matches).toEqual({ source: 'migrations|applied', flags: 'i', label: 'migrations applied' });
  });
});
