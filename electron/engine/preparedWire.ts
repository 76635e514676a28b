// A prepared file as it crosses from a parse worker to the writer thread. The occurrence rows (six numbers per
// identifier, ~20 million for a 10,000-file Go tree) go as one Int32Array, which the structured clone copies as a
// block; as a plain array each number was written and read back one at a time (3/4 of the clone's cost, both sides).
import type { FileAnalysis, FileOccurrences } from '../base/fileAnalysis.js';
import type { Prepared, PreparedText } from './prepareFile.js';

type WireOccurrences = Omit<FileOccurrences, 'rows'> & { rows: Int32Array };
type WireAnalysis = Omit<FileAnalysis, 'occurrences'> & { occurrences: WireOccurrences | null };
type WireText = Omit<PreparedText, 'analysis'> & { analysis: WireAnalysis | null };
export type WirePrepared = Exclude<Prepared, PreparedText> | WireText;

/** In the worker: the rows packed (values are int32: they were made in an Int32Array). */
export function packPrepared(prepared: Prepared): WirePrepared {
  if (prepared.kind !== 'text') return prepared;
  const { analysis } = prepared;
  const occurrences = analysis?.occurrences;
  return { ...prepared, analysis: analysis && { ...analysis, occurrences: occurrences ? { ...occurrences, rows: Int32Array.from(occurrences.rows) } : null } };
}

/** On the writer thread: the rows back as the plain array the writer takes. */
export function unpackPrepared(wire: WirePrepared): Prepared {
  if (wire.kind !== 'text') return wire;
  const { analysis } = wire;
  const occurrences = analysis?.occurrences;
  return { ...wire, analysis: analysis && { ...analysis, occurrences: occurrences ? { ...occurrences, rows: plainArray(occurrences.rows) } : null } };
}

// An indexed loop into a sized array: Array.from on a typed array goes through its iterator, ~6x slower.
function plainArray(rows: Int32Array): number[] {
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i]!;
  return out;
}
