import { describe, expect, it } from 'vitest';
import { autoSearch } from '../../../electron/core/autoSearch.js';
import type { SearchHit } from '../../../shared/types.js';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  repo: '/r', path: 'a.ts', line: 1, column: 1, snippet: '', highlights: [], symbol: null, symbolKind: null, language: null, score: 0, ...over,
});

describe('auto with chunks of file text among the semantic hits', () => {
  it('ranks a definition above a text chunk a little closer in meaning, and keeps the chunk with its lines', () => {
    const semantic = [
      hit({ path: 'status_codes.py', line: 16, endLine: 60, score: 0.84, snippet: 'codes = {' }),
      hit({ path: 'structures.py', line: 40, symbol: 'structures.CaseInsensitiveDict', symbolKind: 'class', score: 0.8 }),
    ];
    const response = autoSearch({ query: 'header lookup that ignores case' }, 10, { hits: semantic }, () => ({ words: [], definitions: [], semanticDefinitions: [], indexed: null }));
    expect(response.results.map((r) => r.path)).toEqual(['structures.py', 'status_codes.py']);
    expect(response.results[1]).toMatchObject({ line: 16, snippet: 'codes = {' });
  });
});
