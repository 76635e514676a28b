// What to highlight in a file opened from a search: the query's words (or its regex) as one JS
// regex, under the same case and whole-word options the search used. Semantic search matched by
// meaning, not by letters, so it highlights nothing.
import type { SearchMode } from '../../shared/types.js';

/** A JS regex (no `g`) and what it stands for, shown beside the match count. */
export interface MatchSpec {
  source: string;
  flags: string;
  label: string;
}

export interface SearchForMatches {
  /** The query's words, with its filters (`lang:go`) already cut out. */
  text: string;
  mode: SearchMode;
  caseSensitive: boolean;
  wholeWord: boolean;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Plain text searched for literally (the find box), ignoring case unless asked. */
export function literalSpec(text: string, caseSensitive: boolean, wholeWord = false): MatchSpec | null {
  if (!text) return null;
  const source = escapeRegExp(text);
  return { source: wholeWord ? `\\b(?:${source})\\b` : source, flags: caseSensitive ? '' : 'i', label: text };
}

/** The spec for a search's hits; null when nothing in the file can be pointed at. */
export function matchSpecFor(search: SearchForMatches): MatchSpec | null {
  const text = search.text.trim();
  if (!text || search.mode === 'semantic') return null;
  const textMode = search.mode === 'keyword' || search.mode === 'regex';
  const caseSensitive = textMode && search.caseSensitive;
  const wholeWord = textMode && search.wholeWord;
  if (search.mode === 'regex') {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
    const written = literal ? (literal[1] ?? '') : text;
    const writtenFlags = (literal?.[2] ?? '').replace(/[^ims]/g, '');
    const flags = !caseSensitive && !writtenFlags.includes('i') ? `${writtenFlags}i` : writtenFlags;
    const source = wholeWord ? `\\b(?:${written})\\b` : written;
    return valid(source, flags) ? { source, flags, label: text } : null;
  }
  // Words and "quoted phrases"; a one-letter word would light up half the file.
  const words = [...text.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '').filter((w) => w.length >= 2);
  if (words.length === 0) return null;
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const source = wholeWord ? `\\b(?:${alternatives})\\b` : alternatives;
  return { source, flags: caseSensitive ? '' : 'i', label: text };
}

/** A regex RE2 accepted can still be one JS refuses (RE2-only syntax): then nothing is highlighted. */
function valid(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}
