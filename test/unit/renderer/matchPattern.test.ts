// What a file opened from a search marks: the query's words or regex, under the search's options.
import { describe, expect, it } from 'vitest';
import { literalSpec, matchSpecFor } from '../../../renderer/codemirror/matchPattern.js';

const spec = (text: string, mode: Parameters<typeof matchSpecFor>[0]['mode'], caseSensitive = false, wholeWord = false) => matchSpecFor({ text, mode, caseSensitive, wholeWord });
const marks = (s: ReturnType<typeof matchSpecFor>, text: string): string[] => (s ? [...text.matchAll(new RegExp(s.source, `${s.flags}g`))].map((m) => m[0]) : []);

describe('matchSpecFor', () => {
  it('keyword: every word (longest first), escaped, ignoring case unless asked', () => {
    expect(marks(spec('get user.id', 'keyword'), 'GetUser(user.id); userXid')).toEqual(['Get', 'user.id']);
    expect(marks(spec('User', 'keyword', true), 'user User')).toEqual(['User']);
    expect(marks(spec('user', 'keyword', false, true), 'user users getUser')).toEqual(['user']);
    expect(marks(spec('"a phrase" x', 'keyword'), 'A PHRASE x')).toEqual(['A PHRASE']);
  });

  it('regex: the pattern with the case toggle, /…/i written wins, invalid JS marks nothing', () => {
    expect(marks(spec('Handl[a-z]+', 'regex', true), 'Handler handler')).toEqual(['Handler']);
    expect(marks(spec('Handl[a-z]+', 'regex'), 'Handler handler')).toEqual(['Handler', 'handler']);
    expect(marks(spec('/handler/i', 'regex', true), 'Handler')).toEqual(['Handler']);
    expect(spec('(?P<x>a)', 'regex')).toBeNull();
  });

  it('ranked modes ignore case and whole-word options; semantic marks nothing', () => {
    expect(marks(spec('User', 'auto', true, true), 'user getUser')).toEqual(['user', 'User']);
    expect(spec('how do users log in', 'semantic')).toBeNull();
    expect(spec('a', 'keyword')).toBeNull();
  });

  it('the find box is literal', () => {
    expect(marks(literalSpec('a.b(', false), 'A.B( axb(')).toEqual(['A.B(']);
    expect(literalSpec('', false)).toBeNull();
  });
});
