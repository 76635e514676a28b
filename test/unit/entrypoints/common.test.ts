import { describe, expect, it } from 'vitest';
import { crossPaths, httpVerb, joinPaths, lookup } from '../../../electron/engine/entrypoints/common.js';
import { CallList, EntryList } from '../../../electron/engine/entrypoints/results.js';
import { looksLikeSql, sqlTable } from '../../../electron/engine/entrypoints/sql.js';
import { SymbolIndex } from '../../../electron/engine/entrypoints/symbolIndex.js';
import type { ParsedSymbol } from '../../../electron/base/fileAnalysis.js';

function sym(name: string, kind: ParsedSymbol['kind'], startLine: number, endLine: number, parent: number | null = null): ParsedSymbol {
  return { fqn: name, name, kind, parent, startLine, endLine, signature: name, doc: null, modifiers: [] };
}

describe('paths', () => {
  it('joins pieces with single slashes and a leading slash', () => {
    expect(joinPaths('/api/', '/users/', ':id')).toBe('/api/users/:id');
    expect(joinPaths('api', '')).toBe('/api');
    expect(joinPaths('', null, undefined)).toBe('/');
    expect(joinPaths('/users', 'detail/')).toBe('/users/detail/');
    expect(crossPaths(['/a', '/b'], ['x', 'y'])).toEqual(['/a/x', '/a/y', '/b/x', '/b/y']);
    expect(crossPaths([], [])).toEqual(['/']);
  });

  it('normalises verbs', () => {
    expect(httpVerb('RequestMethod.GET')).toBe('GET');
    expect(httpVerb('"post"')).toBe('POST');
    expect(httpVerb('connect')).toBeNull();
  });

  it('looks up own properties only', () => {
    expect(lookup({ a: 1 }, 'constructor')).toBeUndefined();
    expect(lookup({ a: 1 }, 'a')).toBe(1);
    expect(lookup({ a: 1 }, null)).toBeUndefined();
  });
});

describe('SQL text', () => {
  it('recognises statements and names the first table', () => {
    expect(looksLikeSql('SELECT * FROM users')).toBe(true);
    expect(looksLikeSql('select')).toBe(false);
    expect(looksLikeSql('Selected items')).toBe(false);
    expect(sqlTable('SELECT u.id FROM "public"."users" u JOIN orders o ON o.user_id = u.id')).toBe('public.users');
    expect(sqlTable('INSERT INTO orders (id) VALUES (?)')).toBe('orders');
    expect(sqlTable('UPDATE accounts SET x = 1')).toBe('accounts');
    expect(sqlTable('DELETE FROM `sessions` WHERE 1')).toBe('sessions');
    expect(sqlTable('CREATE TABLE IF NOT EXISTS audit (id int)')).toBe('audit');
    expect(sqlTable('SELECT * FROM (SELECT 1) t JOIN items ON true')).toBe('items');
    expect(sqlTable('SELECT 1')).toBeNull();
    // A prefix cut by an interpolation: the name may go on past it.
    expect(sqlTable('SELECT * FROM cache_v', false)).toBeNull();
    expect(sqlTable('SELECT * FROM users WHERE id = ', false)).toBe('users');
  });
});

describe('SymbolIndex', () => {
  const symbols = [
    sym('UserController', 'class', 1, 30),
    sym('get', 'method', 3, 8, 0),
    sym('helper', 'function', 10, 12, 0),
    sym('Inner', 'class', 14, 20, 0),
    sym('get', 'method', 15, 18, 3),
    sym('field', 'field', 22, 22, 0),
  ];
  const index = new SymbolIndex(symbols);

  it('finds the innermost symbol around a line', () => {
    expect(index.enclosing(4)).toBe(1);
    expect(index.enclosing(9)).toBe(0);
    expect(index.enclosing(16)).toBe(4);
    expect(index.enclosing(22)).toBe(5);
    expect(index.enclosing(31)).toBeNull();
    expect(index.enclosing(0)).toBeNull();
    expect(new SymbolIndex([]).enclosing(1)).toBeNull();
  });

  it('finds callables by name before other kinds, first declaration first', () => {
    expect(index.byName('get')).toBe(1);
    expect(index.byName('views.helper')).toBe(2);
    expect(index.byName('handlers::helper')).toBe(2);
    expect(index.byName('Inner')).toBe(3);
    expect(index.byName('missing')).toBeNull();
    // A named handler defined elsewhere stays unattached, for cross-file resolution by name.
    expect(index.handler('missing', 11)).toBeNull();
    expect(index.handler(null, 16)).toBe(4);
  });
});

describe('result lists', () => {
  it('sorts entries by line and drops exact repeats', () => {
    const list = new EntryList();
    list.add({ kind: 'http', framework: 'x', method: 'POST', path: '/a', line: 2 }, 20);
    list.add({ kind: 'http', framework: 'x', method: 'GET', path: '/a', line: 2 }, 10);
    list.add({ kind: 'main', framework: 'main', line: 1 });
    list.add({ kind: 'main', framework: 'main', line: 1 });
    expect(list.result().map((e) => `${e.line}:${e.method ?? e.kind}`)).toEqual(['1:main', '2:GET', '2:POST']);
  });

  it('keeps one call per symbol, kind, client and target, at its first line', () => {
    const list = new CallList(new SymbolIndex([]));
    list.add(1, 'sql', 'pg', 'users', 9);
    list.add(1, 'sql', 'pg', 'users', 4);
    list.add(2, 'sql', 'pg', 'users', 5);
    list.add(1, 'http', 'fetch', '', 6);
    expect(list.result()).toEqual([
      { symbol: 1, kind: 'sql', client: 'pg', target: 'users', line: 4 },
      { symbol: 2, kind: 'sql', client: 'pg', target: 'users', line: 5 },
      { symbol: 1, kind: 'http', client: 'fetch', target: null, line: 6 },
    ]);
  });
});
