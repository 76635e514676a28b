// Where a file's code comes from, which decides how much of it is read. Minified code is indexed as text only
// (keyword and regex search find it; nothing in it is worth a parse). Generated code is parsed for navigation, since
// hand-written code uses its types (protobuf messages, x/sys constants, GraphQL types), but it adds no entry points,
// external calls, or text units of its own symbols: its getters and fields would double the units, word rows and
// vectors of a Go tree (40% of the benchmark's bytes are generated) for search hits nobody wants first.
import { looksMinified } from '../base/bulkText.js';
import { fileRoles } from '../base/fileRoles.js';

// The markers code generators write near the top: Go's "Code generated … DO NOT EDIT.", @generated
// (Facebook, Rust, Java tools), and the usual "auto-generated … do not edit" comments.
const MARKER = /Code generated .{0,200}DO NOT EDIT|@generated\b|\b(auto-?generated|generated (by|from)) .{0,120}\bdo not (edit|modify)\b/i;
const HEAD_LINES = 12;

export type CodeOrigin = 'written' | 'generated' | 'minified';

export function codeOrigin(relPath: string, text: string, lines: readonly string[]): CodeOrigin {
  const roles = fileRoles(relPath);
  if (roles.includes('minified')) return 'minified';
  if (looksMinified(text.length, lines.length)) return 'minified';
  if (roles.includes('generated')) return 'generated';
  if (MARKER.test(lines.slice(0, HEAD_LINES).join('\n'))) return 'generated';
  return 'written';
}
