// The token cache is found by a span of the text a token occurs in: equal spans find the entry, different ones never do.
import { describe, expect, it } from 'vitest';
import { foldHash, SpanCache, spanHash } from '../../../electron/base/query/spanCache.js';

describe('SpanCache', () => {
  it('finds a key by an equal span of any text, and nothing for another span', () => {
    const cache = new SpanCache(100);
    cache.set('parse', spanHash('parse', 0, 5), 'pars');
    const text = 'x = parseConfig(parse)';
    expect(cache.get(text, 16, 21, spanHash(text, 16, 21))).toBe('pars');
    // Same start, longer span: not the key.
    expect(cache.get(text, 4, 15, spanHash(text, 4, 15))).toBeUndefined();
    expect(cache.get(text, 4, 9, spanHash(text, 4, 9))).toBe('pars');
    expect(cache.get('parsf', 0, 5, spanHash('parsf', 0, 5))).toBeUndefined();
    expect(spanHash('ab', 0, 2)).toBe(foldHash(foldHash(0, 97), 98));
  });

  it('keeps keys apart when their hashes collide, and empties itself when full', () => {
    const cache = new SpanCache(4);
    // Forced collisions: every key given the same hash.
    for (const [key, value] of [['a', '1'], ['b', '2'], ['c', '3']]) cache.set(key!, 7, value!);
    expect(['a', 'b', 'c', 'd'].map((k) => cache.get(k, 0, 1, 7))).toEqual(['1', '2', '3', undefined]);
    cache.set('d', 7, '4');
    expect(cache.size).toBe(4);
    cache.set('e', 7, '5');
    expect(cache.size).toBe(1);
    expect(cache.get('a', 0, 1, 7)).toBeUndefined();
    expect(cache.get('e', 0, 1, 7)).toBe('5');
  });
});
