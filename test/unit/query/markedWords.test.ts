// What a file opened from a search marks: a question asked in a ranked mode marks its words but the
// ones no code answers; names, and every query in the letter-matching modes, mark as typed.
import { describe, expect, it } from 'vitest';
import { markedWords } from '../../../electron/core/querySyntaxSearch.js';

describe('marked words', () => {
  it('drops the stop words and edge punctuation of a question in auto and hybrid', () => {
    expect(markedWords('how are migrations applied', 'auto')).toEqual(['migrations', 'applied']);
    expect(markedWords('where is the session cookie signed?', 'hybrid')).toEqual(['session', 'cookie', 'signed']);
    // Nothing left: nothing is marked (not every `is` and `this`).
    expect(markedWords('what is this', 'auto')).toEqual([]);
  });

  it('leaves names and the other modes to mark what was typed', () => {
    expect(markedWords('QuerySet', 'auto')).toBeUndefined();
    expect(markedWords('visible?', 'auto')).toBeUndefined();
    expect(markedWords('how are migrations applied', 'keyword')).toBeUndefined();
    expect(markedWords('how are migrations applied', undefined)).toBeUndefined();
  });
});
