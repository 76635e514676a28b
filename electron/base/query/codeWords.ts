// Words of code and prose as the word index stores them and a question looks them up: identifiers split
// into parts (parseConfig → parse config), each part stemmed (registered → regist), and a compound kept
// whole too (parseconfig), so "parse config", parse_config and parseConfig all meet.
import { identifierParts } from '../identifiers.js';
import { ownCopy } from './ownCopy.js';
import { foldHash, SpanCache, spanHash } from './spanCache.js';
import { stem } from './stem.js';

const TOKEN = /[\p{L}\p{N}_$]+/gu;
const NON_ASCII = /[^\0-\x7f]/;
/** 1 for the ASCII characters TOKEN matches: letters, digits, `_` and `$`. */
const TOKEN_CHAR = Uint8Array.from({ length: 128 }, (_, c) => Number(/[\p{L}\p{N}_$]/u.test(String.fromCharCode(c))));
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
const tokenCache = new SpanCache(TOKEN_CACHE_LIMIT);

/** The index words of the token `text[start, end)` (spanHash `hash`) joined by spaces ('' when it has none), from the cache. */
function tokenText(text: string, start: number, end: number, hash: number): string {
  let words = tokenCache.get(text, start, end, hash);
  if (words === undefined) {
    const token = text.slice(start, end);
    const list: string[] = [];
    tokenWords(token, list);
    words = list.join(' ');
    // A token cut from a chunk keeps the whole chunk's text alive: 100,000 entries held as many chunks
    // (a parse worker's live heap grew ~1.2 KiB per Python file).
    tokenCache.set(ownCopy(token), hash, words);
  }
  return words;
}

/** `codeWords` joined by spaces: what a word-index column holds. */
export function codeWordText(text: string): string {
  if (NON_ASCII.test(text)) return codeWordTextByRegex(text);
  // ASCII text (nearly all code) is cut into tokens by a table lookup per character, each token hashed as it is
  // read. Same tokens as TOKEN: in ASCII, [\p{L}\p{N}_$] is exactly the table's characters.
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && TOKEN_CHAR[text.charCodeAt(i)] === 0) i++;
    const start = i;
    let hash = 0;
    for (let c = text.charCodeAt(i); i < n && TOKEN_CHAR[c] === 1; c = text.charCodeAt(++i)) hash = foldHash(hash, c);
    if (i === start || i - start > MAX_TOKEN) continue;
    const words = tokenText(text, start, i, hash);
    if (words) out.push(words);
  }
  return out.join(' ');
}

function codeWordTextByRegex(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    if (token.length > MAX_TOKEN) continue;
    const words = tokenText(token, 0, token.length, spanHash(token, 0, token.length));
    if (words) out.push(words);
  }
  return out.join(' ');
}

/** A path's words: folders and file name split like identifiers, the extension left out. */
export function pathWordText(path: string): string {
  return codeWordText(path.replace(/\.[^./]*$/, '').replace(/\//g, ' '));
}
