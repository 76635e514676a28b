// Java overload choice reads a call's argument count off its text: nested calls, strings and lambdas
// with commas inside, an empty list, a list still open at the end of the text read so far.
import { describe, expect, it } from 'vitest';
import { countArguments } from '../../../electron/core/nav/resolver.js';

describe('countArguments', () => {
  it('counts top-level arguments only', () => {
    expect(countArguments('(a, b(c, d), "e, f", \'g\', x -> { h(i, j); })')).toBe(5);
    expect(countArguments('(new int[] { 1, 2 }, m.get(0))')).toBe(2);
    expect(countArguments(' (\n  one\n)')).toBe(1);
  });

  it('an empty list is none, an unclosed one is not known yet, no parenthesis is no call', () => {
    expect(countArguments('( )')).toBe(0);
    expect(countArguments('(a, b,')).toBeUndefined();
    expect(countArguments('("a \\" ) b")')).toBe(1);
    expect(countArguments('::save')).toBeNull();
  });
});
