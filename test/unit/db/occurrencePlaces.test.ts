// Packed occurrence places round-trip exactly: big lines and columns (multi-byte varints), symbol ids that go
// down as well as up (zigzag deltas), qualifiers that come and go, every role, places on one line; a place costs
// about three bytes; a blob cut short throws instead of answering with fewer places.
import { describe, expect, it } from 'vitest';
import { forEachPlace, type PackedPlace, PlaceWriter, packPlaces, unpackPlaces } from '../../../electron/db/occurrencePlaces.js';

describe('occurrence places', () => {
  it('round-trips edge values', () => {
    const places: PackedPlace[] = [
      [1, 1, 0, null, null],
      [1, 2, 1, null, null],
      [1, 2, 2, 7, 3],
      [1, 130, 3, 7, 3],
      [2, 1, 4, 5, null],
      [200, 16_384, 1, 2 ** 40, 2 ** 31],
      [200, 16_385, 2, 1, 2 ** 31],
      [2 ** 31, 1, 0, null, 1],
      [2 ** 31 + 5, 0, 1, 9_007_199_254, null],
    ];
    expect(unpackPlaces(packPlaces(places))).toEqual(places);
    expect(unpackPlaces(packPlaces([]))).toEqual([]);
  });

  it('takes three bytes for a place like its neighbour, more only for what changes', () => {
    const same = Array.from({ length: 100 }, (_, i): PackedPlace => [10 + i, 5, 1, 1234, null]);
    // The first place carries its symbol id (2 bytes), the rest 3 bytes each.
    expect(packPlaces(same).length).toBe(3 + 2 + 99 * 3);
    expect(unpackPlaces(packPlaces(same))).toEqual(same);
  });

  it('keeps several blobs in one writer apart, also when the buffer grows under them', () => {
    const writer = new PlaceWriter(4);
    const blobs: Uint8Array[] = [];
    const expected: PackedPlace[][] = [];
    for (let b = 0; b < 20; b++) {
      writer.begin();
      const places = Array.from({ length: b * 3 }, (_, i): PackedPlace => [b + i * 2, i, i % 5, i % 2 ? b * 1000 : null, i % 3 ? null : b]);
      for (const p of places) writer.add(...p);
      blobs.push(writer.end());
      expected.push(places);
    }
    expect(blobs.map((blob) => unpackPlaces(blob))).toEqual(expected);
  });

  it('stops where the visitor says, and throws on a truncated blob', () => {
    const blob = packPlaces([[1, 1, 0, null, null], [3, 300, 1, 12345, 99], [5, 1, 2, null, null]]);
    const lines: number[] = [];
    forEachPlace(blob, (line) => {
      lines.push(line);
      return line < 3;
    });
    expect(lines).toEqual([1, 3]);
    expect(() => unpackPlaces(blob.subarray(0, blob.length - 1))).toThrow(/truncated/);
    expect(() => unpackPlaces(blob.subarray(0, 5))).toThrow(/truncated/);
  });
});
