// How much each signal counts, by query kind: names lean on definitions and keyword matches, questions on meaning and BM25.
import type { ParsedQuery, QueryKind } from '../base/query/index.js';
import type { SignalName, Weights } from './types.js';

const NAME: Weights = { definition: 0.45, fileName: 0.15, keyword: 0.2, semantic: 0.1, docComment: 0.05, coverage: 0.05, literal: 0, fileKeyword: 0 };
// Questions lean on the fielded BM25 (names, doc comments, paths and bodies, each weighted) and on how many of the
// question's words a place covers. Measured on the relevance benchmark with the offline embedder: BM25 alone ranks
// questions as well as the old even keyword/semantic split (NDCG@10 0.80 both), semantic alone 0.64; this mix 0.82.
// A tenth goes to the file's keyword evidence as a whole (whole-file BM25 put the answer first where units did not),
// and a tenth to the file's name: it counts the words code uses for a question's words too (German → locales/de.ts).
const QUESTION: Weights = { definition: 0.05, fileName: 0.1, keyword: 0.4, semantic: 0.15, docComment: 0.05, coverage: 0.15, literal: 0, fileKeyword: 0.1 };

const BY_KIND: Record<QueryKind, Weights> = {
  identifier: NAME,
  dotted: NAME,
  path: { definition: 0.1, fileName: 0.6, keyword: 0.15, semantic: 0.1, docComment: 0, coverage: 0.05, literal: 0, fileKeyword: 0 },
  phrase: { definition: 0.1, fileName: 0.1, keyword: 0.35, semantic: 0.1, docComment: 0.1, coverage: 0.05, literal: 0.2, fileKeyword: 0 },
  regex: { definition: 0.1, fileName: 0.1, keyword: 0.5, semantic: 0, docComment: 0, coverage: 0, literal: 0.3, fileKeyword: 0 },
  natural: QUESTION,
  empty: QUESTION,
};

export const SIGNAL_NAMES: readonly SignalName[] = ['definition', 'fileName', 'docComment', 'semantic', 'keyword', 'coverage', 'literal', 'fileKeyword'];

/** The weights for a query kind; without semantic candidates the semantic share goes to the other signals, pro rata. */
export function weightsFor(kind: QueryKind, semanticPresent: boolean): Weights {
  const base = BY_KIND[kind];
  if (semanticPresent || base.semantic === 0) return { ...base };
  const rest = 1 - base.semantic;
  const out = { ...base, semantic: 0 };
  for (const name of SIGNAL_NAMES) if (name !== 'semantic') out[name] = base[name] / rest;
  return out;
}

/** Weights for one query: a question that names one identifier (`what does APIRouter do`) sits halfway between. */
export function weightsForQuery(query: ParsedQuery, semanticPresent: boolean): Weights {
  const own = weightsFor(query.kind, semanticPresent);
  if (query.kind !== 'natural' || query.identifiers.length !== 1) return own;
  const name = weightsFor('identifier', semanticPresent);
  const out = { ...own };
  for (const s of SIGNAL_NAMES) out[s] = (own[s] + name[s]) / 2;
  return out;
}
