import { describe, expect, it } from 'vitest';
import { declaredPublic, qualifiedName } from '../../../electron/db/read/symbolPreference.js';

describe('qualifiedName', () => {
  it('splits what people type into the name and its innermost container', () => {
    expect(qualifiedName('Engine.ServeHTTP')).toEqual({ name: 'ServeHTTP', container: 'engine' });
    expect(qualifiedName('gin.Engine.ServeHTTP')).toEqual({ name: 'ServeHTTP', container: 'engine' });
    expect(qualifiedName('tokio::task::spawn_blocking')).toEqual({ name: 'spawn_blocking', container: 'task' });
    expect(qualifiedName('Request#trusted_proxy?')).toEqual({ name: 'trusted_proxy?', container: 'request' });
    expect(qualifiedName('Monolog\\Logger')).toEqual({ name: 'Logger', container: 'monolog' });
    expect(qualifiedName('View.prototype.lookup')).toEqual({ name: 'lookup', container: 'view' });
  });

  it('leaves plain names, file names and anything else alone', () => {
    for (const query of ['ServeHTTP', 'config.py', 'a..b', '.hidden', 'x.', 'parse config', 'prototype.lookup', 'a.b-c']) expect(qualifiedName(query)).toBeNull();
  });
});

describe('declaredPublic', () => {
  const row = (over: Partial<Parameters<typeof declaredPublic>[0]>) => ({ fqn: 'x', name: 'x', signature: '', modifiers: '[]', path: 'x', language: 'rust', ...over });
  it('reads the modifiers, the signature, or (Go) the capital letter', () => {
    expect(declaredPublic(row({ modifiers: '["#[derive(Debug)]","pub"]' }))).toBe(true);
    expect(declaredPublic(row({ modifiers: '["pub(crate)"]', signature: 'pub(crate) fn x()' }))).toBe(false);
    expect(declaredPublic(row({ modifiers: '["macro"]', signature: 'pub struct JoinHandle<T>' }))).toBe(true);
    expect(declaredPublic(row({ modifiers: '["macro"]', signature: 'struct JoinHandle<R>' }))).toBe(false);
    expect(declaredPublic(row({ language: 'java', modifiers: '["public","static"]' }))).toBe(true);
    expect(declaredPublic(row({ language: 'typescript', signature: 'export function x()' }))).toBe(true);
    expect(declaredPublic(row({ language: 'go', name: 'ServeHTTP' }))).toBe(true);
    expect(declaredPublic(row({ language: 'go', name: 'serve', signature: 'pub' }))).toBe(false);
  });
});
