// A TypeScript overload's parameter range, read off its text: type parameters and nested types skipped, optional,
// defaulted and rest parameters, `this` left out, a list running over several lines.
import { describe, expect, it } from 'vitest';
import { accepts, parameterRange } from '../../../electron/core/nav/overloads.js';

describe('overload parameter ranges', () => {
  it.each([
    ['pipe(): Observable<T>;', { min: 0, max: 0 }],
    ['pipe<A>(op1: OperatorFunction<T, A>): Observable<A>;', { min: 1, max: 1 }],
    ['mergeMap<T, O extends ObservableInput<any>>(\n  project: (value: T, index: number) => O,\n  concurrent?: number\n): OperatorFunction<T, ObservedValueOf<O>>;', { min: 1, max: 2 }],
    ['first<T, D>(predicate: null, defaultValue: D = 1): X;', { min: 1, max: 2 }],
    ['concat<T extends readonly unknown[]>(...inputs: [...ObservableInputTuple<T>]): Observable<T[number]>;', { min: 0, max: Infinity }],
    ['on(this: Emitter, event: "a" | "b", fn: (x: { a: [number, string] }) => void): void;', { min: 2, max: 2 }],
  ])('%s', (text, range) => {
    expect(parameterRange(text)).toEqual(range);
  });

  it('an unclosed list is unknown, and an unknown range accepts any call', () => {
    expect(parameterRange('pipe<A>(op1: OperatorFunction<T, A>,')).toBeNull();
    expect(accepts(null, 3)).toBe(true);
    expect(accepts({ min: 1, max: 2 }, 3)).toBe(false);
    expect(accepts({ min: 1, max: Infinity }, 3)).toBe(true);
  });
});
