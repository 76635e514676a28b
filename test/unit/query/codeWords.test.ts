import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codeWords, codeWordText, pathWordText } from '../../../electron/base/query/codeWords.js';

describe('codeWords', () => {
  it('splits identifiers into stemmed parts and keeps the compound whole', () => {
    expect(codeWords('parseConfig')).toEqual(['pars', 'config', 'parseconfig']);
    expect(codeWords('parse_config')).toEqual(codeWords('parseConfig'));
    expect(codeWords('PARSE_CONFIG')).toEqual(codeWords('parseConfig'));
    expect(codeWords('HTTPServer')).toEqual(['http', 'serv', 'httpserver']);
  });

  it('brings word forms in prose and in names to one word', () => {
    const forms = ['register', 'registered', 'registration', 'registerRoute'].map((w) => codeWords(w)[0]);
    expect(new Set(forms).size).toBe(1);
    expect(codeWords('routes')).toEqual(codeWords('registerRoute').slice(1, 2));
  });

  it('keeps repeats (term frequency) and drops single letters, bare numbers and runs too long to be words', () => {
    expect(codeWords('route route')).toEqual(['rout', 'rout']);
    expect(codeWords('x = 42; v2')).toEqual(['v2']);
    expect(codeWords('a'.repeat(41))).toEqual([]);
  });

  it('gives a column text equal to the words joined, with every token split once and then read from its cache', () => {
    // A real source file twice over: the second pass is answered from the token cache and must not differ.
    const text = readFileSync(new URL('../../../electron/base/query/codeWords.ts', import.meta.url), 'utf8');
    const expected = codeWords(text).join(' ');
    expect(codeWordText(text)).toBe(expected);
    expect(codeWordText(text)).toBe(expected);
    expect(codeWordText(`x 42 ${'a'.repeat(41)} parseConfig`)).toBe('pars config parseconfig');
  });

  it('cuts ASCII text and text with other letters into the same tokens as the Unicode pattern', () => {
    // ASCII text is scanned by a character table, the rest by the regex: both must give what codeWords gives.
    const samples = ['déjà_vu parseConfig', 'naïveCache.get(key)', 'x $scope _private __init__ a1b2 v2', 'ΔelταFunc(ß) 𝑥Value', 'tab\tsep\r\nline', '', '   ',
      `${'b'.repeat(40)} ${'c'.repeat(41)}x`, 'end_with_token', 'fmt.Println("héllo", err)', 'mixed-dash.dot/slash\\back'];
    for (const text of samples) expect(codeWordText(text), text).toBe(codeWords(text).join(' '));
  });

  it('reads a path as folders and file name, without the extension', () => {
    expect(pathWordText('src/routing/routeTable.go')).toBe('src rout rout tabl routetable');
  });
});
