// The shapes ranking takes and gives: candidates from any source in, ranked hits and files with reasons out.
import type { ParsedQuery } from '../base/query/index.js';

export type CandidateSource = 'keyword' | 'symbol' | 'semantic';

/** One place in one file that a source found; several sources may find the same place. */
export interface Candidate<P = unknown> {
  source: CandidateSource;
  repo: string;
  /** Repository-relative, forward slashes. */
  path: string;
  startLine: number;
  endLine: number;
  /** The symbol this place defines, when it is a definition (symbol matches, semantic units of a symbol). */
  name?: string;
  kind?: string;
  /** Containers of the definition, outermost first (`flask.app.Flask` for `Flask.route`). */
  container?: string;
  /** The definition's doc comment. */
  doc?: string;
  /** Whether the definition is declared public (Rust's `pub`, Go's capital, `export`…); unknown for a line. */
  declaredPublic?: boolean;
  /** Text of the place (a line, a chunk) for counting which query words it covers. */
  text?: string;
  /** Keyword (BM25) score: higher is better. */
  keywordScore?: number;
  /** Semantic cosine distance: lower is better. */
  distance?: number;
  /** Carried through untouched so the caller gets its own hit back. */
  payload?: P;
}

export type SignalName = 'definition' | 'fileName' | 'docComment' | 'semantic' | 'keyword' | 'coverage' | 'literal' | 'fileKeyword';

/** A signal's value in [0, 1] and, when it counts, the reason it gives. */
export interface SignalValue {
  value: number;
  reason: string | null;
}

export type Weights = Record<SignalName, number>;

export interface Demotion {
  role: string;
  factor: number;
}

export interface RankedHit<P = unknown> {
  repo: string;
  path: string;
  startLine: number;
  endLine: number;
  name: string | null;
  kind: string | null;
  score: number;
  signals: Record<SignalName, number>;
  demotions: Demotion[];
  /** Why it ranked where it did, strongest first: ["defines APIRouter", "file name matches"]. */
  why: string[];
  sources: CandidateSource[];
  payloads: P[];
}

export interface RankedFile<P = unknown> {
  repo: string;
  path: string;
  score: number;
  why: string[];
  /** The file's best hits, best first. */
  hits: RankedHit<P>[];
}

export interface Ranking<P = unknown> {
  query: ParsedQuery;
  weights: Weights;
  /** 'absent' when no semantic candidate came in: the ranking used the other sources only. */
  semantic: 'used' | 'absent';
  notes: string[];
  hits: RankedHit<P>[];
  files: RankedFile<P>[];
}
