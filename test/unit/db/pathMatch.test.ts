// Quick open's file matching: every word's letters in order, anywhere in the path, ranked as an editor ranks them.
import { describe, expect, it } from 'vitest';
import { holdsInOrder, matchPaths, rangesFrom } from '../../../electron/db/read/pathMatch.js';
import { shortName } from '../../../electron/db/read/quickOpen.js';

const DJANGO = [
  'django/contrib/auth/handlers/modwsgi.py',
  'django/core/handlers/base.py',
  'django/core/handlers/wsgi.py',
  'django/db/models/base.py',
  'django/db/models/query.py',
  'django/db/models/query_utils.py',
  'django/db/models/sql/query.py',
  'django/urls/base.py',
  'docs/ref/request-response.txt',
];
const best = (query: string, paths = DJANGO, limit = 3): string[] => matchPaths(paths, (p) => p, query, limit).map((m) => m.item);

describe('matchPaths', () => {
  it('finds a path from letters of its folders and name, in order', () => {
    expect(best('dbmodelsquery')[0]).toBe('django/db/models/query.py');
    expect(best('models/query')[0]).toBe('django/db/models/query.py');
  });

  it('takes words in any order, each matched on its own', () => {
    expect(best('wsgi handler')[0]).toBe('django/core/handlers/wsgi.py');
    expect(best('handler wsgi')[0]).toBe('django/core/handlers/wsgi.py');
  });

  it('ranks the shorter of two equal matches first and ignores letter case', () => {
    expect(best('BASE.PY', DJANGO, 4)).toEqual(['django/urls/base.py', 'django/db/models/base.py', 'django/core/handlers/base.py']);
  });

  it('finds nothing when a letter is missing or out of order', () => {
    expect(best('wsgiz')).toEqual([]);
    expect(best('yp.esab')).toEqual([]);
    expect(best('   ')).toEqual([]);
  });

  it('keeps the file named by the query among thousands of looser matches', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `src/module${i}/a_p_p_${i}.ts`);
    expect(best('app', [...many, 'lib/deep/folder/app.ts'], 1)).toEqual(['lib/deep/folder/app.ts']);
  });

  it('marks the letters of the file name: its own match, else the path\'s letters in it', () => {
    const [inName] = matchPaths(['app/owner/web/OwnerController.java'], (p) => p, 'owner', 1);
    expect(inName?.nameRanges).toEqual([[0, 5]]);
    const [acrossFolders] = matchPaths(DJANGO, (p) => p, 'handlers/wsgi', 1);
    expect(acrossFolders?.item).toBe('django/core/handlers/wsgi.py');
    expect(acrossFolders?.nameRanges).toEqual([[0, 4]]);
    expect(rangesFrom([1, 2, 3, 6, 9, 10], 1)).toEqual([[0, 3], [5, 6], [8, 10]]);
  });

  it('holdsInOrder walks each letter once', () => {
    expect(holdsInOrder('django/core/handlers/wsgi.py', 'dcore')).toBe(true);
    expect(holdsInOrder('abc', 'abcd')).toBe(false);
    expect(holdsInOrder('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', `${'a'.repeat(64)}b`)).toBe(false);
  });
});

describe('shortName', () => {
  it('names a symbol by the end of its FQN, without the mark of a second definition', () => {
    expect(shortName('django.db.models.query.QuerySet.query#2')).toBe('query');
    expect(shortName('com.acme.Foo.get(java.lang.String)')).toBe('get(java.lang.String)');
    expect(shortName('Foo#bar')).toBe('bar');
  });
});
