import { describe, expect, it } from 'vitest';
import { editDistance, matchName, normalizeIdentifier } from '../../../electron/base/query/nameMatch.js';

const kind = (q: string, c: string): string | null => matchName(q, c)?.kind ?? null;

describe('matchName', () => {
  it('exact beats a different spelling, which beats prefix, parts and one typo', () => {
    expect(matchName('APIRouter', 'APIRouter')).toEqual({ kind: 'exact', strength: 1 });
    expect(kind('parse_config', 'parseConfig')).toBe('spelling');
    expect(kind('parseconfig', 'PARSE_CONFIG')).toBe('spelling');
    expect(kind('basic-auth', 'BasicAuth')).toBe('spelling');
    expect(kind('JsonObject', 'JsonObjectTest')).toBe('prefix');
    expect(kind('parse config', 'parseConfigFile')).toBe('prefix');
    expect(kind('config_parse', 'parseConfigFile')).toBe('parts');
    expect(kind('ShouldBindJSON', 'ShouldBindJOSN')).toBe('typo');
    expect(kind('JsonObejct', 'JsonObject')).toBe('typo');
    expect(kind('APIRouter', 'APIRouterX')).toBe('prefix');
    expect(kind('APIRoutr', 'APIRouter')).toBe('typo');
    const order = ['exact', 'spelling', 'prefix', 'parts', 'typo'] as const;
    const strengths = [matchName('a_b', 'a_b'), matchName('a_b', 'aB'), matchName('ab', 'abc'), matchName('config_parse', 'parseXConfig'), matchName('abcd', 'abce')];
    expect(strengths.map((m) => m?.kind)).toEqual([...order]);
    for (let i = 1; i < strengths.length; i++) expect(strengths[i]!.strength).toBeLessThan(strengths[i - 1]!.strength);
  });

  it('no match for unrelated names, short names one edit apart, or empty input', () => {
    expect(kind('APIRouter', 'Router')).toBeNull();
    expect(kind('get', 'set')).toBeNull();
    expect(kind('JsonObject', 'JsonArray')).toBeNull();
    expect(kind('', 'x')).toBeNull();
    expect(kind('   ', 'x')).toBeNull();
    expect(kind('__', '__')).toBe('exact');
    expect(kind('--', 'x')).toBeNull();
  });

  it('normalizeIdentifier and editDistance', () => {
    expect(normalizeIdentifier('PARSE-config_File')).toBe('parseconfigfile');
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
    expect(editDistance('', 'ab')).toBe(2);
  });
});
