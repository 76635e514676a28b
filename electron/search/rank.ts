// The one ranking every search mode goes through. Candidates from keyword, symbol and semantic search are merged per
// place, scored by named signals weighted by query kind, demoted for file roles a person rarely means, given
// diminishing returns within a file, and sorted deterministically; each hit says why it ranked where it did.
import { classifyQuery, type ParsedQuery } from '../base/query/index.js';
import { baseName, fileRoles, isImplementationFile, type FileRole } from '../base/fileRoles.js';
import {
  coverageSignal, definitionSignal, docCommentSignal, fileKeywordSignal, fileNameSignal, keywordSignal, literalSignal, semanticSignal, signalContext,
  type MergedHit, type SignalContext,
} from './signals.js';
import type { Candidate, CandidateSource, Demotion, RankedFile, RankedHit, Ranking, SignalName, SignalValue } from './types.js';
import { SIGNAL_NAMES, weightsForQuery } from './weights.js';

export interface RankOptions {
  /** Hits to return (files are built from all hits first). */
  limit?: number;
  /** Hits kept under each file in the file-level view. */
  hitsPerFile?: number;
}

const SIGNALS: Record<SignalName, (ctx: SignalContext, hit: MergedHit) => SignalValue> = {
  definition: definitionSignal,
  fileName: fileNameSignal,
  docComment: docCommentSignal,
  semantic: semanticSignal,
  keyword: keywordSignal,
  coverage: coverageSignal,
  literal: literalSignal,
  fileKeyword: fileKeywordSignal,
};

/** Multipliers for files a person rarely means unless they ask: the implementation should come first. */
export const DEMOTIONS: Record<FileRole, number> = {
  test: 0.35,
  fixture: 0.35,
  example: 0.5,
  vendored: 0.3,
  generated: 0.3,
  minified: 0.2,
  lock: 0.1,
  declaration: 0.5,
  docs: 0.45,
  header: 0.6,
  migration: 0.5,
  locale: 0.4,
};

// The k-th hit of one file (from 0) keeps 1 / (1 + k·FILE_DECAY) of its score, so one file cannot fill the list.
const FILE_DECAY = 0.5;
// In the file view, the k-th hit adds FILE_SUM_DECAY^k of its score: several good hits beat one, but not by much.
const FILE_SUM_DECAY = 0.5;
const FILE_SUM_HITS = 5;
// A reason is given for a signal only when it adds at least this much to the score.
const REASON_FLOOR = 0.01;

interface Working<P> {
  hit: MergedHit;
  sources: Set<CandidateSource>;
  payloads: P[];
  signals: Record<SignalName, number>;
  reasons: Array<{ text: string; weight: number }>;
  demotions: Demotion[];
  base: number;
  score: number;
}

const placeKey = (repo: string, path: string, start: number, end: number): string => `${repo}\u0000${path}\u0000${start}\u0000${end}`;
const fileKey = (repo: string, path: string): string => `${repo}\u0000${path}`;

/** One entry per place; a keyword line inside a definition or chunk found by another source joins it. */
function merge<P>(candidates: readonly Candidate<P>[]): Array<Working<P>> {
  const byPlace = new Map<string, Working<P>>();
  for (const c of candidates) {
    const key = placeKey(c.repo, c.path, c.startLine, c.endLine);
    let w = byPlace.get(key);
    if (!w) {
      w = {
        hit: { repo: c.repo, path: c.path, startLine: c.startLine, endLine: c.endLine, name: null, kind: null, container: null, doc: null, declaredPublic: null, texts: [], keywordScore: null, distance: null },
        sources: new Set(), payloads: [], signals: zeroSignals(), reasons: [], demotions: [], base: 0, score: 0,
      };
      byPlace.set(key, w);
    }
    absorb(w, c);
  }
  const all = [...byPlace.values()];
  // Places a symbol or semantic search found (definitions, chunks) can take in the keyword lines inside them.
  const unitsByFile = new Map<string, Array<Working<P>>>();
  const keywordOnly = (w: Working<P>): boolean => w.sources.size === 1 && w.sources.has('keyword');
  for (const w of all) {
    if (keywordOnly(w)) continue;
    pushTo(unitsByFile, fileKey(w.hit.repo, w.hit.path), w);
  }
  const kept: Array<Working<P>> = [];
  for (const w of all) {
    const enclosing = keywordOnly(w) ? smallestEnclosing(unitsByFile.get(fileKey(w.hit.repo, w.hit.path)) ?? [], w.hit) : undefined;
    if (!enclosing) {
      kept.push(w);
      continue;
    }
    enclosing.hit.keywordScore = maxOrNull(enclosing.hit.keywordScore, w.hit.keywordScore);
    enclosing.hit.distance = minOrNull(enclosing.hit.distance, w.hit.distance);
    enclosing.hit.texts.push(...w.hit.texts);
    for (const s of w.sources) enclosing.sources.add(s);
    enclosing.payloads.push(...w.payloads);
  }
  return kept;
}

