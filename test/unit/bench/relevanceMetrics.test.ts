// The relevance benchmark's metrics, checked against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { ndcgAt, percentile, rankedFiles, recallAt, relevanceOf, symbolMatches, symbolRecallAt } from '../../bench/relevance/metrics.js';
import { queryWords, tokenize } from '../../bench/relevance/baselines/words.js';
import { Bm25Index } from '../../bench/relevance/baselines/bm25.js';
import { definitionLines } from '../../bench/relevance/queries.js';

describe('rankedFiles', () => {
  it('keeps each file once, at its first position', () => {
    expect(rankedFiles(['a', 'b', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c']);
  });
});

describe('ndcgAt', () => {
  const rel = relevanceOf(['a', 'b']);
  it('is 1 for the ideal order and 0 when nothing relevant is ranked', () => {
    expect(ndcgAt(['a', 'b', 'x'], rel)).toBeCloseTo(1, 10);
    expect(ndcgAt(['x', 'y'], rel)).toBe(0);
  });
  it('discounts by log2(rank + 1)', () => {
    // DCG = 1/log2(3) + 1/log2(4); IDCG = 1 + 1/log2(3)
    expect(ndcgAt(['x', 'a', 'b'], rel)).toBeCloseTo((1 / Math.log2(3) + 0.5) / (1 + 1 / Math.log2(3)), 10);
  });
  it('ignores files past k and counts a file once however many hits it has', () => {
    expect(ndcgAt(['x', 'y', 'a'], rel, 2)).toBe(0);
    expect(ndcgAt(['a', 'a', 'a', 'b'], rel)).toBeCloseTo(1, 10);
  });
  it('uses graded gains 2^rel − 1', () => {
    const graded = relevanceOf(['a', 'b'], [2, 1]);
    // DCG = 1 + 3/log2(3); IDCG = 3 + 1/log2(3)
    expect(ndcgAt(['b', 'a'], graded)).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)), 10);
  });
});

describe('recallAt', () => {
  it('is the share of expected files in the top k', () => {
    expect(recallAt(['a', 'x', 'b'], ['a', 'b', 'c', 'd'])).toBe(0.5);
    expect(recallAt(['x', 'a'], ['a'], 1)).toBe(0);
    expect(recallAt(['a', 'a', 'b'], ['a', 'b'], 2)).toBe(1);
  });
});

describe('symbol matching', () => {
  it('matches the last part and the owner parts in order, across languages', () => {
    expect(symbolMatches('gin.Context.ShouldBindJSON', 'Context.ShouldBindJSON')).toBe(true);
    expect(symbolMatches('Rack::Utils#secure_compare', 'Utils.secure_compare')).toBe(true);
    expect(symbolMatches('lib/view:View.lookup', 'View.lookup')).toBe(true);
    expect(symbolMatches('crate::de::Deserializer::disable_recursion_limit#2', 'Deserializer.disable_recursion_limit')).toBe(true);
    expect(symbolMatches('Monolog\\Logger::pushProcessor', 'Logger.pushProcessor')).toBe(true);
    expect(symbolMatches('gin.RouterGroup.Use', 'Engine.Use')).toBe(false);
    expect(symbolMatches('gin.Context.ShouldBindJSONx', 'ShouldBindJSON')).toBe(false);
    expect(symbolMatches('Context', 'Context.ShouldBindJSON')).toBe(false);
  });
  it('counts only hits inside the expected files', () => {
    const hits = [{ path: 'app.js', symbol: 'app:compileTrust' }, { path: 'utils.js', symbol: 'utils:compileTrust' }];
    expect(symbolRecallAt(hits, ['compileTrust'], ['utils.js'])).toBe(1);
    expect(symbolRecallAt(hits, ['compileTrust'], ['utils.js'], 1)).toBe(0);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(10);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('baseline words', () => {
  it('splits identifiers into parts and keeps the whole', () => {
    expect(tokenize('ShouldBindJSON parse_config')).toEqual(['should', 'bind', 'json', 'shouldbindjson', 'parse', 'config', 'parseconfig']);
  });
  it('keeps every word of a ripgrep query, as the baseline is defined; the kinder variant drops stop words and short words', () => {
    expect(queryWords('where is the session cookie signed? a b')).toEqual(['where', 'is', 'the', 'session', 'cookie', 'signed', 'a', 'b']);
    expect(queryWords('where is the session cookie signed? a b', true)).toEqual(['session', 'cookie', 'signed']);
  });
  it('ranks by BM25: rarer terms and shorter documents weigh more', () => {
    const docs: Record<string, string> = { long: 'cookie '.repeat(1) + 'filler '.repeat(50), short: 'cookie sign', other: 'nothing here' };
    const index = new Bm25Index(Object.keys(docs), (p) => docs[p]!);
    expect(index.search('signed cookie').files).toEqual(['short', 'long']);
  });
});

describe('definitionLines', () => {
  it('finds definitions in several languages and not plain uses', () => {
    expect(definitionLines('x := cleanPath(p)\nfunc cleanPath(p string) string {', 'cleanPath')).toEqual([2]);
    expect(definitionLines('func (c *Context) ShouldBindJSON(obj any) error {', 'Context.ShouldBindJSON')).toEqual([1]);
    expect(definitionLines("res.clearCookie = function clearCookie(name) {", 'clearCookie')).toEqual([1]);
    expect(definitionLines('  def self.parse_file(config)\n  parse_file(x)', 'parse_file')).toEqual([1]);
    expect(definitionLines('    pub fn disable_recursion_limit(&mut self) {', 'disable_recursion_limit')).toEqual([1]);
    expect(definitionLines('export const $ZodRegistry = 1;\nnew $ZodRegistry()', '$ZodRegistry')).toEqual([1]);
  });
  it('skips imports, comments and doc tags that look like declarations', () => {
    expect(definitionLines("import { type ZodError } from './errors.js';\nexport const $ZodError = 1;", 'ZodError')).toEqual([]);
    expect(definitionLines("var Layer = require('./layer');\n     * @var Layer\n// function Layer(", 'Layer')).toEqual([]);
    expect(definitionLines('    #[inline]\n    pub fn end(&mut self) {', 'end')).toEqual([2]);
  });
});
