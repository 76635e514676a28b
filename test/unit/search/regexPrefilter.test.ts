import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { regexPrefilter } from '../../../electron/base/regexPrefilter.js';

function literalsOf(source: string, flags = ''): string[][] | 'all' {
  const result = regexPrefilter(source, flags);
  return result.kind === 'all' ? 'all' : result.literals;
}

describe('regexPrefilter: literals', () => {
  const cases: Array<[string, string, string[][] | 'all']> = [
    ['plain literal', 'parseConfig', [['parseConfig']]],
    ['concatenation around a class escape', 'get\\w+Mapping', [['get', 'Mapping']]],
    ['alternation inside a group', 'foo(bar|baz)qux', [['foo', 'bar', 'qux'], ['foo', 'baz', 'qux']]],
    ['top-level alternation', 'foo|barbaz', [['foo'], ['barbaz']]],
    ['a branch without a literal', '(foo|ba)x', 'all'],
    ['top-level branch without a literal', 'needle|\\d+', 'all'],
    ['dot breaks the run', 'a.b', 'all'],
    ['escaped dot is a literal', 'app\\.config', [['app.config']]],
    ['anchors and word boundaries join runs', '^\\bparseConfig\\($', [['parseConfig(']]],
    ['class before a literal', '[abc]def', [['def']]],
    ['optional char breaks the run', 'colou?r', [['colo']]],
    ['star drops its element', 'ab*cdef', [['cdef']]],
    ['{0,} drops its element', 'xyz(?:abc){0,}uvw', [['xyz', 'uvw']]],
    ['plus keeps one copy at both ends', 'fo+bar', [['obar']]],
    ['plus on a longer literal', 'xabc+de', [['xabc', 'cde']]],
    ['{1,} on a group', '(?:abc){1,}def', [['abcdef']]],
    ['exact repetition', 'x{3}y', [['xxxy']]],
    ['at least two copies', '(?:abc){2,}', [['abcabc']]],
    ['non-capturing group joins', '(?:foo)bar', [['foobar']]],
    ['named group', '(?<word>hello) world', [['hello world']]],
    ['lookahead content is dropped', 'foo(?=barbaz)qux', [['fooqux']]],
    ['lookbehind content is dropped', '(?<!abc)def', [['def']]],
    ['backreference is unknown text', '(abc)\\d\\1xyz', [['abc', 'xyz']]],
    ['case-variant class is one letter', '[Ff]oo[Bb]ar', [['foobar']]],
    ['single-character class', 'a[.]bc', [['a.bc']]],
    ['negated class breaks', 'ab[^c]de', 'all'],
    ['unicode escape', '\\u0041BC', [['ABC']]],
    ['hex and control escapes', '\\x41\\x42C\\tD', [['ABC\tD']]],
    ['mixed case is kept as written', 'HttpClient', [['HttpClient']]],
    ['literals contained in longer ones are dropped', 'abcd\\d+abc', [['abcd']]],
    ['identical branches merge', 'foo|foo', [['foo']]],
    ['a weaker branch absorbs a stronger one', 'foobar|foo', [['foo']]],
    ['empty pattern', '', 'all'],
    ['quotes pass through', 'say "hi"', [['say "hi"']]],
  ];
  for (const [name, source, expected] of cases) {
    it(`${name}: /${source}/`, () => {
      expect(literalsOf(source)).toEqual(expected);
    });
  }

  it('keeps at most eight literals per branch, the longest, in source order', () => {
    const source = ['aaa', 'bbbbbbbb', 'ccc', 'dddddddd', 'eee', 'ffffffff', 'ggg', 'hhhhhhhh', 'iii', 'jjjjjjjj', 'kkkk'].join('\\d');
    expect(literalsOf(source)).toEqual([['aaa', 'bbbbbbbb', 'ccc', 'dddddddd', 'ffffffff', 'hhhhhhhh', 'jjjjjjjj', 'kkkk']]);
  });

  it('falls back to one side rather than exploding alternatives', () => {
    const result = literalsOf('(alpha|beta)(gamma|delta)(one|two)(three|four)(five|six)');
    expect(result).not.toBe('all');
    expect((result as string[][]).length).toBeLessThanOrEqual(16);
  });

  it('is case-sensitive only where the index is: non-ASCII breaks runs under i', () => {
    expect(literalsOf('ÄBCD', 'i')).toEqual([['BCD']]);
    expect(literalsOf('ÄBCD')).toEqual([['ÄBCD']]);
    // `/s/iu` also matches U+017F and `/k/iu` the Kelvin sign, which the index may not fold the same way.
    expect(literalsOf('classKit', 'iu')).toEqual([['cla']]);
    expect(literalsOf('classKit', 'i')).toEqual([['classKit']]);
  });

  it('reads astral characters whole in unicode mode only', () => {
    expect(literalsOf('😀ab', 'u')).toEqual([['😀ab']]);
    expect(literalsOf('😀abc')).toEqual([['abc']]);
    expect(literalsOf('\\u{1F600}ab', 'u')).toEqual([['😀ab']]);
  });

  it('reads v-mode classes conservatively', () => {
    expect(literalsOf('abc[\\q{xyz}]def', 'v')).toEqual([['abc', 'def']]);
    expect(literalsOf('[a&&b]xyz', 'v')).toEqual([['xyz']]);
  });

  it('clips very long literals', () => {
    const [[only]] = literalsOf('a'.repeat(100)) as string[][];
    expect(only).toBe('a'.repeat(64));
  });
});

