// Decodes file bytes as text: binary files are refused, invalid UTF-8 falls back to latin1 (flagged lossy).
export type SourceRead =
  | { kind: 'text'; text: string; bytes: Buffer; lossy: boolean }
  | { kind: 'binary' };

const SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Buffer): SourceRead {
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: utf8.decode(bytes), bytes, lossy: false };
  } catch {
    return { kind: 'text', text: bytes.toString('latin1'), bytes, lossy: true };
  }
}

export interface Chunk {
  startLine: number;
  text: string;
}

const CHUNK_LINES = 80;
/** A chunk ends before the line that would take it past this many characters: only a longer line alone is longer. */
export const CHUNK_CHARS = 8192;

/** Line-aligned chunks: small enough for precise hits, big enough to keep the row count low. */
export function chunkLines(lines: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = start;
    let chars = 0;
    while (end < lines.length && end - start < CHUNK_LINES && (chars === 0 || chars + (lines[end]?.length ?? 0) <= CHUNK_CHARS)) {
      chars += (lines[end]?.length ?? 0) + 1;
      end++;
    }
    chunks.push({ startLine: start + 1, text: lines.slice(start, end).join('\n') });
    start = end;
  }
  return chunks;
}

export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
