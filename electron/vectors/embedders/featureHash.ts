// A fixed, portable 32-bit string hash (FNV-1a over UTF-16 code units, murmur3 finaliser): same value on every machine.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hash of `kind` followed by text[start, end): the kind keeps words, sub-tokens and n-grams apart. */
export function featureHash(kind: number, text: string, start = 0, end = text.length): number {
  let h = Math.imul(FNV_OFFSET ^ kind, FNV_PRIME);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return fmix32(h);
}

/** murmur3's finaliser: FNV's low bits are weak, and the bucket is taken from them. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
