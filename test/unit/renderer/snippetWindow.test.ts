import { describe, expect, it } from 'vitest';
import { snippetWindow } from '../../../renderer/components/snippetWindow.js';

const shown = (s: { text: string; ranges: Array<[number, number]> }): string[] => s.ranges.map(([a, b]) => s.text.slice(a, b));

describe('snippetWindow', () => {
  const line = 'mux.HandleFunc(s.basePath(VarzPath), s.HandleVarz)';
  const ranges: Array<[number, number]> = [[4, 10], [26, 30], [39, 49]];

  it('keeps a line whose main match ends inside the visible width', () => {
    expect(snippetWindow(line, ranges, 60)).toEqual({ text: line, ranges });
  });

  it('cuts as little of the start as shows the longest match whole, the ranges moved along', () => {
    const s = snippetWindow(line, ranges, 30);
    expect(s.text).toBe(`…${line.slice(20)}`);
    // The match ends right at the 30th character; the ")" after it may stay out of view.
    expect(s.text.indexOf('HandleVarz') + 'HandleVarz'.length).toBe(30);
    expect(shown(s)).toEqual(['Varz', 'HandleVarz']);
    // Narrower, the cut falls inside `VarzPath`: that match is dropped, not marked by halves.
    expect(shown(snippetWindow(line, ranges, 15))).toEqual(['HandleVarz']);
  });

  it('takes the first of equally long matches; a match longer than the width shows from its start', () => {
    const same = `${'x'.repeat(40)}handler handler`;
    expect(snippetWindow(same, [[40, 47], [48, 55]], 30).text).toBe(`…${'x'.repeat(22)}handler handler`);
    expect(snippetWindow('short', [], 3)).toEqual({ text: 'short', ranges: [] });
    expect(snippetWindow('ab handler', [[3, 10]], 4).text).toBe('…handler');
  });

  it('never cuts a character made of two UTF-16 units in half', () => {
    // The cut would fall on the 😀's second half.
    const text = `${'a'.repeat(20)}😀${'b'.repeat(5)}match`;
    const s = snippetWindow(text, [[text.indexOf('match'), text.length]], 12);
    expect(s.text).toBe('…😀bbbbbmatch');
    expect(shown(s)).toEqual(['match']);
  });
});
