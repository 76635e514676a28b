// What kind of query a person typed and its parts: the ranking weighs its signals by this.
import { identifierParts } from '../identifiers.js';
import { stem } from './stem.js';
import { isStopWord } from './stopWords.js';
import { relatedWords } from './vocabulary.js';

export type QueryKind = 'empty' | 'identifier' | 'dotted' | 'path' | 'phrase' | 'regex' | 'natural';

export interface QueryTerm {
  /** Lower-case word as typed, or an identifier part. */
  word: string;
  stem: string;
  /** Stems of the words code may use for it instead (extension → ext, German → de); usually none. */
  related: string[];
}

export interface PathParts {
  dir: string;
  fileName: string;
  /** File name without its extension. */
  base: string;
  ext: string;
}

export interface ParsedQuery {
  kind: QueryKind;
  raw: string;
  /** The name the person most likely means: the identifier, a dotted name's last part, a path's file base name. */
  name: string | null;
  /** A dotted name's containers: `flask.Flask.route` → [flask, Flask]. */
  qualifiers: string[];
  path: PathParts | null;
  /** The text between the quotes of a quoted phrase. */
  phrase: string | null;
  /** A regex-looking query's pattern, unchanged. */
  pattern: string | null;
  /** Identifier-shaped tokens inside a longer query (`where is parseConfig called` → [parseConfig]). */
  identifiers: string[];
  /** Content words: stop words dropped, identifiers split into parts, stemmed, de-duplicated, in order. */
  terms: QueryTerm[];
  /** What the query asks for that ranking otherwise demotes. */
  asksFor: { tests: boolean; docs: boolean; examples: boolean; migrations: boolean; translations: boolean };
}

// A Ruby (or Elixir) predicate or bang method ends its name in `?` or `!`: `visible?`, `Issue#save!`.
const IDENTIFIER = /^[A-Za-z_$][\w$]*[?!]?$/;
const KEBAB = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/;
const DOTTED = /^[A-Za-z_$][\w$]*(?:(?:\.|::|#|->)[A-Za-z_$][\w$]*)+[?!]?$/;
// Extensions that make `a.b` a file name rather than a dotted name.
const FILE_EXTENSIONS = new Set([
  'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'hxx', 'java', 'kt', 'kts', 'scala', 'swift', 'go', 'rs', 'py', 'pyi', 'rb',
  'php', 'cs', 'fs', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte', 'lua', 'ex', 'exs', 'erl', 'hs',
  'zig', 'dart', 'sh', 'bash', 'zsh', 'ps1', 'sql', 'md', 'rst', 'txt', 'json', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'xml',
  'html', 'htm', 'css', 'scss', 'less', 'gradle', 'lock', 'mod', 'sum', 'proto', 'graphql', 'tf', 'cmake', 'mk', 'r', 'pl',
  'm', 'mm', 'clj', 'ml', 'nim', 'jl', 'dockerfile', 'env', 'conf',
]);
// Regex syntax a person would not type in prose or a name.
const REGEX_HINTS = /\\[wdsbWDSB.()[\]{}|*+?^$]|\.\*|\.\+|\.\?|\[[^\]\s]+\]|\(\?|\{\d+(,\d*)?\}|^\^|[^\\]\$$|\w\|\w|\)\*|\)\+|\)\?/;
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'spec', 'specs', 'unittest', 'fixture', 'fixtures']);
const DOC_WORDS = new Set(['doc', 'docs', 'documentation', 'readme', 'guide', 'tutorial', 'changelog', 'manual']);
const EXAMPLE_WORDS = new Set(['example', 'examples', 'demo', 'demos', 'sample', 'samples']);
const MIGRATION_WORDS = new Set(['migration', 'migrations', 'migrate', 'schema', 'column', 'columns', 'table', 'tables']);
const TRANSLATION_WORDS = new Set(['translation', 'translations', 'translate', 'translated', 'locale', 'locales', 'i18n', 'l10n', 'language', 'languages']);

function splitPath(text: string): PathParts {
  const normalized = text.replace(/\\/g, '/').replace(/^\.\//, '');
  const slash = normalized.lastIndexOf('/');
  const fileName = normalized.slice(slash + 1);
  const dot = fileName.lastIndexOf('.');
  return {
    dir: slash >= 0 ? normalized.slice(0, slash) : '',
    fileName,
    base: dot > 0 ? fileName.slice(0, dot) : fileName,
    ext: dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '',
  };
}

function looksLikePath(text: string): boolean {
  if (/\s/.test(text)) return false;
  if (/[/\\]/.test(text) && /[A-Za-z0-9]/.test(text) && !REGEX_HINTS.test(text)) return true;
  const m = /^[\w.-]*\w\.([A-Za-z0-9]+)$/.exec(text);
  return m !== null && FILE_EXTENSIONS.has(m[1]!.toLowerCase());
}

/** Words of free text: runs of letters, digits, `_`, `$`, `-` and `.` inside names; everything else separates. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_$]+(?:[.\-:#][\p{L}\p{N}_$]+)*/gu) ?? [];
}

