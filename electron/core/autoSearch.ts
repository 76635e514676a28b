// `auto`: the one box that does the right thing. The query is classified; lines holding any of its
// words, definitions named like it and (when vectors answer) semantic matches become candidates;
// the ranking module (electron/search) scores them with weights chosen by the query's kind.
import type { FileHit, SearchHit, SearchQuery, SearchResponse } from '../../shared/types.js';
import { classifyQuery, codeWords, identifierSpellings, stem, type ParsedQuery } from '../base/query/index.js';
import type { DefinitionRow, WordCandidateRow } from '../db/read/autoCandidates.js';
import { findRanges, mergeRanges } from '../db/read/snippet.js';
import type { ScoredDefinition, WordIndexCandidates } from '../db/read/wordIndex.js';
import { declaredPublic } from '../db/read/symbolPreference.js';
import { type Candidate, rank, type RankedHit } from '../search/index.js';
import type { AutoCandidates, AutoCandidatesRequest, SemanticOrReason } from './searchProtocol.js';

/** How many semantic hits `auto` ranks beside the rest. */
export const SEMANTIC_LIMIT = 50;
const CHUNK_LIMIT = 300;
// A chunk of a file's text names no definition: as evidence it counts a little less than a symbol at the same distance.
const TEXT_CHUNK_DISTANCE = 0.05;
// Word-index units (symbols and chunks) a question ranks.
const UNIT_LIMIT = 150;
const MAX_NEEDLES = 16;

type Payload = { kind: 'word'; row: WordCandidateRow } | { kind: 'definition'; row: DefinitionRow } | { kind: 'semantic'; hit: SearchHit };

/** Lower-case substrings a matching line holds: stems (so word forms match), whole identifiers, their spellings. */
export function needlesOf(parsed: ParsedQuery): string[] {
  const words = parsed.terms.map((t) => t.word);
  const out = [
    ...(parsed.phrase ? [parsed.phrase] : []),
    ...(parsed.name ? [parsed.name] : []),
    ...parsed.identifiers,
    ...parsed.terms.map((t) => (t.stem.length >= 3 ? t.stem : t.word)),
    ...identifierSpellings(words),
    ...parsed.terms.flatMap((t) => t.related),
  ].map((n) => n.toLowerCase()).filter((n) => n.length >= 3);
  return [...new Set(out)].slice(0, MAX_NEEDLES);
}

/** A query's words as the word index holds them: stemmed parts, and consecutive words joined as one compound (parse config → parseconfig).
 * None for a quoted phrase or a regex: those need the exact text, which the trigram index keeps. */
export function indexWordsOf(parsed: ParsedQuery): string[] {
  if (parsed.kind === 'phrase' || parsed.kind === 'regex' || parsed.kind === 'empty') return [];
  const words = parsed.terms.map((t) => t.word);
  // A compound is indexed whole when its parts are marked (send_file → sendfile) and stemmed when they are not (Sendfile → sendfil).
  const compounds = identifierSpellings(words).filter((s) => /^[a-z0-9]+$/.test(s)).flatMap((c) => [c, stem(c)]);
  // The words code may use instead (extension → ext) come last: the index keeps the rarest of at most 12 words.
  return [...new Set([...codeWords([...words, ...parsed.identifiers].join(' ')), ...compounds, ...parsed.terms.flatMap((t) => t.related)])];
}

/** Names a definition might carry: the queried name, identifiers in a question, and a question's words joined as code would. */
export function namesOf(parsed: ParsedQuery): { exact: string[]; prefixes: string[] } {
  const exact = new Set<string>();
  if (parsed.name) exact.add(parsed.name);
  for (const id of parsed.identifiers) exact.add(id);
  if (parsed.kind === 'natural' || parsed.kind === 'phrase') {
    for (const spelling of identifierSpellings(parsed.terms.map((t) => t.word))) exact.add(spelling);
    for (const t of parsed.terms) if (t.word.length >= 4) exact.add(t.word);
  }
  // A question's longer stems find definitions named from them (registered → register_routes), whose spans its lines then join.
  const prefixes = parsed.kind === 'identifier' && parsed.name && parsed.name.length >= 3
    ? [parsed.name]
    : parsed.kind === 'natural' ? parsed.terms.map((t) => t.stem).filter((s) => s.length >= 5).slice(0, 6) : [];
  return { exact: [...exact].slice(0, 24), prefixes };
}

