// References to a symbol of a file without an occurrence pass (Rust, Ruby, PHP…): the index has no uses to
// resolve, so its name's whole-word, exact-case matches in files of its language stand in, as candidates.
// Text, not syntax: a string or a trailing comment that spells the name counts too, which is why they are
// candidates; lines that are only a comment (doc comments mostly) are left out, and so are the standard library's
// names (`std::fs::read` is no use of a `read` here).
import type { ReferenceHit } from '../../../shared/nav.js';
import type { SearchHit } from '../../../shared/types.js';
import type { ReadDb } from '../../db/connection.js';
import type { NavSymbol } from '../../db/read/nav/navRows.js';
import { regexSearch } from '../../db/read/regexSearch.js';
import type { RepoRef } from '../../db/read/repos.js';
import { escapeRegex } from '../../base/escapeRegex.js';
import { namedInStandardLibrary } from './standardLibraryPaths.js';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

// A line that starts with the language's comment (Rust's `#[attr]` is no comment; `*` continues a `/* … */` block).
const C_STYLE = /^(?:\/\/|\/\*|\*)/;
const HASH = /^#(?!\[)/;
const COMMENT_LINE: Record<string, RegExp> = {
  ruby: HASH, python: HASH, bash: HASH, elixir: HASH, php: /^(?:\/\/|\/\*|\*|#(?!\[))/, lua: /^--/, haskell: /^--/,
};
/** Whether a line (its text from the first non-blank) holds only a comment, in the language's syntax. */
export const isCommentLine = (language: string | null, snippet: string): boolean => (COMMENT_LINE[language ?? ''] ?? C_STYLE).test(snippet);

/** Whether a hit spells the name once at least where it is not the standard library's (`std::fs::read`). */
const spellsOwnName = (h: SearchHit): boolean => h.highlights.length === 0 || h.highlights.some(([at]) => !namedInStandardLibrary(h.language, h.snippet.slice(0, at)));

/** The name as a regex matching it whole (`\b` only where the name starts or ends with a word character: `empty?`). */
export function wholeNamePattern(name: string): string {
  const start = WORD_CHAR.test(name[0] ?? '') ? '\\b' : '';
  const end = WORD_CHAR.test(name[name.length - 1] ?? '') ? '\\b' : '';
  return `${start}${escapeRegex(name)}${end}`;
}

/**
 * Up to `limit` lines that spell `target`'s name, in path and line order, without the lines that declare a symbol of
 * that name (`declarations`: `path:line`, its own among them).
 */
export function textReferences(
  db: ReadDb, repo: RepoRef, target: NavSymbol, declarations: ReadonlySet<string>, limit: number, budgetMs: number,
  /** What a language knows of a spelling: that it names the target (`exact`), names something else (`other`), or cannot tell. */
  judge: (hit: SearchHit) => 'exact' | 'other' | 'unknown' = () => 'unknown',
): { refs: ReferenceHit[]; truncated: boolean } {
  const started = performance.now();
  const exact = new Set<string>();
  // The comment lines and declarations are left out as they are found, so a full page is a full page; one more tells
  // whether there are more.
  const { hits: uses, timedOut } = regexSearch(db, {
    query: wholeNamePattern(target.name), mode: 'regex', repo: repo.path, caseSensitive: true, ...(target.language ? { lang: target.language } : {}),
  }, limit + 1, () => performance.now() - started > budgetMs, (h) => {
    if (declarations.has(`${h.path}:${h.line}`) || isCommentLine(h.language, h.snippet.trimStart()) || !spellsOwnName(h)) return false;
    const verdict = judge(h);
    if (verdict === 'exact') exact.add(`${h.path}:${h.line}`);
    return verdict !== 'other';
  });
  return {
    refs: uses.slice(0, limit).map((h) => ({
      repo: repo.path, file: h.path, line: h.line, column: h.column, role: 'reference', enclosing: h.symbol, snippet: h.snippet.trim().slice(0, 240),
      confidence: exact.has(`${h.path}:${h.line}`) ? 'exact' : 'candidate',
    })),
    truncated: timedOut || uses.length > limit,
  };
}
