// Generated and minified files are indexed as text only (keyword and regex search find them; no parse,
// no symbols): in real trees they hold a large share of the bytes (40% of the benchmark's Go tree,
// mostly protobuf code) and of the parse time, while their symbols mostly repeat the schema they came from.
import { looksMinified } from '../base/bulkText.js';
import { fileRoles } from '../base/fileRoles.js';

// The markers code generators write near the top: Go's "Code generated … DO NOT EDIT.", @generated
// (Facebook, Rust, Java tools), and the usual "auto-generated … do not edit" comments.
const MARKER = /Code generated .{0,200}DO NOT EDIT|@generated\b|\b(auto-?generated|generated (by|from)) .{0,120}\bdo not (edit|modify)\b/i;
const HEAD_LINES = 12;

export type TextOnlyReason = 'generated' | 'minified';

export function textOnlyReason(relPath: string, text: string, lines: readonly string[]): TextOnlyReason | null {
  const roles = fileRoles(relPath);
  if (roles.includes('minified')) return 'minified';
  if (roles.includes('generated')) return 'generated';
  if (MARKER.test(lines.slice(0, HEAD_LINES).join('\n'))) return 'generated';
  if (looksMinified(text.length, lines.length)) return 'minified';
  return null;
}
