// Text no person reads line by line — minified bundles, lock files, source maps, SVG — judged once for every
// writer: the indexer keeps it as text only, and the chunker gives it no vectors.
import { fileRoles } from './fileRoles.js';

// Lines longer than this on average mean minified or generated text, not prose or code a person reads.
export const MINIFIED_MEAN_LINE = 300;
// Below this size a few long lines (a data table, a long URL) are not a sign of minification.
const MINIFIED_MIN_CHARS = 8_000;
// Machine-written by their kind alone, whatever their lines look like.
const MACHINE_FILE = /\.(map|svg)$/i;

/** Whether a file's text looks minified: long enough, with long lines on average. */
export function looksMinified(chars: number, lineCount: number): boolean {
  return chars >= MINIFIED_MIN_CHARS && chars / Math.max(1, lineCount) >= MINIFIED_MEAN_LINE;
}

/** Whether a path is machine-written text not worth reading as prose: lock files, minified names, maps, SVG. */
export function isBulkTextPath(relPath: string): boolean {
  const roles = fileRoles(relPath);
  return roles.includes('lock') || roles.includes('minified') || MACHINE_FILE.test(relPath);
}