describe('regexPrefilter: FTS expression', () => {
  it('pulls shared literals out of the OR', () => {
    expect(regexPrefilter('foo(bar|baz)qux', '')).toEqual({
      kind: 'match',
      fts: '"foo" AND "qux" AND ("bar" OR "baz")',
      literals: [['foo', 'bar', 'qux'], ['foo', 'baz', 'qux']],
    });
  });

  it('writes a plain OR and a plain AND without parentheses', () => {
    expect(regexPrefilter('foo|barbaz', 'i')).toMatchObject({ fts: '"foo" OR "barbaz"' });
    expect(regexPrefilter('get\\w+Mapping', 'g')).toMatchObject({ fts: '"get" AND "Mapping"' });
  });

  it('parenthesises multi-literal alternatives', () => {
    expect(regexPrefilter('abc\\d+def|ghi\\s+jkl', '')).toMatchObject({ fts: '("abc" AND "def") OR ("ghi" AND "jkl")' });
  });

  it('doubles embedded double quotes', () => {
    expect(regexPrefilter('a"bc"d', '')).toMatchObject({ fts: '"a""bc""d"' });
  });

  it('produces expressions SQLite accepts, finding the text the regex matches', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='trigram')");
    const insert = db.prepare('INSERT INTO t(text) VALUES (?)');
    const texts = ['const x = foobazqux;', 'say "hi" to ab"c', '@GetUserMapping("/users")', 'ÄBCD and more', 'if (a.b) colouring'];
    for (const text of texts) insert.run(text);
    const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM t WHERE t MATCH ?');
    for (const [source, flags] of [['foo(bar|baz)qux', ''], ['say "hi"', ''], ['get\\w+mapping', 'i'], ['ÄBCD', ''], ['colou?r', ''], ['ab"c|xyz"q', '']]) {
      const prefilter = regexPrefilter(source ?? '', flags ?? '');
      if (prefilter.kind === 'all') throw new Error(`expected literals for /${source}/`);
      const regex = new RegExp(source ?? '', flags);
      const expected = texts.filter((text) => regex.test(text)).length;
      expect(count.get(prefilter.fts)?.n).toBeGreaterThanOrEqual(expected);
      expect(expected).toBeGreaterThan(0);
    }
    db.close();
  });
});

describe('regexPrefilter: invalid input', () => {
  for (const [source, flags] of [['(?i)abc', ''], ['(abc', ''], ['a{2,1}', ''], ['[b-a]', ''], ['abc', 'q'], ['abc', 'gg'], ['\\k<nope>(?<x>a)', '']]) {
    it(`throws SyntaxError for /${source}/${flags}`, () => {
      expect(() => regexPrefilter(source ?? '', flags ?? '')).toThrow(SyntaxError);
    });
  }

  it('says what is wrong', () => {
    expect(() => regexPrefilter('(abc', '')).toThrow(/Invalid regular expression.*Unterminated group/);
  });
});

describe('regexPrefilter: every match contains the literals of some branch', () => {
  // A small deterministic PRNG (mulberry32) so failures reproduce.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const pieces = ['foo', 'bar', 'baz', 'qux', 'get', 'Mapping', 'Get', 'mapping', 'col', 'colo', 'colour', 'color', 'u', 'r', 'x', 'y', 'xx', '1', '42', ' ', '_', '.', '(', ')', '"', 'a', 'b', 'c', 'abc', 'ABC', 'def', 'DEF', 'hello', 'world', 'Value', 'set', 'ſ', 'K', 'é', 'É', 'Ä', 'ä'];
  const regexes: Array<[string, string]> = [
    ['foo(bar|baz)qux', ''], ['get\\w+Mapping', ''], ['get\\w+mapping', 'i'], ['colou?r', ''], ['colou?r', 'i'], ['\\bfoo\\(', ''],
    ['[abc]def', 'i'], ['(get|set)Value', ''], ['fo+bar', ''], ['x{2,}y', ''], ['(?:abc){2}', 'i'], ['(abc)\\s*\\1', ''],
    ['foo(?=bar)baz|hello', ''], ['(?<!x)world', 'i'], ['[Ff]oo[Bb]ar', ''], ['abc|def|qux', 'i'], ['a"b|"x"', ''],
    ['ſbc|KAB', 'iu'], ['sbc|kab', 'iu'], ['Äbc|éfoo', 'i'], ['äbc', ''], ['hel+o\\s+wor?ld', ''], ['(?:foo|bar)+baz', ''],
    ['^get.*Value$', ''], ['(?:ab|cd)(?:ef|gh)ijk', ''], ['colo(?:u|)r', ''], ['\\u0061bc', 'i'], ['b{0}abc', ''],
  ];

  it('holds for random strings built from the regexes\' own pieces', () => {
    const next = random(20240611);
    let matched = 0;
    for (const [source, flags] of regexes) {
      const prefilter = regexPrefilter(source, flags);
      const regex = new RegExp(source, flags);
      for (let n = 0; n < 3000; n++) {
        const length = 1 + Math.floor(next() * 8);
        const text = Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)] ?? '').join('');
        if (!regex.test(text) || prefilter.kind === 'all') continue;
        matched++;
        const lower = text.toLowerCase();
        const satisfied = prefilter.literals.some((branch) => branch.every((literal) => lower.includes(literal.toLowerCase())));
        if (!satisfied) throw new Error(`/${source}/${flags} matched ${JSON.stringify(text)} but literals ${JSON.stringify(prefilter.literals)} are missing`);
      }
    }
    // The generator must actually exercise matches, or the property says nothing.
    expect(matched).toBeGreaterThan(500);
  });
});
