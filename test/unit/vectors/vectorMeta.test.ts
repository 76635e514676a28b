import { describe, expect, it } from 'vitest';
import { globFolder, metaWhere, vectorMeta } from '../../../electron/base/vectorMeta.js';

describe('vector metadata for filters inside the store', () => {
  it('carries repo, kind, language, path and each folder above the file', () => {
    expect(vectorMeta({ repoKey: 'r1', kind: 'method', language: 'kotlin', path: 'src/main/Cart.kt' })).toEqual({
      repo: 'r1', kind: 'method', lang: 'kotlin', path: 'src/main/Cart.kt', d1: 'src', d2: 'src/main',
    });
    expect(vectorMeta({ repoKey: 'r1', kind: 'note', language: null, path: null })).toEqual({ repo: 'r1', kind: 'note' });
  });

  it('narrows a glob to its literal folder, or to nothing when it starts with a wildcard', () => {
    expect(globFolder('src/api/*')).toBe('src/api');
    expect(globFolder('src/api/*.ts')).toBe('src/api');
    expect(globFolder('src/a.ts')).toBe('src');
    expect(globFolder('*/test/*')).toBeNull();
    expect(globFolder('README.md')).toBeNull();
  });

  it('ANDs the conditions it has, and has none without filters', () => {
    expect(metaWhere({})).toBeNull();
    expect(metaWhere({ repoKey: 'r1' })).toEqual({ repo: 'r1' });
    expect(metaWhere({ repoKey: 'r1', lang: 'Kotlin', kind: 'class', folder: 'src/main' })).toEqual({ $and: [{ repo: 'r1' }, { lang: 'kotlin' }, { kind: 'class' }, { d2: 'src/main' }] });
  });
});
