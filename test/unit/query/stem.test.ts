import { describe, expect, it } from 'vitest';
import { stem } from '../../../electron/base/query/stem.js';

const sameStem = (words: string[]): void => {
  const stems = new Set(words.map(stem));
  expect([...stems], `${words.join(', ')} → ${words.map(stem).join(', ')}`).toHaveLength(1);
};

describe('stem', () => {
  it('brings the word forms of one word to one stem', () => {
    sameStem(['register', 'registered', 'registering', 'registers', 'registration', 'registry']);
    sameStem(['route', 'routes', 'routing', 'routed', 'router', 'routers']);
    sameStem(['group', 'groups', 'grouped', 'grouping']);
    sameStem(['configure', 'configured', 'configuring', 'configuration', 'configurations']);
    sameStem(['validate', 'validated', 'validating', 'validation', 'validator']);
    sameStem(['serialize', 'serialized', 'serializer', 'serialization']);
    sameStem(['parse', 'parsed', 'parser', 'parsing', 'parses']);
    sameStem(['sign', 'signed', 'signing', 'signature']);
    sameStem(['handle', 'handled', 'handler', 'handling', 'handles']);
    sameStem(['create', 'created', 'creating', 'creation', 'creator']);
    sameStem(['map', 'maps', 'mapped', 'mapping']);
    sameStem(['pass', 'passed', 'passing', 'passes']);
    sameStem(['cookie', 'cookies']);
    sameStem(['query', 'queries']);
    sameStem(['filter', 'filters', 'filtered', 'filtering', 'filtration']);
    sameStem(['cache', 'cached', 'caching', 'caches']);
    sameStem(['match', 'matches', 'matched', 'matching']);
    sameStem(['middleware', 'middlewares']);
    sameStem(['session', 'sessions']);
    sameStem(['static', 'statics']);
    sameStem(['run', 'running', 'runs']);
  });

  it('keeps different words apart', () => {
    expect(stem('route')).not.toBe(stem('read'));
    expect(stem('session')).not.toBe(stem('set'));
    expect(stem('cookie')).not.toBe(stem('cool'));
    expect(stem('parse')).not.toBe(stem('part'));
    expect(stem('user')).not.toBe(stem('use'));
  });

  it('leaves short words, digits and non-Latin words alone', () => {
    expect(stem('id')).toBe('id');
    expect(stem('use')).toBe('use');
    expect(stem('utf8')).toBe('utf8');
    expect(stem('404')).toBe('404');
    expect(stem('журнал')).toBe('журнал');
    expect(stem('Registered')).toBe(stem('registered'));
  });

  it('a stem is always a prefix of its lower-cased word (ranking skips texts that contain no query stem)', () => {
    const words = ['registration', 'registry', 'cookies', 'queries', 'mapped', 'running', 'created', 'handled', 'validator', 'signature',
      'filtration', 'configured', 'passes', 'abled', 'used', 'Matches', 'serialization', 'centre', 'agreed', 'hoped', 'boxes', 'églises', 'UTF8', 'a', 'ties'];
    for (const w of words) expect(w.toLowerCase().startsWith(stem(w)), `${w} → ${stem(w)}`).toBe(true);
  });
});
