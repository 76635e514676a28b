// Words of code and prose as the word index stores them and a question looks them up: identifiers split
// into parts (parseConfig → parse config), each part stemmed (registered → regist), and a compound kept
// whole too (parseconfig), so "parse config", parse_config and parseConfig all meet.
import { identifierParts } from '../identifiers.js';
import { ownCopy } from './ownCopy.js';
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

// Code repeats its tokens (err, ctx, return, the file's own names): indexing splits and stems each once
// per thread. Dropped whole when it fills, like the stem cache.
const TOKEN_CACHE_LIMIT = 100_000;
const tokenCache = new Map<string, string>();

/** The index words of one token joined by spaces ('' when it has none), from the cache. */
function tokenText(token: string): string {
  if (token.length > MAX_TOKEN) return '';
  let text = tokenCache.get(token);
  if (text === undefined) {
    const words: string[] = [];
    tokenWords(token, words);
    text = words.join(' ');
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    // A token matched in a chunk keeps the whole chunk's text alive: 100,000 entries held as many chunks
    // (a parse worker's live heap grew ~1.2 KiB per Python file).
    tokenCache.set(ownCopy(token), text);
  }
  return text;
}

/** `codeWords` joined by spaces: what a word-index column holds. */
export function codeWordText(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const words = tokenText(m[0]);
    if (words) out.push(words);
  }
  return out.join(' ');
}

/** A path's words: folders and file name split like identifiers, the extension left out. */
export function pathWordText(path: string): string {
  return codeWordText(path.replace(/\.[^./]*$/, '').replace(/\//g, ' '));
}
