// The identifier a position points at, read from the line's text: for files without an occurrence pass (languages
// Clew does not navigate by syntax, generated code indexed as text), where the index holds no name at that place.
import { namedInStandardLibrary } from './standardLibraryPaths.js';

const WORD = /[\p{L}\p{N}_$]/u;
const DIGIT = /\p{N}/u;

export interface IdentifierAt {
  name: string;
  /** Written after `.` or `->` (a member of something), not after `::` (a path, in Rust and C++ mostly a module's item). */
  member: boolean;
  /** The path segment written just before it with `::` or `\\` (`sync` in `crate::sync::Mutex`), else null. */
  container: string | null;
  /** The whole `::` path written before it (`crate::sync` in `crate::sync::Mutex`), else null. */
  path: string | null;
  /** Written after a path into Rust's standard library (`std::fs::read`): defined outside the repo. */
  standardLibrary: boolean;
}

const PATH_BEFORE = /([\p{L}\p{N}_$]+)\s*(?:::|\\)\s*$/u;
const WHOLE_PATH_BEFORE = /(?:[\p{L}_][\p{L}\p{N}_]*\s*::\s*)+$/u;

/** The identifier under the 1-based `column` of `line` (or just before it, where an editor's caret sits); null off one. */
export function identifierAt(line: string, column: number, language: string | null): IdentifierAt | null {
  let at = column - 1;
  if (at < 0 || at > line.length) return null;
  if (!WORD.test(line[at] ?? '')) {
    if (at === 0 || !WORD.test(line[at - 1] ?? '')) return null;
    at -= 1;
  }
  let start = at;
  while (start > 0 && WORD.test(line[start - 1] ?? '')) start--;
  let end = at + 1;
  while (end < line.length && WORD.test(line[end] ?? '')) end++;
  // Ruby predicates and bang methods carry their mark (`empty?`, `save!`), not a `!=` after a name.
  if (language === 'ruby' && (line[end] === '?' || line[end] === '!') && line[end + 1] !== '=') end++;
  const name = line.slice(start, end);
  if (DIGIT.test(name[0] ?? '')) return null;
  const before = line.slice(0, start).trimEnd();
  return {
    // Rust's `->` starts a return type (`fn current() -> Handle`), not a member access.
    name, member: before.endsWith('.') || (before.endsWith('->') && language !== 'rust'), container: PATH_BEFORE.exec(before)?.[1] ?? null,
    path: WHOLE_PATH_BEFORE.exec(before.slice(-300))?.[0].replace(/\s+/gu, '').replace(/::$/u, '') ?? null,
    standardLibrary: namedInStandardLibrary(language, before),
  };
}
