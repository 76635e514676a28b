// Where a file's code comes from, which decides how much of it is read. Minified code and a build's JavaScript output
// (`dist/`, which repeats the sources beside it) are indexed as text only: keyword and regex search find them, and
// nothing in them is worth a parse or a second definition of every function. Generated code is parsed for navigation, since
// hand-written code uses its types (protobuf messages, x/sys constants, GraphQL types), but it adds no entry points,
// external calls, or text units of its own symbols: its getters and fields would double the units, word rows and
// vectors of a Go tree (40% of the benchmark's bytes are generated) for search hits nobody wants first.
import { looksMinified } from '../base/bulkText.js';
import { fileRoles } from '../base/fileRoles.js';

// The markers code generators write near the top: Go's "Code generated … DO NOT EDIT.", @generated
// (Facebook, Rust, Java tools), and the usual "auto-generated … do not edit" comments.
const MARKER = /Code generated .{0,200}DO NOT EDIT|@generated\b|\b(auto-?generated|generated (by|from)) .{0,120}\bdo not (edit|modify)\b/i;
const HEAD_LINES = 12;

// A script or its declarations in a `dist` folder: a build's output. Only these languages: Go's `cmd/dist` is source.
const BUILD_OUTPUT = /(?:^|\/)dist\/(?:[^/]+\/)*[^/]+\.(?:[cm]?[jt]sx?)$/iu;

export type CodeOrigin = 'written' | 'generated' | 'built' | 'minified';

/** Whether code of that origin is indexed as text only (no parse). */
export const textOnly = (origin: CodeOrigin): boolean => origin === 'minified' || origin === 'built';

export function codeOrigin(relPath: string, text: string, lines: readonly string[]): CodeOrigin {
  // Search demotes everything in `dist/` as generated; here only a build's scripts are (BUILD_OUTPUT), not Go's cmd/dist.
  const roles = fileRoles(relPath.replace(/(^|\/)dist\//giu, '$1'));
  if (roles.includes('minified')) return 'minified';
  if (looksMinified(text.length, lines.length)) return 'minified';
  if (BUILD_OUTPUT.test(relPath)) return 'built';
  if (roles.includes('generated')) return 'generated';
  if (MARKER.test(lines.slice(0, HEAD_LINES).join('\n'))) return 'generated';
  return 'written';
}
