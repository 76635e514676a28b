// The trigram index keeps no positions (migration 013): a substring is looked up as the AND of its trigrams and
// checked against the text. Keyword, regex and `auto` answer as before: only real substrings, short needles, case,
// non-ASCII text, and chunks ranked by FTS5's own bm25 formula.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ReadDb } from '../../electron/db/connection.js';
import { bm25Scores, chunkIndexTotals, occurrenceCounter } from '../../electron/db/read/chunkRank.js';
import { keywordSearch } from '../../electron/db/read/keywordSearch.js';
import { regexSearch } from '../../electron/db/read/regexSearch.js';
import { wordCandidates } from '../../electron/db/read/autoCandidates.js';
import { trigramsOf } from '../../electron/db/read/trigrams.js';
import { useIndexedReader } from '../helpers/indexReads.js';

describe('trigram index without positions', () => {
  const index = useIndexedReader('clew-lean', {
    'real.py': 'def parseConfig(path):\n    return path\n',
    // Every trigram of "parseconfig" but never the substring: only the text check can tell.
    'scattered.py': 'parsec = 1\neconfig = 2\nparse_it = parsec + econfig\n',
    'short.go': 'package db\n\nvar db = 1\n',
    'unicode.py': '# 日本語のコメント\ngrößeFeld = 1\nrocket = "🚀launch"\n',
    'case.ts': 'const LoadUser = 1;\nconst loaduser = 2;\n',
    'rank_many.py': 'def needle_x(): pass\n# needle_x needle_x needle_x\n',
    'rank_once.py': `# needle_x\n${'filler = 1\n'.repeat(40)}`,
    // Both hold both words; betaword is everywhere, so the chunk with more of the rare alphaword goes first.
    'b_one.py': 'x = "alphaword alphaword betaword"\n',
    'a_two.py': 'x = "alphaword betaword betaword"\n',
    ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`common/f${i}.py`, 'y = "betaword"\n'])),
  });

  const keyword = (query: string, extra: { caseSensitive?: boolean } = {}): string[] =>
    keywordSearch(index.db, { query, mode: 'keyword', ...extra }, 50).map((h) => `${h.path}:${h.line}`);

  it('finds only chunks that hold the substring, not ones that hold its trigrams apart', () => {
    expect(keyword('parseconfig')).toEqual(['real.py:1']);
    expect(regexSearch(index.db, { query: 'parse.?config', mode: 'regex', caseSensitive: false }, 50).hits.map((h) => h.path)).toEqual(['real.py']);
    // `auto`'s trigram candidates (used when the word index finds nothing) are checked the same way.
    expect(wordCandidates(index.db, ['parseconfig'], {}, 20).map((c) => `${c.path}:${c.line}`)).toEqual(['real.py:1']);
  });

  it('answers needles of one and two characters by scanning, and keeps case when asked', () => {
    expect(keyword('db')).toEqual(expect.arrayContaining(['short.go:1', 'short.go:3']));
    expect(keyword('LoadUser')).toEqual(['case.ts:1', 'case.ts:2']);
    expect(keyword('LoadUser', { caseSensitive: true })).toEqual(['case.ts:1']);
  });

  it('splits non-ASCII needles by code point, as the tokenizer does', () => {
    expect(trigramsOf('🚀lau')).toEqual(['🚀la', 'lau']);
    expect(keyword('🚀launch')).toEqual(['unicode.py:3']);
    expect(keyword('日本語の')).toEqual(['unicode.py:1']);
    expect(keyword('GRÖSSEFELD')).toEqual([]);
    expect(keyword('größefeld')).toEqual(['unicode.py:2']);
  });

  it('ranks a chunk that holds a term more often, in less text, first', () => {
    expect(keyword('needle_x')[0]).toBe('rank_many.py:1');
  });

  it('weighs each word of a query by how rare it is in the whole index, not only among the chunks holding all words', () => {
    expect(keyword('alphaword betaword').slice(0, 2)).toEqual(['b_one.py:1', 'a_two.py:1']);
  });

  it('computes the same bm25 as FTS5 does on a positional index', () => {
    const texts = ['alpha beta alpha', 'beta gamma', 'alpha', 'delta epsilon zeta eta', 'alphabet soup with alpha inside it'];
    const full = new Database(':memory:');
    full.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='trigram'); CREATE VIRTUAL TABLE chunks_fts USING fts5(text, tokenize='trigram', detail=none, columnsize=0)");
    for (const text of texts) {
      full.prepare('INSERT INTO t(text) VALUES (?)').run(text);
      full.prepare('INSERT INTO chunks_fts(text) VALUES (?)').run(text);
    }
    const expected = full.prepare<[], { rowid: number; r: number }>("SELECT rowid, bm25(t) AS r FROM t WHERE t MATCH '\"alpha\"' ORDER BY rowid").all();
    const matching = expected.map((e) => texts[e.rowid - 1] ?? '');
    const count = occurrenceCounter('alpha');
    const ours = bm25Scores(matching.map((t) => [count(t)]), matching.map((t) => t.length), chunkIndexTotals(full as ReadDb));
    expect(ours.map((s) => s.toFixed(9))).toEqual(expected.map((e) => e.r.toFixed(9)));
    full.close();
  });
});
