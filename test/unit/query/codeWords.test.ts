import { describe, expect, it } from 'vitest';
import { codeWords, pathWordText } from '../../../electron/base/query/codeWords.js';

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

  it('reads a path as folders and file name, without the extension', () => {
    expect(pathWordText('src/routing/routeTable.go')).toBe('src rout rout tabl routetable');
  });
});