function absorb<P>(w: Working<P>, c: Candidate<P>): void {
  const h = w.hit;
  h.name ??= c.name ?? null;
  h.kind ??= c.kind ?? null;
  h.container ??= c.container ?? null;
  h.doc ??= c.doc ?? null;
  h.declaredPublic ??= c.declaredPublic ?? null;
  if (c.text) h.texts.push(c.text);
  if (c.keywordScore !== undefined && Number.isFinite(c.keywordScore)) h.keywordScore = maxOrNull(h.keywordScore, c.keywordScore);
  if (c.distance !== undefined && Number.isFinite(c.distance)) h.distance = minOrNull(h.distance, c.distance);
  w.sources.add(c.source);
  if (c.payload !== undefined) w.payloads.push(c.payload);
}

function smallestEnclosing<P>(definitions: Array<Working<P>>, inner: MergedHit): Working<P> | undefined {
  let best: Working<P> | undefined;
  for (const d of definitions) {
    if (d.hit.startLine > inner.startLine || d.hit.endLine < inner.endLine) continue;
    if (!best || d.hit.endLine - d.hit.startLine < best.hit.endLine - best.hit.startLine) best = d;
  }
  return best;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const maxOrNull = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
const minOrNull = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

function zeroSignals(): Record<SignalName, number> {
  return { definition: 0, fileName: 0, docComment: 0, semantic: 0, keyword: 0, coverage: 0, literal: 0, fileKeyword: 0 };
}

/** Roles whose demotion the query lifts: asking for tests, docs or examples, or naming the file exactly. */
function liftedRoles(query: ParsedQuery, signals: Record<SignalName, number>): Set<FileRole> {
  const lifted = new Set<FileRole>();
  if (query.asksFor.tests) lifted.add('test').add('fixture');
  if (query.asksFor.docs) lifted.add('docs');
  if (query.asksFor.examples) lifted.add('example');
  if (query.asksFor.migrations) lifted.add('migration');
  if (query.asksFor.translations) lifted.add('locale');
  if (query.kind === 'path' && signals.fileName >= 0.9) for (const role of Object.keys(DEMOTIONS) as FileRole[]) lifted.add(role);
  return lifted;
}

/** Demotions for one hit; a header is demoted only when its implementation file is among the matches too. */
function demotionsFor<P>(w: Working<P>, query: ParsedQuery, implementations: Map<string, string>, roles: (path: string) => FileRole[]): Demotion[] {
  const lifted = liftedRoles(query, w.signals);
  const out: Demotion[] = [];
  for (const role of roles(w.hit.path)) {
    if (lifted.has(role)) continue;
    if (role === 'header') {
      const impl = implementations.get(`${w.hit.repo}\u0000${baseName(w.hit.path)}`);
      if (!impl) continue;
      out.push({ role: `header (${impl} matches too)`, factor: DEMOTIONS.header });
      continue;
    }
    out.push({ role: `${role} file`, factor: DEMOTIONS[role] });
  }
  return out;
}

// Plain code-unit order: the same on every machine and locale, and much cheaper than localeCompare.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareHits<P>(a: Working<P>, b: Working<P>): number {
  if (Math.abs(a.score - b.score) > 1e-12) return b.score - a.score;
  if (a.signals.definition !== b.signals.definition) return b.signals.definition - a.signals.definition;
  if (a.sources.size !== b.sources.size) return b.sources.size - a.sources.size;
  return byCodeUnits(a.hit.repo, b.hit.repo) || byCodeUnits(a.hit.path, b.hit.path) || a.hit.startLine - b.hit.startLine || a.hit.endLine - b.hit.endLine;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function toRanked<P>(w: Working<P>): RankedHit<P> {
  const why = [...w.reasons].sort((a, b) => b.weight - a.weight).map((r) => r.text);
  for (const d of w.demotions) why.push(`${d.role} (×${d.factor})`);
  return {
    repo: w.hit.repo, path: w.hit.path, startLine: w.hit.startLine, endLine: w.hit.endLine,
    name: w.hit.name, kind: w.hit.kind, score: w.score, signals: w.signals, demotions: w.demotions, why,
    sources: (['symbol', 'keyword', 'semantic'] as const).filter((s) => w.sources.has(s)), payloads: w.payloads,
  };
}

/** Ranks candidates for a query (a string or one already classified). Pure and deterministic: same input, same order. */
export function rank<P>(query: string | ParsedQuery, candidates: readonly Candidate<P>[], options: RankOptions = {}): Ranking<P> {
  const parsed = typeof query === 'string' ? classifyQuery(query) : query;
  const semanticPresent = candidates.some((c) => c.distance !== undefined && Number.isFinite(c.distance));
  const weights = weightsForQuery(parsed, semanticPresent);
  const notes = semanticPresent ? [] : ['no semantic candidates: ranked from keyword and symbol matches only'];

  const work = merge(candidates);
  const ctx = signalContext(parsed, work.map((w) => w.hit));

  // 1. Signals, weighted by query kind.
  for (const w of work) {
    for (const name of SIGNAL_NAMES) {
      const { value, reason } = SIGNALS[name](ctx, w.hit);
      w.signals[name] = value;
      const contribution = value * weights[name];
      w.base += contribution;
      if (reason && contribution >= REASON_FLOOR) w.reasons.push({ text: reason, weight: contribution });
    }
  }

  // 2. Demotions (a header needs its matching implementation file, so those are found first).
  const implementations = new Map<string, string>();
  for (const w of work) {
    if (w.base > 0 && isImplementationFile(w.hit.path)) implementations.set(`${w.hit.repo}\u0000${baseName(w.hit.path)}`, w.hit.path);
  }
  const roleCache = new Map<string, FileRole[]>();
  const roles = (path: string): FileRole[] => {
    let r = roleCache.get(path);
    if (!r) roleCache.set(path, (r = fileRoles(path)));
    return r;
  };
  for (const w of work) {
    w.demotions = demotionsFor(w, parsed, implementations, roles);
    w.base = w.demotions.reduce((s, d) => s * d.factor, w.base);
  }

  // 3. Diminishing returns within a file.
  const byFile = new Map<string, Array<Working<P>>>();
  for (const w of work) {
    pushTo(byFile, fileKey(w.hit.repo, w.hit.path), w);
  }
  for (const group of byFile.values()) {
    group.forEach((w) => (w.score = w.base));
    group.sort(compareHits);
    group.forEach((w, k) => {
      w.score = w.base / (1 + k * FILE_DECAY);
      if (k > 0) w.reasons.push({ text: `${ordinal(k + 1)} hit in this file`, weight: -1 });
    });
  }

  const ranked = new Map<Working<P>, RankedHit<P>>(work.map((w) => [w, toRanked(w)]));
  const hits = [...work].sort(compareHits).map((w) => ranked.get(w)!);

  // 4. Files: the best hit plus a little of the next ones.
  const files: RankedFile<P>[] = [];
  for (const group of byFile.values()) {
    // The group is already in the file's own order (step 3).
    const sorted = group.map((w) => ranked.get(w)!);
    const best = sorted[0]!;
    const score = group.map((w) => w.base).sort((a, b) => b - a).slice(0, FILE_SUM_HITS).reduce((s, v, k) => s + v * FILE_SUM_DECAY ** k, 0);
    const why = best.why.filter((r) => !r.endsWith('hit in this file'));
    if (group.length > 1) why.push(`${group.length} hits in this file`);
    files.push({ repo: best.repo, path: best.path, score, why, hits: sorted.slice(0, options.hitsPerFile ?? 3) });
  }
  files.sort((a, b) => (Math.abs(a.score - b.score) > 1e-12 ? b.score - a.score : byCodeUnits(a.repo, b.repo) || byCodeUnits(a.path, b.path)));

  return { query: parsed, weights, semantic: semanticPresent ? 'used' : 'absent', notes, hits: options.limit === undefined ? hits : hits.slice(0, options.limit), files };
}