const lastSegment = (fqn: string): string => fqn.split(/[.:#/]+|::/).filter(Boolean).pop() ?? fqn;

function candidatesFrom(words: WordCandidateRow[], definitions: Array<DefinitionRow | ScoredDefinition>, semanticDefs: DefinitionRow[], semantic: SearchHit[]): Candidate<Payload>[] {
  const out: Candidate<Payload>[] = [];
  for (const row of words) out.push({ source: 'keyword', repo: row.repo, path: row.path, startLine: row.line, endLine: row.line, text: row.text, keywordScore: row.score, payload: { kind: 'word', row } });
  for (const row of definitions) {
    out.push({
      source: 'symbol', repo: row.repo, path: row.path, startLine: row.startLine, endLine: row.endLine, name: row.name, kind: row.kind,
      ...(row.container ? { container: row.container } : {}), ...(row.doc ? { doc: row.doc } : {}), text: row.signature, declaredPublic: declaredPublic(row),
      ...('score' in row ? { keywordScore: row.score } : {}), payload: { kind: 'definition', row },
    });
  }
  const spans = new Map(semanticDefs.map((d) => [`${d.repo}\u0000${d.path}\u0000${d.fqn}`, d]));
  for (const hit of semantic) {
    const def = hit.symbol ? spans.get(`${hit.repo}\u0000${hit.path}\u0000${hit.symbol}`) : undefined;
    out.push({
      source: 'semantic', repo: hit.repo, path: hit.path, startLine: def?.startLine ?? hit.line, endLine: def?.endLine ?? hit.endLine ?? hit.line,
      ...(def ? { name: def.name, kind: def.kind, text: def.signature, declaredPublic: declaredPublic(def), ...(def.doc ? { doc: def.doc } : {}), ...(def.container ? { container: def.container } : {}) } : hit.symbol ? { name: lastSegment(hit.symbol) } : {}),
      distance: 1 - hit.score + (hit.symbol === null && hit.endLine !== undefined ? TEXT_CHUNK_DISTANCE : 0), payload: { kind: 'semantic', hit },
    });
  }
  return out;
}

/** Word-index scores rescaled so their best equals the trigram index's best: neither index's BM25 scale dominates the merge. */
function onTrigramScale(indexed: WordIndexCandidates, trigram: readonly WordCandidateRow[]): WordIndexCandidates {
  const best = (xs: ReadonlyArray<{ score: number }>): number => xs.reduce((m, x) => Math.max(m, x.score), 0);
  const own = Math.max(best(indexed.lines), best(indexed.definitions));
  const target = best(trigram);
  if (own <= 0 || target <= 0) return indexed;
  const k = target / own;
  return { ...indexed, lines: indexed.lines.map((l) => ({ ...l, score: l.score * k })), definitions: indexed.definitions.map((d) => ({ ...d, score: d.score * k })) };
}

/**
 * What a definition's line marks: its name when the query named it; else the query's words where the line holds
 * them (a method found by the words of its doc comment marks no name the query never asked for).
 */
function definitionHighlights(r: RankedHit<Payload>, d: DefinitionRow, needles: readonly string[]): Array<[number, number]> {
  const at = d.signature.indexOf(d.name);
  if (r.signals.definition > 0 && at >= 0) return [[at, at + d.name.length]];
  return mergeRanges(findRanges(d.signature.toLowerCase(), needles));
}

/** A ranked place as a hit: the best snippet any source gave for it, and the reasons. */
function toHit(r: RankedHit<Payload>, needles: readonly string[]): SearchHit {
  const word = r.payloads.find((p): p is Extract<Payload, { kind: 'word' }> => p.kind === 'word');
  const def = r.payloads.find((p): p is Extract<Payload, { kind: 'definition' }> => p.kind === 'definition');
  const sem = r.payloads.find((p): p is Extract<Payload, { kind: 'semantic' }> => p.kind === 'semantic');
  const score = Math.round(r.score * 1000) / 1000;
  if (def) {
    const d = def.row;
    return {
      repo: d.repo, path: d.path, line: d.startLine, column: 1, snippet: d.signature, highlights: definitionHighlights(r, d, needles),
      symbol: d.fqn, symbolKind: d.kind, language: d.language, score, why: r.why,
    };
  }
  if (word) {
    const w = word.row;
    const d = w.details();
    return { repo: w.repo, path: w.path, line: w.line, column: d.column, snippet: d.snippet, highlights: d.highlights, symbol: d.symbol ?? sem?.hit.symbol ?? null, symbolKind: d.symbolKind ?? sem?.hit.symbolKind ?? null, language: w.language, score, why: r.why };
  }
  const h = sem?.hit;
  return {
    repo: r.repo, path: r.path, line: r.startLine, column: h?.column ?? 1, snippet: h?.snippet ?? '', highlights: h?.highlights ?? [],
    symbol: h?.symbol ?? null, symbolKind: h?.symbolKind ?? null, language: h?.language ?? null, score, why: r.why,
  };
}

/** Runs on a search worker: `candidates` reads its SQLite connection, `semantic` came from the host. */
export function autoSearch(q: SearchQuery, limit: number, semantic: SemanticOrReason, candidates: (req: AutoCandidatesRequest) => AutoCandidates): SearchResponse {
  const started = performance.now();
  const parsed = classifyQuery(q.query);
  const semanticHits = 'hits' in semantic ? semantic.hits : [];
  const { exact, prefixes } = namesOf(parsed);
  const needles = needlesOf(parsed);
  const found = candidates({
    query: q, needles, names: exact, prefixes, chunkLimit: CHUNK_LIMIT, indexWords: indexWordsOf(parsed), unitLimit: UNIT_LIMIT,
    semanticPlaces: semanticHits.filter((h) => h.symbol).map((h) => ({ repo: h.repo, path: h.path, fqn: h.symbol ?? '' })),
  });
  const indexed = found.indexed ? onTrigramScale(found.indexed, found.words) : null;
  const words = indexed ? [...found.words, ...indexed.lines] : found.words;
  const definitions = indexed ? [...found.definitions, ...indexed.definitions] : found.definitions;
  const ranking = rank(parsed, candidatesFrom(words, definitions, found.semanticDefinitions, semanticHits), { limit });
  const results = ranking.hits.map((r) => toHit(r, needles));
  const files: FileHit[] | undefined = q.files
    ? ranking.files.slice(0, limit).map((f) => ({ repo: f.repo, path: f.path, score: Math.round(f.score * 1000) / 1000, why: f.why, hits: f.hits.map((r) => toHit(r, needles)) }))
    : undefined;
  const notice = 'unavailable' in semantic ? `ranked without meaning: ${semantic.unavailable}` : undefined;
  return { results, tookMs: Math.round((performance.now() - started) * 100) / 100, ...(files ? { files } : {}), ...(notice ? { notice } : {}) };
}
