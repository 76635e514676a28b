import { describe, expect, it } from 'vitest';
import { classifyQuery, extractTerms } from '../../../electron/base/query/classify.js';

const kindOf = (q: string): string => classifyQuery(q).kind;
const words = (q: string): string[] => extractTerms(q).map((t) => t.word);

describe('classifyQuery', () => {
  it('identifiers: one name in any case style', () => {
    for (const q of ['APIRouter', 'ShouldBindJSON', 'parse_config', 'JsonObject', 'render', '__init__', '$http', 'basic-auth', 'MAX_RETRIES']) {
      expect(kindOf(q), q).toBe('identifier');
    }
    const q = classifyQuery('  APIRouter  ');
    expect(q.name).toBe('APIRouter');
    expect(q.terms.map((t) => t.word)).toEqual(['api', 'router']);
  });

  it('dotted names: qualifiers and the name', () => {
    expect(classifyQuery('flask.Flask.route')).toMatchObject({ kind: 'dotted', name: 'route', qualifiers: ['flask', 'Flask'] });
    expect(classifyQuery('std::vector::push_back')).toMatchObject({ kind: 'dotted', name: 'push_back', qualifiers: ['std', 'vector'] });
    expect(classifyQuery('Context#ShouldBindJSON')).toMatchObject({ kind: 'dotted', name: 'ShouldBindJSON', qualifiers: ['Context'] });
    expect(classifyQuery('res.clearCookie')).toMatchObject({ kind: 'dotted', name: 'clearCookie', qualifiers: ['res'] });
  });

  it('Ruby predicate and bang methods are names, with their ? or !', () => {
    expect(classifyQuery('visible?')).toMatchObject({ kind: 'identifier', name: 'visible?' });
    expect(classifyQuery('save!')).toMatchObject({ kind: 'identifier', name: 'save!' });
    expect(classifyQuery('Issue#visible?')).toMatchObject({ kind: 'dotted', name: 'visible?', qualifiers: ['Issue'] });
    expect(classifyQuery('Request.trusted_proxy?')).toMatchObject({ kind: 'dotted', name: 'trusted_proxy?', qualifiers: ['Request'] });
    expect(words('visible?')).toEqual(['visible']);
    // A question in words is still a question.
    expect(kindOf('is it visible?')).toBe('natural');
    expect(kindOf('visible??')).not.toBe('identifier');
  });

  it('paths and file names', () => {
    expect(classifyQuery('middleware/basic_auth.go')).toMatchObject({ kind: 'path', name: 'basic_auth', path: { dir: 'middleware', fileName: 'basic_auth.go', base: 'basic_auth', ext: 'go' } });
    expect(classifyQuery('README.md')).toMatchObject({ kind: 'path', name: 'README', path: { dir: '', ext: 'md' } });
    expect(classifyQuery('JsonObject.java')).toMatchObject({ kind: 'path', name: 'JsonObject' });
    expect(classifyQuery('src\\main\\App.tsx')).toMatchObject({ kind: 'path', path: { dir: 'src/main', fileName: 'App.tsx' } });
    expect(classifyQuery('./lib/router/')).toMatchObject({ kind: 'path' });
    expect(kindOf('package-lock.json')).toBe('path');
    // Not a known extension: a dotted name.
    expect(kindOf('app.router')).toBe('dotted');
  });

  it('quoted phrases, including unbalanced quotes as plain text', () => {
    expect(classifyQuery('"session cookie"')).toMatchObject({ kind: 'phrase', phrase: 'session cookie' });
    expect(classifyQuery("'use strict'")).toMatchObject({ kind: 'phrase', phrase: 'use strict' });
    expect(classifyQuery('"APIRouter')).toMatchObject({ kind: 'identifier', name: 'APIRouter' });
    expect(kindOf('"where is the cookie signed')).toBe('natural');
    expect(kindOf('""')).toBe('empty');
  });

  it('regex-looking queries', () => {
    for (const q of ['func\\s+\\w+', 'get.*User', '^import ', 'TODO|FIXME', 'colou?r\\b', '[A-Z]{3}', 'foo(?:bar)', 'end\\s*$']) {
      expect(kindOf(q), q).toBe('regex');
    }
    expect(classifyQuery('get.*User').pattern).toBe('get.*User');
  });

  it('natural language: stop words dropped, identifiers inside kept', () => {
    expect(kindOf('where is the session cookie signed')).toBe('natural');
    expect(words('where is the session cookie signed')).toEqual(['session', 'cookie', 'signed']);
    expect(words('how routes are grouped and registered')).toEqual(['routes', 'grouped', 'registered']);
    expect(words('Which function handles basic auth middleware?')).toEqual(['handles', 'basic', 'auth', 'middleware']);
    const q = classifyQuery('where is parseConfig called');
    expect(q).toMatchObject({ kind: 'natural', identifiers: ['parseConfig'], name: 'parseConfig' });
    expect(q.terms.map((t) => t.word)).toEqual(['parse', 'config']);
    // An identifier keeps parts that are stop words on their own.
    expect(words('what does getUser return')).toEqual(['get', 'user', 'return']);
  });

  it("possessives and contractions add no one-letter words: request's → request, doesn't → (stop word)", () => {
    expect(classifyQuery("tag each request's records").terms.map((t) => t.word)).toEqual(['tag', 'request', 'records']);
    expect(classifyQuery('the client\u2019s cached copy').terms.map((t) => t.word)).toEqual(['client', 'cached', 'copy']);
    expect(classifyQuery("it doesn't parse and we're done").terms.map((t) => t.word)).toEqual(['parse']);
    // An apostrophe that is not a clitic stays a separator: quotes inside a regex are untouched.
    expect(classifyQuery("defineGetter\\(req, 'ip', fn").pattern).toBe("defineGetter\\(req, 'ip', fn");
  });

  it('word forms share stems across query and code words', () => {
    const stems = (q: string): string[] => extractTerms(q).map((t) => t.stem);
    expect(stems('registration of routes')).toEqual(stems('registered router'));
    expect(stems('serve static files')).toEqual(['serv', 'static']);
  });

  it('notices when a query asks for tests, docs or examples', () => {
    expect(classifyQuery('tests for the router').asksFor).toEqual({ tests: true, docs: false, examples: false, migrations: false, translations: false });
    expect(classifyQuery('migration that adds the is_private column').asksFor).toMatchObject({ migrations: true, translations: false });
    expect(classifyQuery('French translation of the login page').asksFor).toMatchObject({ migrations: false, translations: true });
    expect(classifyQuery('router docs').asksFor.docs).toBe(true);
    expect(classifyQuery('README.md').asksFor.docs).toBe(true);
    expect(classifyQuery('example of middleware').asksFor.examples).toBe(true);
    expect(classifyQuery('JsonObjectTest').asksFor.tests).toBe(false);
    expect(classifyQuery('router_test.go').asksFor.tests).toBe(true);
  });

  it('bad input: empty, control characters, very long, other scripts', () => {
    expect(kindOf('')).toBe('empty');
    expect(kindOf('   \t\n ')).toBe('empty');
    expect(classifyQuery('APIRouter\u0000')).toMatchObject({ kind: 'identifier', name: 'APIRouter' });
    expect(classifyQuery('a\u0007b c').kind).toBe('natural');
    const long = classifyQuery('word '.repeat(2000));
    expect(long.kind).toBe('natural');
    expect(long.terms).toEqual([{ word: 'word', stem: 'word', related: [] }]);
    expect(classifyQuery('где подписывается cookie сессии').terms.map((t) => t.word)).toEqual(['где', 'подписывается', 'cookie', 'сессии']);
    expect(classifyQuery('配置 解析').kind).toBe('natural');
  });
});
