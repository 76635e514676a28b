// Content hashes and deterministic vector ids (never random: the same row always maps to the same vector).
// One-shot `hash` (Node 20.12+, 21.7+): the same digests as createHash().update().digest() without a Hash object per
// call, about a third cheaper for the short texts hashed per symbol and chunk.
import { hash } from 'node:crypto';

export function sha256(text: string | Buffer): string {
  return hash('sha256', text, 'hex');
}

/** Short, fast hash for change detection of file bytes and symbol bodies. */
export function fingerprint(data: string | Buffer): string {
  return hash('sha1', data, 'base64url');
}

export function vectorId(repoKey: string, kind: string, stableKey: string): string {
  return sha256(`${repoKey}\u0000${kind}\u0000${stableKey}`).slice(0, 32);
}

export function unitContentHash(embedderId: string, text: string): string {
  return sha256(`${embedderId}\u0000${text}`).slice(0, 32);
}

export function repoKeyOf(canonicalPath: string): string {
  return sha256(`repo\u0000${canonicalPath}`).slice(0, 16);
}
