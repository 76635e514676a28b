// A cache keyed by a span of a longer text, found without cutting the span out: a lookup by a fresh substring
// paid for the cut and for V8 hashing the new string, most of the word index's cost per token of code.

/** The key hash SpanCache takes, folded one character at a time (callers fold while they scan). */
export const foldHash = (hash: number, charCode: number): number => (Math.imul(hash, 31) + charCode) | 0;

/** foldHash over `text[start, end)`. */
export function spanHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = foldHash(hash, text.charCodeAt(i));
  return hash;
}

/** Whether `key` is in `text` at `start` (keys are short: a loop is cheaper than a call into startsWith). */
function sameAt(text: string, start: number, key: string): boolean {
  for (let k = 0; k < key.length; k++) if (text.charCodeAt(start + k) !== key.charCodeAt(k)) return false;
  return true;
}

/** String keys to string values, open addressing over typed arrays; emptied whole when it holds `limit` keys. */
export class SpanCache {
  private readonly mask: number;
  /** Entry index + 1 per slot, 0 for empty. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly keys: string[] = [];
  private readonly values: string[] = [];

  constructor(private readonly limit: number) {
    // At most half full, so probes stay short.
    let capacity = 16;
    while (capacity < limit * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(limit);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The value of the key equal to `text[start, end)`, whose spanHash is `hash`; undefined when absent. */
  get(text: string, start: number, end: number, hash: number): string | undefined {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return undefined;
      const key = this.keys[entry]!;
      if (this.hashes[entry] === hash && key.length === length && sameAt(text, start, key)) return this.values[entry];
    }
  }

  /** Adds a key not in the cache (`hash` its spanHash). */
  set(key: string, hash: number, value: string): void {
    if (this.keys.length >= this.limit) this.clear();
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = this.keys.length + 1;
    this.hashes[this.keys.length] = hash;
    this.keys.push(key);
    this.values.push(value);
  }

  clear(): void {
    this.slots.fill(0);
    this.keys.length = 0;
    this.values.length = 0;
  }
}
