import { describe, expect, it } from 'vitest';
import { classifyQuery } from '../../../electron/base/query/index.js';
import { relatedWords } from '../../../electron/base/query/vocabulary.js';
import { coverageSignal, definitionSignal, docCommentSignal, fileNameSignal, signalContext, type MergedHit } from '../../../electron/search/signals.js';
import { indexWordsOf } from '../../../electron/core/autoSearch.js';

function hit(fields: Partial<MergedHit> & { path: string }): MergedHit {
  return { repo: 'r', startLine: 1, endLine: 1, name: null, kind: null, container: null, doc: null, declaredPublic: null, texts: [], keywordScore: null, distance: null, ...fields };
}

describe('the words code uses for a question word', () => {
  it('abbreviations both ways, code verbs one way, languages to their ISO codes', () => {
    expect(relatedWords('extension')).toContain('ext');
    expect(relatedWords('ext')).toContain('extension');
    expect(relatedWords('Configuration')).toEqual(expect.arrayContaining(['cfg', 'conf', 'config']));
    expect(relatedWords('convert')).toEqual(expect.arrayContaining(['coerce', 'cast']));
    expect(relatedWords('Converting')).toEqual(relatedWords('convert'));
    expect(relatedWords('extensions')).toContain('ext');
    expect(relatedWords('german')).toEqual(['de']);
    expect(relatedWords('french')).toEqual(['fr']);
    expect(relatedWords('router')).toEqual([]);
  });

  it('leaves out abbreviations of unrelated words and language codes that are English words', () => {
    // desc is description or descending; res is response, result or resource; it is Italian or the pronoun.
    expect(relatedWords('description')).toEqual([]);
    expect(relatedWords('result')).toEqual([]);
    expect(relatedWords('italian')).toEqual([]);
    expect(relatedWords('indonesian')).toEqual([]);
  });

  it('a question term carries the stems of its related words, never its own', () => {
    const terms = classifyQuery('error messages in German').terms;
    expect(terms.map((t) => t.word)).toEqual(['error', 'messages', 'german']);
    expect(terms.find((t) => t.word === 'german')!.related).toEqual(['de']);
    // error's own stem is err already; messages finds message's entry.
    expect(terms.find((t) => t.word === 'error')!.related).toEqual([]);
    expect(terms.find((t) => t.word === 'messages')!.related).toEqual(['msg']);
    expect(classifyQuery('config').terms[0]!.related).not.toContain(classifyQuery('config').terms[0]!.stem);
  });

  it('related words are looked up in the word index after the question\'s own words', () => {
    const words = indexWordsOf(classifyQuery('guess the content type from a file extension'));
    expect(words).toContain('ext');
    expect(words.indexOf('ext')).toBeGreaterThan(words.indexOf('extens'));
  });
});

describe('related words in the ranking signals', () => {
  const ctx = signalContext(classifyQuery('error messages in German'), []);

  it('a file named by the language code matches the language, at half the weight of the word itself', () => {
    const byCode = fileNameSignal(ctx, hit({ path: 'src/locales/de.ts' }));
    const byWord = fileNameSignal(ctx, hit({ path: 'src/locales/german.ts' }));
    expect(byCode.reason).toBe('path matches german');
    expect(byCode.value).toBeGreaterThan(0);
    expect(byCode.value).toBeCloseTo(byWord.value / 2);
    expect(fileNameSignal(ctx, hit({ path: 'src/locales/fr.ts' })).value).toBe(0);
  });

  it('coverage counts a related word as a half match and names the word as covered', () => {
    const plain = coverageSignal(ctx, hit({ path: 'src/errors.ts', texts: ['const message = error.message;'] }));
    const withCode = coverageSignal(ctx, hit({ path: 'src/locales/de.ts', texts: ['const message = error.message;'] }));
    expect(plain.value).toBeCloseTo(2 / 3);
    expect(withCode.value).toBeCloseTo(2.5 / 3);
    expect(withCode.reason).toBe('covers 3 of 3 query words');
  });

  it('a doc comment using the abbreviation mentions the word', () => {
    const q = signalContext(classifyQuery('guess the content type from a file extension'), []);
    const doc = docCommentSignal(q, hit({ path: 'lib/mime.rb', doc: '+ext+ should be a filename ext in the .ext format' }));
    expect(doc.reason).toBe('doc comment mentions extension');
    expect(doc.value).toBeGreaterThan(0);
  });
});

describe('question words run together as code writes them', () => {
  const ctx = signalContext(classifyQuery('let the web server send the file body through a header'), []);

  it('a file named by consecutive words (sendfile.rb for "send the file") matches them; "file" frames the question, so only send counts', () => {
    expect(ctx.query.terms.map((t) => t.word)).not.toContain('file');
    const named = fileNameSignal(ctx, hit({ path: 'lib/rack/sendfile.rb' }));
    expect(named.reason).toBe('path matches send');
    expect(named.value).toBeCloseTo(0.8 * (1 / ctx.stems.length));
    // Not consecutive in the question: no run.
    expect(fileNameSignal(ctx, hit({ path: 'lib/rack/webheader.rb' })).value).toBe(0);
  });

  it('a definition named by the run counts as named for those words', () => {
    const q = signalContext(classifyQuery('split the url parse result'), []);
    expect(definitionSignal(q, hit({ path: 'a.py', name: 'urlparse', kind: 'function' })).reason).toBe('urlparse is named for 2 of 4 query words');
  });
});
