import { describe, expect, it } from 'vitest';
import { classifyQuery, identifierSpellings } from '../../../electron/base/query/index.js';

describe('identifierSpellings', () => {
  it('spells two words every way code does', () => {
    expect(identifierSpellings(['parse', 'config'])).toEqual(['parseConfig', 'ParseConfig', 'parse_config', 'PARSE_CONFIG', 'parse-config', 'parseconfig']);
  });

  it('longer runs first, then each pair; nothing for one word; non-identifier words skipped', () => {
    const s = identifierSpellings(['basic', 'auth', 'middleware']);
    expect(s.slice(0, 2)).toEqual(['basicAuthMiddleware', 'BasicAuthMiddleware']);
    expect(s).toContain('BasicAuth');
    expect(s).toContain('auth_middleware');
    expect(identifierSpellings(['router'])).toEqual([]);
    expect(identifierSpellings(['где', 'cookie', 'session'])).toContain('cookieSession');
  });

  it('works from a question\'s content words', () => {
    const q = classifyQuery('where is the session cookie signed');
    expect(identifierSpellings(q.terms.map((t) => t.word))).toContain('SessionCookie');
  });
});
