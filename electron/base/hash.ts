// Content hashes and deterministic vector ids (never random: the same row always maps to the same vector).
import { createHash } from 'node:crypto';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Short, fast hash for change detection of file bytes and symbol bodies. */
export function fingerprint(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('base64url');
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
