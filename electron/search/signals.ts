// The named ranking signals: each looks at one merged hit and gives a value in [0, 1] and the reason it counts.
import { isEnglishStopWord, matchName, normalizeIdentifier, stem, type NameMatchKind, type ParsedQuery } from '../base/query/index.js';
import { identifierParts } from '../base/identifiers.js';
import type { SignalValue } from './types.js';
import { escapeRegex } from '../base/escapeRegex.js';

/** One place after merging what every source said about it. */
export interface MergedHit {
  repo: string;
  path: string;
  startLine: number;
  endLine: number;
  name: string | null;
  kind: string | null;
  container: string | null;
  doc: string | null;
  /** Whether the definition is declared public; null when unknown (a line, a chunk). */
  declaredPublic: boolean | null;
  texts: string[];
  keywordScore: number | null;
  distance: number | null;
}

/** What every signal needs about the query and the whole candidate set, computed once. */
export interface SignalContext {
  query: ParsedQuery;
  /** Stems of the query's content words, in order. */
  stems: string[];
  /** Per distinct stem above: that stem and the stems of the words code may use instead (extension → ext). */
  termStems: Array<readonly string[]>;
  /** Every stem above and every related one: what a text must hold for any term to match. */
  anyStems: string[];
  /** Two or three consecutive query words run together as code writes them (send file → sendfile), with their stems. */
  compounds: Map<string, string[]>;
  /** The highest keyword score among the candidates (0 when there is none). */
  maxKeywordScore: number;
  /** The highest semantic similarity among the candidates (null when there is none). */
  maxSimilarity: number | null;
  /** Patterns of a definition line for each queried name (built once per query). */
  definitionLines: Array<{ name: string; patterns: RegExp[] }>;
  /** Stems of each path's file name and folders, computed once per path. */
  pathStemCache: Map<string, { baseStems: Set<string>; dirStems: Set<string> }>;
  /** What a pasted phrase or pattern must match: its text (lower-case) and, for a regex, the compiled pattern. */
  literal: { text: string | null; pattern: RegExp | null };
  /** Per file (repo + path): its keyword evidence over all its hits, relative to the best file, and how many hits. */
  fileKeyword: Map<string, { value: number; hits: number }>;
}

