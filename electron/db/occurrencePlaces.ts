// One name's places in one file, packed into a blob: a row per (file, name) instead of a row per place.
// Each place, in line/column order: the line as a delta from the previous place's (varint), the column (varint;
// a delta from the previous column on the same line), a byte of role and modes, then the enclosing symbol id and
// the qualifier name id only when they differ from the previous place's (zigzag delta and plain varint).
// Most places take 3 bytes, against ~40 for a row and its index entry.

/** One decoded place: line, column, role, enclosing symbol id (null at top level), qualifier name id (null when none). */
export type PackedPlace = [line: number, col: number, role: number, symbolId: number | null, qualifierId: number | null];

// The mode byte: role in bits 0-2, symbol mode in bits 3-4, qualifier mode in bits 5-6.
const SAME = 0;
const NONE = 1;
const VALUE = 2;
const ROLE_MASK = 7;

/** A growing byte buffer for the places of one file (reused across names, so one allocation per file at most). */
export class PlaceWriter {
  private bytes: Uint8Array;
  private length = 0;
  private start = 0;
  private line = 0;
  private col = 0;
  private symbol: number | null = null;
  private qualifier: number | null = null;

  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Starts a new name's blob: its places continue after the previous blob's bytes. */
  begin(): void {
    this.start = this.length;
    this.line = 0;
    this.col = 0;
    this.symbol = null;
    this.qualifier = null;
  }

  /** Adds a place; places of one blob come in line, then column, order (lines and columns ≥ 0). */
  add(line: number, col: number, role: number, symbolId: number | null, qualifierId: number | null): void {
    // The most a place takes: four varints of up to 8 bytes (values below 2^53) and the mode byte.
    this.reserve(40);
    const sameLine = line === this.line;
    this.varint(line - this.line);
    this.varint(sameLine ? col - this.col : col);
    const symbolMode = symbolId === this.symbol ? SAME : symbolId === null ? NONE : VALUE;
    const qualifierMode = qualifierId === this.qualifier ? SAME : qualifierId === null ? NONE : VALUE;
    this.bytes[this.length++] = role | (symbolMode << 3) | (qualifierMode << 5);
    if (symbolMode === VALUE) this.varint(zigzag(symbolId! - (this.symbol ?? 0)));
    if (qualifierMode === VALUE) this.varint(qualifierId!);
    this.line = line;
    this.col = col;
    this.symbol = symbolId;
    this.qualifier = qualifierId;
  }

  /** The current blob's bytes (a view: valid until the next `reset`). */
  end(): Uint8Array {
    return this.bytes.subarray(this.start, this.length);
  }

  /** Drops the current blob's bytes (a row kept as stored needs none). */
  discard(): void {
    this.length = this.start;
  }

  /** Forgets every blob (the next file reuses the buffer). */
  reset(): void {
    this.length = 0;
    this.start = 0;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    // Views handed out earlier point into the old buffer, which stays valid for them.
    this.bytes = grown;
  }

  private varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }
}

/** Maps a signed delta to an unsigned one (0, -1, 1, -2 … → 0, 1, 2, 3 …) so small negatives stay one byte. */
function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

/** Packs places (already in line/column order) into one blob. */
export function packPlaces(places: readonly PackedPlace[]): Uint8Array {
  const writer = new PlaceWriter(places.length * 4 + 16);
  writer.begin();
  for (const [line, col, role, symbolId, qualifierId] of places) writer.add(line, col, role, symbolId, qualifierId);
  return writer.end().slice();
}

/**
 * Calls `visit` for each place of a blob, in order; it returns false to stop. Throws on a truncated blob
 * (a blob cut short is corruption, not an empty answer).
 */
export function forEachPlace(blob: Uint8Array, visit: (line: number, col: number, role: number, symbolId: number | null, qualifierId: number | null) => boolean | void): void {
  let at = 0;
  let line = 0;
  let col = 0;
  let symbol: number | null = null;
  let qualifier: number | null = null;
  const length = blob.length;
  const varint = (): number => {
    // One byte (nearly every line delta and column): no loop.
    const first = at < length ? blob[at++]! : truncated();
    if (first < 0x80) return first;
    let value = first & 0x7f;
    let scale = 0x80;
    for (;;) {
      const byte = at < length ? blob[at++]! : truncated();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
  while (at < length) {
    const lineDelta = varint();
    const colValue = varint();
    col = lineDelta === 0 ? col + colValue : colValue;
    line += lineDelta;
    const mode = at < length ? blob[at++]! : truncated();
    const symbolMode = (mode >> 3) & 3;
    const qualifierMode = (mode >> 5) & 3;
    if (symbolMode === NONE) symbol = null;
    else if (symbolMode === VALUE) symbol = (symbol ?? 0) + unzigzag(varint());
    if (qualifierMode === NONE) qualifier = null;
    else if (qualifierMode === VALUE) qualifier = varint();
    if (visit(line, col, mode & ROLE_MASK, symbol, qualifier) === false) return;
  }
}

function truncated(): never {
  throw new Error('occurrence places: truncated blob');
}

/** Every place of a blob. */
export function unpackPlaces(blob: Uint8Array): PackedPlace[] {
  const places: PackedPlace[] = [];
  forEachPlace(blob, (line, col, role, symbolId, qualifierId) => {
    places.push([line, col, role, symbolId, qualifierId]);
  });
  return places;
}
