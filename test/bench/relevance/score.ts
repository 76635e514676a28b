// Scores one system's answer to one query: file ranking metrics, symbol recall, definition-first.
import type { BenchQuery } from './queries.js';
import { ndcgAt, rankedFiles, recallAt, relevanceOf, symbolMatches, symbolRecallAt } from './metrics.js';

export const K = 10;

/** A hit as far as scoring cares; baselines rank files only and have no hits. */
export interface ScoredHit {
  path: string;
  line: number;
  symbol: string | null;
}

export interface QueryScore {
  /** The first K distinct files, in rank order. */
  files: string[];
  ndcg: number;
  recall: number;
  /** Null when the query names no symbols or the system returns no symbols (the baselines). */
  symbolRecall: number | null;
  /** Identifier queries, Clew only: the first hit is the defining line (or a hit on the defining symbol just above it). */
  definitionFirst: number | null;
  /** The first file is the most relevant expected file. */
  top1: number;
}

/** Lines above a definition that still belong to it: decorators, attributes, annotations. */
const LEAD_IN_LINES = 3;

function isDefinition(hit: ScoredHit, q: BenchQuery): boolean {
  if (hit.path !== q.files[0]) return false;
  if (q.definitionLines.includes(hit.line)) return true;
  const namesIt = hit.symbol !== null && (q.symbols ?? []).some((s) => symbolMatches(hit.symbol!, s));
  return namesIt && q.definitionLines.some((d) => hit.line >= d - LEAD_IN_LINES && hit.line <= d);
}

export function scoreFiles(q: BenchQuery, ranked: readonly string[]): QueryScore {
  const files = rankedFiles(ranked).slice(0, K);
  return {
    files,
    ndcg: ndcgAt(files, relevanceOf(q.files, q.grades), K),
    recall: recallAt(files, q.files, K),
    symbolRecall: null,
    definitionFirst: null,
    top1: files[0] === q.files[0] ? 1 : 0,
  };
}

export function scoreHits(q: BenchQuery, hits: readonly ScoredHit[]): QueryScore {
  const score = scoreFiles(q, hits.map((h) => h.path));
  return {
    ...score,
    symbolRecall: q.symbols?.length ? symbolRecallAt(hits, q.symbols, q.files, K) : null,
    definitionFirst: q.kind === 'identifier' ? (hits[0] && isDefinition(hits[0], q) ? 1 : 0) : null,
  };
}