function pathStems(ctx: SignalContext, path: string): { baseStems: Set<string>; dirStems: Set<string> } {
  let entry = ctx.pathStemCache.get(path);
  if (!entry) {
    const slash = path.lastIndexOf('/');
    entry = { baseStems: stemsOf(path.slice(slash + 1).replace(/\.[^.]*$/, '')), dirStems: stemsOf(path.slice(0, Math.max(0, slash)).replace(/\//g, ' ')) };
    ctx.pathStemCache.set(path, entry);
  }
  return entry;
}

const NONE: SignalValue = { value: 0, reason: null };
// A semantic hit this much less similar than the best one counts for nothing.
const SEMANTIC_SPREAD = 0.3;
// Directory words count for less than file-name words: `middleware/basic_auth.go` is mostly about basic auth.
const DIR_WEIGHT = 0.6;
const TYPE_KINDS = new Set(['class', 'interface', 'struct', 'enum', 'trait', 'type', 'protocol', 'record', 'object', 'module', 'namespace', 'union', 'typealias', 'type_alias']);
const CALLABLE_KINDS = new Set(['function', 'method', 'constructor', 'func', 'fn', 'macro', 'procedure']);

export function signalContext(query: ParsedQuery, hits: readonly MergedHit[]): SignalContext {
  let maxKeywordScore = 0;
  let maxSimilarity: number | null = null;
  for (const h of hits) {
    if (h.keywordScore !== null) maxKeywordScore = Math.max(maxKeywordScore, h.keywordScore);
    if (h.distance !== null) maxSimilarity = Math.max(maxSimilarity ?? -Infinity, 1 - h.distance);
  }
  const definitionLines = queriedNames(query).map((name) => ({ name, patterns: definitionPatterns(name) }));
  const termStems = termStemsOf(query);
  return { query, stems: termStems.map((t) => t[0]!), termStems, anyStems: [...new Set(termStems.flat())], compounds: compoundsOf(query), maxKeywordScore, maxSimilarity, definitionLines, pathStemCache: new Map(), literal: literalOf(query), fileKeyword: fileKeywordOf(hits) };
}

/** Consecutive words of a question run together (send the file → sendfile, url parse → urlparse): a name or file written
 *  as one lower-case word has no parts to split, so only the run can meet it. Words that frame a question (file, find)
 *  are kept here, since names are made of them; English function words are not. Each run maps to the stems it covers. */
function compoundsOf(query: ParsedQuery): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (query.kind !== 'natural') return out;
  const words = (query.raw.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !isEnglishStopWord(w));
  const stemOf = new Map(query.terms.map((t) => [t.word, t.stem]));
  for (let n = 2; n <= 3; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      const stems = run.flatMap((w) => (stemOf.has(w) ? [stemOf.get(w)!] : []));
      if (stems.length > 0) out.set(run.join(''), stems);
    }
  }
  return out;
}

/** One entry per distinct stem: the stem, then its terms' related stems. */
function termStemsOf(query: ParsedQuery): Array<readonly string[]> {
  const byStem = new Map<string, Set<string>>();
  for (const t of query.terms) {
    const set = byStem.get(t.stem) ?? new Set<string>();
    for (const r of t.related) set.add(r);
    byStem.set(t.stem, set);
  }
  return [...byStem].map(([own, related]) => [own, ...related]);
}

// A word code may use instead (extension → ext) is weaker evidence than the question's own word.
const RELATED_WEIGHT = 0.5;

/** How well `stems` hold a term: 1 for its own stem, RELATED_WEIGHT for a related one only, else 0. */
function holds(stems: ReadonlySet<string>, term: readonly string[]): number {
  if (stems.has(term[0]!)) return 1;
  return term.some((s, k) => k > 0 && stems.has(s)) ? RELATED_WEIGHT : 0;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

// A file's keyword evidence: its best keyword hit, plus half the next, a quarter the one after… (up to five hits).
const FILE_KEYWORD_DECAY = 0.5;
const FILE_KEYWORD_HITS = 5;

/** Each file's keyword evidence over all its hits, relative to the file with the most (1). */
function fileKeywordOf(hits: readonly MergedHit[]): Map<string, { value: number; hits: number }> {
  const byFile = new Map<string, number[]>();
  for (const h of hits) {
    if (h.keywordScore === null || h.keywordScore <= 0) continue;
    const key = fileKeyOf(h);
    const scores = byFile.get(key);
    if (scores) scores.push(h.keywordScore);
    else byFile.set(key, [h.keywordScore]);
  }
  const sums = new Map([...byFile].map(([key, scores]) => {
    const top = scores.sort((a, b) => b - a).slice(0, FILE_KEYWORD_HITS);
    return [key, { sum: top.reduce((s, v, k) => s + v * FILE_KEYWORD_DECAY ** k, 0), hits: scores.length }];
  }));
  const max = Math.max(0, ...[...sums.values()].map((f) => f.sum));
  return new Map([...sums].map(([key, f]) => [key, { value: max > 0 ? f.sum / max : 0, hits: f.hits }]));
}

const fileKeyOf = (hit: MergedHit): string => `${hit.repo}\u0000${hit.path}`;

/** The hit's file matches the query's words in several places: a question's words spread over one large file (a
 * function here, its helper and doc there) point at that file even when a smaller unit elsewhere holds two of them. */
export function fileKeywordSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  const file = ctx.fileKeyword.get(fileKeyOf(hit));
  if (!file || file.value <= 0) return NONE;
  return { value: file.value, reason: file.hits > 1 ? `its file matches the words in ${file.hits} places` : null };
}

/** A phrase's text; a regex's pattern, compiled case-insensitively (null when it does not compile), and its own text. */
function literalOf(query: ParsedQuery): SignalContext['literal'] {
  if (query.kind === 'phrase' && query.phrase) return { text: query.phrase.toLowerCase(), pattern: null };
  if (query.kind !== 'regex' || !query.pattern) return { text: null, pattern: null };
  let pattern: RegExp | null = null;
  try {
    pattern = new RegExp(query.pattern, 'iu');
  } catch {
    try {
      pattern = new RegExp(query.pattern, 'i');
    } catch {
      pattern = null;
    }
  }
  return { text: query.pattern.toLowerCase(), pattern };
}

const TEXT_WORD = /[\p{L}\p{N}_$]+/gu;

// Ranking stems the same identifiers in text after text: each token's stems are worked out once (dropped whole when full).
const TOKEN_CACHE_LIMIT = 50_000;
const tokenStems = new Map<string, readonly string[]>();

/** The stems of one token: its own, lower-cased, and each identifier part's. */
function stemsOfToken(token: string): readonly string[] {
  let stems = tokenStems.get(token);
  if (!stems) {
    stems = [stem(token.toLowerCase()), ...identifierParts(token).map(stem)];
    if (tokenStems.size >= TOKEN_CACHE_LIMIT) tokenStems.clear();
    tokenStems.set(token, stems);
  }
  return stems;
}

/** Stems of every word and identifier part in `text` (stop words kept: query stems never need them removed). */
function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of text.match(TEXT_WORD) ?? []) for (const s of stemsOfToken(token)) out.add(s);
  return out;
}

