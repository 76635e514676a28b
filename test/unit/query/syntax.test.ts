// The query syntax: known filter keys are cut out of the words searched for, anything else stays literal.
import { describe, expect, it } from 'vitest';
import { parseQuerySyntax } from '../../../electron/base/query/index.js';

describe('parseQuerySyntax', () => {
  it('cuts repo:, lang:, file:, path: and -path: out of the words', () => {
    expect(parseQuerySyntax('repo:gin lang:go -path:test handler func')).toEqual({
      text: 'handler func',
      filters: [{ key: 'repo', value: 'gin' }, { key: 'lang', value: 'go' }, { key: '-path', value: 'test' }],
    });
    expect(parseQuerySyntax('parse file:src/**/*.ts config path:web')).toEqual({
      text: 'parse config',
      filters: [{ key: 'file', value: 'src/**/*.ts' }, { key: 'path', value: 'web' }],
    });
  });

  it('takes a quoted value whole, and -file: as an exclusion', () => {
    expect(parseQuerySyntax('file:"my dir/a b.ts" -file:vendor x')).toEqual({
      text: 'x', filters: [{ key: 'file', value: 'my dir/a b.ts' }, { key: '-file', value: 'vendor' }],
    });
  });

  it('leaves unknown keys, keys inside words and empty values literal', () => {
    expect(parseQuerySyntax('http://example.com std::vector')).toEqual({ text: 'http://example.com std::vector', filters: [] });
    expect(parseQuerySyntax('myrepo:x')).toEqual({ text: 'myrepo:x', filters: [] });
    expect(parseQuerySyntax('a=repo:x')).toEqual({ text: 'a=repo:x', filters: [] });
    expect(parseQuerySyntax('lang: go')).toEqual({ text: 'lang: go', filters: [] });
  });

  it('keeps a query with no filter exactly as typed (a regex keeps its spaces)', () => {
    expect(parseQuerySyntax('  a  b ')).toEqual({ text: '  a  b ', filters: [] });
    expect(parseQuerySyntax('lang:go a  b')).toEqual({ text: 'a  b', filters: [{ key: 'lang', value: 'go' }] });
  });

  it('answers only filters with empty text', () => {
    expect(parseQuerySyntax('lang:python')).toEqual({ text: '', filters: [{ key: 'lang', value: 'python' }] });
  });
});
