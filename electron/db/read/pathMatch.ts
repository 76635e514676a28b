// Files matched as an editor's quick open matches them: each word of the query (split on spaces) appears in the path
// with its letters in order, others between allowed (`dbmodelsquery` finds db/models/query.py, `wsgi handler`
// finds handlers/wsgi.py), ranked by fuzzysort (Sublime-like: word starts, runs of letters, shorter paths).
// fuzzysort prepares a target at ~1 KiB of heap (108 MiB for 100,000 paths), so no prepared target outlives its
// query: a cheap check keeps the paths that hold every word, and at most RANKED of them are prepared.
import fuzzysort from 'fuzzysort';

const RANKED = 500;
const MAX_WORDS = 8;
const MAX_WORD = 128;

/** Whether the characters of `word` appear in `text` in order: the leftmost greedy walk decides it. */
export function holdsInOrder(text: string, word: string): boolean {
  let at = 0;
  for (const ch of word) {
    const found = text.indexOf(ch, at);
    if (found < 0) return false;
    at = found + ch.length;
  }
  return true;
}

export interface PathMatch<T> {
  item: T;
  /** The characters of the file name to mark, as [start, end) ranges of the name. */
  nameRanges: Array<[number, number]>;
}

/** Offsets from `from` on (a file name's start) as ranges of that name: [1, 2, 3, 6] from 1 → [[0, 3], [5, 6]]. */
export function rangesFrom(indexes: readonly number[], from: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const i of indexes) {
    if (i < from) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === i - from) last[1]++;
    else ranges.push([i - from, i - from + 1]);
  }
  return ranges;
}

/** How a path holds the words when too many hold them to rank all: whole words in the file name, then anywhere. */
function roughScore(lowerPath: string, words: readonly string[]): number {
  const name = lowerPath.slice(lowerPath.lastIndexOf('/') + 1);
  return words.reduce((sum, w) => sum + (name.includes(w) ? 2 : lowerPath.includes(w) ? 1 : 0), 0);
}

/** The `limit` best of `items` for `query`, best first by fuzzysort's score; `pathOf` gives an item's path, `lowerOf` its lower-case form. */
export function matchPaths<T>(items: Iterable<T>, pathOf: (item: T) => string, query: string, limit: number,
  lowerOf: (item: T) => string = (item) => pathOf(item).toLowerCase()): Array<PathMatch<T>> {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS).map((w) => w.slice(0, MAX_WORD));
  if (words.length === 0 || limit <= 0) return [];
  let kept: Array<{ item: T; lower: string }> = [];
  for (const item of items) {
    const lower = lowerOf(item);
    if (words.every((w) => holdsInOrder(lower, w))) kept.push({ item, lower });
  }
  if (kept.length > RANKED) {
    // One number per path (the rough score, then shorter first), sorted by index: no object per path.
    const key = Float64Array.from(kept, (k) => roughScore(k.lower, words) * 1e6 - k.lower.length);
    const order = Array.from(kept.keys()).sort((a, b) => (key[b] ?? 0) - (key[a] ?? 0));
    const all = kept;
    kept = order.slice(0, RANKED).flatMap((i) => all[i] ?? []);
  }
  const targets = kept.map((k) => ({ item: k.item, target: fuzzysort.prepare(pathOf(k.item)) }));
  const search = words.join(' ');
  return fuzzysort.go(search, targets, { key: 'target', limit }).map((r) => ({ item: r.obj.item, nameRanges: nameRanges(r.target, search, r.indexes) }));
}

/** The name's own match when the name alone holds the query (`Owner` in …/owner/OwnerController.java marks the name,
 * not the folder the path's best match used), else the path's matched letters that fall in the name. */
function nameRanges(path: string, search: string, pathIndexes: readonly number[]): Array<[number, number]> {
  const start = path.lastIndexOf('/') + 1;
  // A prepared target: fuzzysort keeps no copy of it, unlike a plain string.
  const own = fuzzysort.single(search, fuzzysort.prepare(path.slice(start)));
  return own ? rangesFrom(own.indexes, 0) : rangesFrom(pathIndexes, start);
}
