// Content hashes and vector ids are stored and compared across runs: they must never change for the same input.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, sha256, unitContentHash, vectorId } from '../../electron/base/hash.js';

describe('hashes', () => {
  it('are the standard digests, for strings (UTF-8, lone surrogates too) and bytes alike', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(fingerprint('abc')).toBe('qZk-NkcGgWq6PiVxeFDCbJzQ2J0');
    for (const data of ['', 'déjà vu 😀', 'a\udc00b', Buffer.from([0, 1, 2, 255]), 'x'.repeat(100_000)]) {
      expect(sha256(data)).toBe(createHash('sha256').update(data).digest('hex'));
      expect(fingerprint(data)).toBe(createHash('sha1').update(data).digest('base64url'));
    }
    expect(vectorId('repo', 'symbol', 'a.go#pkg.F')).toBe(createHash('sha256').update('repo\u0000symbol\u0000a.go#pkg.F').digest('hex').slice(0, 32));
    expect(unitContentHash('hash-v1', 'text')).toHaveLength(32);
  });
});