const EMPTY = new Set<string>();

/** stemsOf, skipped when no query stem occurs in the text at all (a stem is a prefix of its word, so none can match). */
function stemsIfAny(ctx: SignalContext, text: string): Set<string> {
  const lower = text.toLowerCase();
  return ctx.anyStems.some((s) => lower.includes(s)) ? stemsOf(text) : EMPTY;
}

/** Types are what a bare name most often means; members and variables a little less. */
export function kindWeight(kind: string | null): number {
  const k = (kind ?? '').toLowerCase();
  if (TYPE_KINDS.has(k)) return 1;
  if (CALLABLE_KINDS.has(k)) return 0.95;
  return 0.85;
}

const MATCH_REASON: Record<NameMatchKind, (name: string, q: string) => string> = {
  exact: (name) => `defines ${name}`,
  spelling: (name, q) => `defines ${name} (${q} spelled differently)`,
  prefix: (name, q) => `defines ${name} (starts with ${q})`,
  parts: (name, q) => `defines ${name} (has the parts of ${q})`,
  typo: (name, q) => `defines ${name} (one edit from ${q})`,
};

/** The names the query may mean: its name and any identifiers typed inside a question. */
function queriedNames(query: ParsedQuery): string[] {
  const names = query.kind === 'path' ? [] : [query.name, ...query.identifiers.map((i) => i.split(/\.|::|#|->/).pop() ?? i)];
  return [...new Set(names.filter((n): n is string => !!n))];
}

/** Whether a definition sits inside `qualifier`: its container names it (case matters in code), or else its file does. */
function isInside(qualifier: string, hit: MergedHit): boolean {
  if (hit.container) return hit.container.split(/\.|::|#|->|\//).includes(qualifier);
  const segments = hit.path.split('/').map((s) => normalizeIdentifier(s.replace(/\.[^.]*$/, '')));
  return segments.includes(normalizeIdentifier(qualifier));
}

/** Definition of the queried name: exact > other spelling > prefix > parts > one typo; for questions, the name's words. */
// A variable bound by an import (`const Layer = require('./layer')`) names the definition without being it.
const IMPORT_BINDING = /\brequire\s*\(|^\s*import\b|^\s*from\s+\S+\s+import\b|\bfrom\s+['"]|__import__\s*\(|\bimport_module\s*\(/;
const BINDING_KINDS = new Set(['variable', 'constant', 'const', 'let', 'var', 'field', 'property']);
const IMPORT_FACTOR = 0.4;
// `pub fn spawn_blocking` over a private stub of the same name (tokio's cfg fallbacks): less than any match or kind step.
const NOT_PUBLIC = 0.97;

export function definitionSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  if (!hit.name) return textDefinition(ctx, hit);
  const imported = BINDING_KINDS.has((hit.kind ?? '').toLowerCase()) && hit.texts.some((t) => IMPORT_BINDING.test(t));
  const found = namedDefinition(ctx, { ...hit, name: hit.name });
  return imported && found.value > 0 ? { value: found.value * IMPORT_FACTOR, reason: `imports ${hit.name}` } : found;
}

function namedDefinition(ctx: SignalContext, hit: MergedHit & { name: string }): SignalValue {
  let best: SignalValue = NONE;
  for (const q of queriedNames(ctx.query)) {
    const m = matchName(q, hit.name);
    if (!m) continue;
    let value = m.strength * kindWeight(hit.kind) * (hit.declaredPublic === false ? NOT_PUBLIC : 1);
    let reason = MATCH_REASON[m.kind](hit.name, q);
    const qualifiers = ctx.query.kind === 'dotted' ? ctx.query.qualifiers : [];
    if (qualifiers.length > 0) {
      // `Flask.route` means the route inside Flask: a route elsewhere counts for less.
      const inside = qualifiers[qualifiers.length - 1]!;
      if (isInside(inside, hit)) reason += ` in ${inside}`;
      else value *= 0.8;
    }
    if (value > best.value) best = { value, reason };
  }
  if (best.value > 0 || ctx.stems.length === 0 || (ctx.query.kind !== 'natural' && ctx.query.kind !== 'phrase')) return best;
  // A question names no identifier: count the query words the definition's name spells.
  const nameStems = new Set(identifierParts(hit.name).map(stem));
  for (const s of ctx.compounds.get(normalizeIdentifier(hit.name)) ?? []) nameStems.add(s);
  const hits = ctx.termStems.map((t) => holds(nameStems, t)).filter((v) => v > 0);
  const share = sum(hits) / ctx.stems.length;
  if (share < 0.5) return NONE;
  return { value: 0.7 * share * kindWeight(hit.kind), reason: `${hit.name} is named for ${hits.length} of ${ctx.stems.length} query words` };
}

// Keywords that introduce a definition in common languages, for lines no parser turned into a symbol.
const DEFINING = '(?:class|interface|struct|enum|trait|type|typealias|def|defp|defmodule|func|function|fn|fun|sub|object|record|protocol|module|impl|macro_rules!|local function|val|var|let|const)';

/** A keyword line that reads like the definition of the queried name (`class APIRouter(`, `func (c *Context) Bind(`,
 * `res.clearCookie = function`): files without a grammar have no symbols, but their definitions still count. */
export function textDefinition(ctx: SignalContext, hit: MergedHit): SignalValue {
  if (hit.texts.length === 0) return NONE;
  for (const { name, patterns } of ctx.definitionLines) {
    if (hit.texts.some((t) => patterns.some((p) => p.test(t)))) return { value: 0.8, reason: `looks like the definition of ${name}` };
  }
  return NONE;
}

function definitionPatterns(name: string): RegExp[] {
  const n = escapeRegex(name);
  return [
    new RegExp(`(?:^|[\\s;{(])${DEFINING}\\s+(?:\\([^)]*\\)\\s*)?(?:[\\w$]+[.:]+)?${n}(?![\\w$])`),
    new RegExp(`(?:^|[\\s.])${n}\\s*[:=]\\s*(?:async\\s+)?(?:function\\b|\\([^)]*\\)\\s*=>|[\\w$]+\\s*=>)`),
  ];
}

/** File name or path matches: the whole name, or the query's words in the file name (full weight) and folders. */
export function fileNameSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  const path = hit.path.toLowerCase();
  const slash = path.lastIndexOf('/');
  const fileName = path.slice(slash + 1);
  const dot = fileName.indexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const q = ctx.query;
  if (q.kind === 'path' && q.path) {
    const wanted = [q.path.dir, q.path.fileName].filter(Boolean).join('/').toLowerCase();
    if (wanted && (path === wanted || path.endsWith(`/${wanted}`))) return { value: 1, reason: `path is ${wanted}` };
    if (q.path.fileName && fileName === q.path.fileName.toLowerCase()) return { value: 0.9, reason: `file name is ${q.path.fileName}` };
    if (q.path.base && normalizeIdentifier(base) === normalizeIdentifier(q.path.base)) return { value: 0.75, reason: `file name is ${q.path.base}` };
  } else if (q.name && normalizeIdentifier(base) === normalizeIdentifier(q.name)) {
    return { value: 1, reason: 'file name matches' };
  }
  if (ctx.stems.length === 0) return NONE;
  const { baseStems, dirStems } = pathStems(ctx, hit.path);
  let covered = 0;
  const matched: string[] = [];
  const compound = ctx.compounds.get(normalizeIdentifier(base));
  if (compound) {
    // The file is named for a run of the question's words (sendfile.rb for "send the file").
    covered += compound.length;
    matched.push(...q.terms.filter((t) => compound.includes(t.stem)).map((t) => t.word));
  }
  for (const t of q.terms) {
    const term = [t.stem, ...t.related];
    const weight = Math.max(holds(baseStems, term), holds(dirStems, term) * DIR_WEIGHT);
    if (weight > 0 && !matched.includes(t.word) && !compound?.includes(t.stem)) {
      covered += weight;
      matched.push(t.word);
    }
  }
  if (covered === 0) return NONE;
  return { value: 0.8 * Math.min(1, covered / ctx.stems.length), reason: `path matches ${matched.join(', ')}` };
}

/** The definition's doc comment carries the query's words. */
export function docCommentSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  if (!hit.doc || ctx.stems.length === 0) return NONE;
  const docStems = stemsIfAny(ctx, hit.doc);
  const held = ctx.query.terms.map((t) => ({ word: t.word, weight: holds(docStems, [t.stem, ...t.related]) })).filter((t) => t.weight > 0);
  if (held.length === 0) return NONE;
  return { value: Math.min(1, sum(held.map((t) => t.weight)) / ctx.stems.length), reason: `doc comment mentions ${held.map((t) => t.word).join(', ')}` };
}

/** Semantic similarity, relative to the best semantic candidate. */
export function semanticSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  if (hit.distance === null || ctx.maxSimilarity === null) return NONE;
  const similarity = 1 - hit.distance;
  const value = Math.max(0, Math.min(1, 1 - (ctx.maxSimilarity - similarity) / SEMANTIC_SPREAD));
  return value > 0 ? { value, reason: `close in meaning (similarity ${similarity.toFixed(2)})` } : NONE;
}

/** Keyword (BM25) score, relative to the best keyword candidate. */
export function keywordSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  if (hit.keywordScore === null || hit.keywordScore <= 0 || ctx.maxKeywordScore <= 0) return NONE;
  return { value: hit.keywordScore / ctx.maxKeywordScore, reason: `keyword match (BM25 ${hit.keywordScore.toFixed(2)})` };
}

/** How many of the query's words the hit covers anywhere (name, path, doc, text): more is better, none is required. */
export function coverageSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  if (ctx.stems.length === 0) return NONE;
  const { baseStems, dirStems } = pathStems(ctx, hit.path);
  const seen = stemsIfAny(ctx, [hit.name ?? '', hit.doc ?? '', ...hit.texts].join(' '));
  const held = ctx.termStems.map((t) => Math.max(holds(seen, t), holds(baseStems, t), holds(dirStems, t))).filter((v) => v > 0);
  if (held.length === 0) return NONE;
  return { value: sum(held) / ctx.stems.length, reason: ctx.stems.length > 1 ? `covers ${held.length} of ${ctx.stems.length} query words` : null };
}

// Longer texts (whole chunks) are not tested against a person's pattern: a line or a signature is what it describes.
const LITERAL_MAX_TEXT = 2000;

/** A quoted phrase or a regex-looking query: the place holds that exact text, or a line matching the pattern. A pasted
 * log format or code fragment often looks like a regex (`[%datetime%] %channel%`); its literal text counts too. */
export function literalSignal(ctx: SignalContext, hit: MergedHit): SignalValue {
  const { text, pattern } = ctx.literal;
  if (text === null) return NONE;
  for (const t of hit.texts) {
    if (t.length > LITERAL_MAX_TEXT) continue;
    if (t.toLowerCase().includes(text)) return { value: 1, reason: 'holds the query text as typed' };
    if (pattern && t.split('\n').some((line) => pattern.test(line))) return { value: 1, reason: 'matches the pattern' };
  }
  return NONE;
}
