// A term's spellings share most of their trigrams: the MATCH expression looks the shared ones up once, outside the
// OR, and must find exactly the chunks the plain OR of each spelling's trigrams finds (FTS5 on a real SQLite table).
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { literalsExpression, trigramsOf } from '../../../electron/db/read/trigrams.js';

const texts = [
  'client := NewClient(cfg)', 'c := new_client()', 'newclient', 'a new fancy client', 'http.Request', 'httprequest body',
  'var r http_request', 'HTTPRequest', 'request over http', 'foobar', 'foo barbaz', 'foo and barbaz and foobar', 'nothing here',
];
const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='trigram', detail=none, columnsize=0)");
for (const text of texts) db.prepare('INSERT INTO t(text) VALUES (?)').run(text);
const rows = (expression: string): number[] => db.prepare<[string], number>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(expression);
// The plain form: each branch the AND of its needles' trigrams, the branches OR'ed.
const plain = (branches: string[][]): string => branches.map((needles) => `(${needles.flatMap(trigramsOf).map((g) => `"${g}"`).join(' AND ')})`).join(' OR ');

describe('literalsExpression', () => {
  afterAll(() => db.close());
  const cases: string[][][] = [
    [['newclient'], ['new_client']],
    [['http.request'], ['httprequest'], ['http_request']],
    [['foo', 'barbaz'], ['foobar']],
    [['request'], ['requests']],
    [['client'], ['nothing']],
    [['newclient']],
  ];
  it.each(cases)('finds what the plain OR of %j finds', (...branches) => {
    const expression = literalsExpression(branches);
    expect(expression).not.toBeNull();
    expect(rows(expression ?? '')).toEqual(rows(plain(branches)));
  });

  it('looks each shared trigram up once', () => {
    const expression = literalsExpression([['http.request'], ['httprequest'], ['http_request']]) ?? '';
    expect(expression.match(/"req"/g)).toHaveLength(1);
    expect(expression).toMatch(/^\("htt" AND .* AND \(.* OR .* OR .*\)\)$/);
  });

  it('drops the OR when one branch holds only shared trigrams, and refuses a branch without a long enough needle', () => {
    expect(literalsExpression([['request'], ['requests']])).toBe('("req" AND "equ" AND "que" AND "ues" AND "est")');
    expect(literalsExpression([['request'], ['ab']])).toBeNull();
  });
});
