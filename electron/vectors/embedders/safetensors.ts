// Reads tensors from a safetensors file: 8-byte little-endian header length, a JSON header, then raw little-endian data.
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';

export interface Tensor {
  dtype: string;
  shape: number[];
  /** The values as float32 (float16 and bfloat16 are widened). */
  data: Float32Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

const BYTES: Record<string, number> = { F32: 4, F16: 2, BF16: 2 };
// A header larger than this is not a safetensors file (the format itself caps it at 100 MB).
const MAX_HEADER = 100_000_000;

/** IEEE half precision → number. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decode(bytes: Buffer, dtype: string): Float32Array {
  // Little-endian float32 on a little-endian machine: one copy into aligned memory, no per-value work.
  if (dtype === 'F32' && endianness() === 'LE') return new Float32Array(new Uint8Array(bytes).buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength / BYTES[dtype]!;
  const out = new Float32Array(n);
  if (dtype === 'F32') for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  else if (dtype === 'F16') for (let i = 0; i < n; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
  else for (let i = 0; i < n; i++) out[i] = new Float32Array(new Uint32Array([view.getUint16(i * 2, true) << 16]).buffer)[0]!;
  return out;
}

function parseHeader(file: string, buf: Buffer): { entries: Record<string, HeaderEntry>; dataStart: number } {
  if (buf.length < 8) throw new Error(`${file} is not a safetensors file (shorter than its header length)`);
  const headerLength = Number(buf.readBigUInt64LE(0));
  if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > buf.length) throw new Error(`${file} is not a safetensors file (header length ${headerLength})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.subarray(8, 8 + headerLength).toString('utf8'));
  } catch (e) {
    throw new Error(`${file}: the safetensors header is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file}: the safetensors header is not a JSON object`);
  const entries: Record<string, HeaderEntry> = {};
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    const v = value as Partial<HeaderEntry>;
    if (typeof v?.dtype !== 'string' || !Array.isArray(v.shape) || !Array.isArray(v.data_offsets) || v.data_offsets.length !== 2) {
      throw new Error(`${file}: tensor ${name} has no dtype, shape or data_offsets`);
    }
    entries[name] = v as HeaderEntry;
  }
  return { entries, dataStart: 8 + headerLength };
}

/** The names, dtypes and shapes in a safetensors file, and one tensor read as float32 on request. */
export function readSafetensors(file: string): { names: string[]; shapeOf(name: string): number[]; read(name: string): Tensor } {
  const buf = readFileSync(file);
  const { entries, dataStart } = parseHeader(file, buf);
  return {
    names: Object.keys(entries),
    shapeOf: (name) => entries[name]?.shape ?? [],
    read(name: string): Tensor {
      const e = entries[name];
      if (!e) throw new Error(`${file} has no tensor ${name} (it has ${Object.keys(entries).join(', ') || 'none'})`);
      const width = BYTES[e.dtype];
      if (!width) throw new Error(`${file}: tensor ${name} is ${e.dtype}; only F32, F16 and BF16 are read`);
      const [begin, end] = e.data_offsets;
      const count = e.shape.reduce((a, b) => a * b, 1);
      if (begin < 0 || end < begin || dataStart + end > buf.length || end - begin !== count * width) {
        throw new Error(`${file}: tensor ${name} (${e.dtype} ${JSON.stringify(e.shape)}) does not fit its data offsets [${begin}, ${end}] in a file of ${buf.length} bytes`);
      }
      return { dtype: e.dtype, shape: e.shape, data: decode(buf.subarray(dataStart + begin, dataStart + end), e.dtype) };
    },
  };
}