function isIdentifierShaped(token: string): boolean {
  // A name a person would not write in prose: camelCase, snake_case, a dotted or kebab name, ALLCAPS with digits.
  return /[a-z][A-Z]|[A-Z]{2,}[a-z]|_|\$|[.:#]/.test(token) || (KEBAB.test(token) && token.length > 3);
}

// English clitics after a word: the possessive 's (request's → request) and n't, 're, 've, 'll, 'd, 'm. Left in, the
// apostrophe splits them off as words of their own (`s`, `t`) that match any text holding the letter.
const CLITIC = /(?<=\p{L})(?:n['\u2019]t|['\u2019](?:s|re|ve|ll|d|m))(?![\p{L}\p{N}_$])/giu;
const withoutContractions = (text: string): string => text.replace(CLITIC, '');

/** Content words of `text`: stop words dropped (prose only), identifiers split into parts, stemmed, de-duplicated. */
export function extractTerms(text: string): QueryTerm[] {
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  const add = (word: string): void => {
    if (!word || seen.has(word)) return;
    seen.add(word);
    const own = stem(word);
    out.push({ word, stem: own, related: [...new Set(relatedWords(word).map(stem))].filter((s) => s !== own) });
  };
  for (const token of tokens(withoutContractions(text))) {
    if (isIdentifierShaped(token)) {
      // An identifier's parts are never stop words: `getUser` keeps `get`.
      for (const part of identifierParts(token.replace(/[.:#]/g, '_'))) add(part);
    } else {
      const word = token.toLowerCase();
      if (!isStopWord(word)) add(word);
    }
  }
  return out;
}

function asksFor(text: string): ParsedQuery['asksFor'] {
  const words = new Set(tokens(text.toLowerCase()).flatMap((t) => t.split(/[._\-:#/]+/)));
  const any = (set: Set<string>): boolean => [...words].some((w) => set.has(w));
  return { tests: any(TEST_WORDS), docs: any(DOC_WORDS), examples: any(EXAMPLE_WORDS), migrations: any(MIGRATION_WORDS), translations: any(TRANSLATION_WORDS) };
}

function parsed(kind: QueryKind, raw: string, fields: Partial<ParsedQuery>, termText: string): ParsedQuery {
  return {
    kind,
    raw,
    name: null,
    qualifiers: [],
    path: null,
    phrase: null,
    pattern: null,
    identifiers: [],
    terms: extractTerms(termText),
    asksFor: asksFor(termText),
    ...fields,
  };
}

/** Classifies one query. Never throws: control characters are treated as spaces and unbalanced quotes as text. */
export function classifyQuery(query: string): ParsedQuery {
  const raw = query;
  // eslint-disable-next-line no-control-regex
  const text = query.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!text) return parsed('empty', raw, {}, '');

  const quoted = /^(["'`])([\s\S]*)\1$/.exec(text);
  if (quoted && text.length >= 2) {
    const phrase = quoted[2]!.trim();
    if (!phrase) return parsed('empty', raw, {}, '');
    return parsed('phrase', raw, { phrase, identifiers: tokens(phrase).filter(isIdentifierShaped) }, phrase);
  }
  // An unbalanced quote is not part of what the person means.
  const unquoted = text.replace(/^["'`]+|["'`]+$/g, '').trim() || text;

  if (IDENTIFIER.test(unquoted) || KEBAB.test(unquoted)) {
    return parsed('identifier', raw, { name: unquoted, identifiers: [unquoted] }, unquoted);
  }
  if (looksLikePath(unquoted)) {
    const path = splitPath(unquoted);
    return parsed('path', raw, { path, name: path.base || null }, `${path.dir} ${path.base}`);
  }
  if (DOTTED.test(unquoted)) {
    const parts = unquoted.split(/\.|::|#|->/);
    return parsed('dotted', raw, { name: parts[parts.length - 1]!, qualifiers: parts.slice(0, -1), identifiers: [unquoted] }, unquoted);
  }
  if (REGEX_HINTS.test(unquoted)) return parsed('regex', raw, { pattern: unquoted }, unquoted.replace(/\\[a-zA-Z]/g, ' '));
  const identifiers = tokens(unquoted).filter(isIdentifierShaped);
  return parsed('natural', raw, { identifiers, name: identifiers.length === 1 ? identifiers[0]! : null }, unquoted);
}
