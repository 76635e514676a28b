// Generated and minified files are indexed as text only (keyword and regex search find them; no parse,
// no symbols): in real trees they hold a large share of the bytes (40% of the benchmark's Go tree,
// mostly protobuf code) and of the parse time, while their symbols mostly repeat the schema they came from.
import { fileRoles } from '../search/fileRoles.js';

// The markers code generators write near the top: Go's "Code generated … DO NOT EDIT.", @generated
// (Facebook, Rust, Java tools), and the usual "auto-generated … do not edit" comments.
const MARKER = /Code generated .{0,200}DO NOT EDIT|@generated\b|\b(auto-?generated|generated (by|from)) .{0,120}\bdo not (edit|modify)\b/i;
const HEAD_LINES = 12;
// Minified: long files whose lines are long on average.
const MINIFIED_MIN_CHARS = 8_000;
const MINIFIED_AVG_LINE = 300;

export type TextOnlyReason = 'generated' | 'minified';

export function textOnlyReason(relPath: string, text: string, lines: readonly string[]): TextOnlyReason | null {
  const roles = fileRoles(relPath);
  if (roles.includes('minified')) return 'minified';
  if (roles.includes('generated')) return 'generated';
  if (MARKER.test(lines.slice(0, HEAD_LINES).join('\n'))) return 'generated';
  if (text.length >= MINIFIED_MIN_CHARS && text.length / Math.max(1, lines.length) >= MINIFIED_AVG_LINE) return 'minified';
  return null;
}
