// Words of code and prose as the word index stores them and a question looks them up: identifiers split
// into parts (parseConfig → parse config), each part stemmed (registered → regist), and a compound kept
// whole too (parseconfig), so "parse config", parse_config and parseConfig all meet.
import { identifierParts } from '../identifiers.js';
import { stem } from './stem.js';

const TOKEN = /[\p{L}\p{N}_$]+/gu;
// Longer runs are hashes, base64 or minified noise: they would only bloat the index.
const MAX_TOKEN = 40;

/** The index words of one token: its stemmed parts, then the whole compound (letters and digits only). */
function tokenWords(token: string, out: string[]): void {
  if (token.length > MAX_TOKEN) return;
  const parts = identifierParts(token);
  for (const part of parts) if (part.length >= 2 && !/^\d+$/.test(part)) out.push(stem(part));
  if (parts.length > 1) {
    const whole = parts.join('');
    if (whole.length <= MAX_TOKEN) out.push(whole);
  }
}

/** Index words of `text` in order, repeats kept (term frequency counts for BM25). */
export function codeWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) tokenWords(m[0], out);
  return out;
}

/** `codeWords` joined by spaces: what a word-index column holds. */
export function codeWordText(text: string): string {
  return codeWords(text).join(' ');
}

/** A path's words: folders and file name split like identifiers, the extension left out. */
export function pathWordText(path: string): string {
  return codeWordText(path.replace(/\.[^./]*$/, '').replace(/\//g, ' '));
}
