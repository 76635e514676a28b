// File names are bytes; the index stores text. A name that is valid UTF-8 is stored exactly as it
// decodes. A name that is not is stored losslessly: every byte that is not part of a valid UTF-8
// sequence, and every byte of a character that is itself in the escape range, becomes the private-use
// character U+EF00 + byte (0x80–0xFF → U+EF80–U+EFFF; bytes below 0x80 are always valid). This is
// MirBSD's OPTU-8 mapping. Decoding turns escapes back into bytes; a name whose escapes would decode to
// valid UTF-8 was never produced by the encoder, so it is a real name that happens to hold those characters.
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';

const ESCAPE_BASE = 0xef00;
const ESCAPE_FIRST = 0xef80;
const ESCAPE_LAST = 0xefff;
const ESCAPES = /[\uef80-\uefff]/;

const isEscape = (codePoint: number): boolean => codePoint >= ESCAPE_FIRST && codePoint <= ESCAPE_LAST;

/** Length of the valid UTF-8 sequence at `i` (Unicode Table 3-7), or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const at = (k: number): number => (i + k < bytes.length ? (bytes[i + k] as number) : -1);
  const cont = (b: number, lo = 0x80, hi = 0xbf): boolean => b >= lo && b <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(at(1)) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(at(1), lo, hi) && cont(at(2)) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(at(1), lo, hi) && cont(at(2)) && cont(at(3)) ? 4 : 0;
  }
  return 0;
}

/** The stored text for a name or path given as raw bytes; valid UTF-8 stays exactly as it decodes. */
export function encodeFsName(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  let out = '';
  for (let i = 0; i < buffer.length;) {
    const length = sequenceLength(buffer, i);
    const char = length > 0 ? buffer.toString('utf8', i, i + length) : '';
    if (length > 0 && !isEscape(char.codePointAt(0) as number)) {
      out += char;
      i += length;
      continue;
    }
    // An invalid byte, or a character the escapes would be mistaken for: every byte escaped.
    for (const byte of buffer.subarray(i, i + Math.max(length, 1))) out += String.fromCharCode(ESCAPE_BASE + byte);
    i += Math.max(length, 1);
  }
  return out;
}

/** True when the stored text holds escapes, i.e. may name bytes that are not UTF-8. */
export function hasEscapes(stored: string): boolean {
  return ESCAPES.test(stored);
}

/** The raw bytes a stored name or path stands for, or null when it is plain text (use it as is). */
export function rawBytesOf(stored: string): Buffer | null {
  if (!hasEscapes(stored)) return null;
  const parts: Buffer[] = [];
  for (const char of stored) {
    const codePoint = char.codePointAt(0) as number;
    parts.push(isEscape(codePoint) ? Buffer.from([codePoint - ESCAPE_BASE]) : Buffer.from(char, 'utf8'));
  }
  const bytes = Buffer.concat(parts);
  return isUtf8(bytes) ? null : bytes;
}

/**
 * What to hand to `fs` for a stored path: its raw bytes first, then the text itself (a real name that
 * holds escape-range characters). Plain paths have a single candidate.
 */
export function fsPathCandidates(stored: string): Array<string | Buffer> {
  const raw = rawBytesOf(stored);
  return raw ? [raw, stored] : [stored];
}

/** Joins a folder given as bytes and a name given as bytes with '/'. */
export function joinBytes(dir: Buffer, name: Buffer): Buffer {
  return dir.length && dir[dir.length - 1] === 0x2f ? Buffer.concat([dir, name]) : Buffer.concat([dir, Buffer.from('/'), name]);
}

/** A path for fs: plain text while every name on the way is UTF-8 (the fast, usual case), else bytes. */
export function childPath(dir: string | Buffer, name: Buffer): string | Buffer {
  if (typeof dir === 'string' && isUtf8(name)) return join(dir, name.toString('utf8'));
  return joinBytes(typeof dir === 'string' ? Buffer.from(dir) : dir, name);
}
