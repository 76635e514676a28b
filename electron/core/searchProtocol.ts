// The search worker's verbs (see searchWorker.ts): every SQLite search runs there, off the host's main thread.
import type { Req, Res } from '../../shared/contract.js';
import type { EmbedderSetting, QuickOpenItem, SearchHit, SearchQuery, SearchResponse } from '../../shared/types.js';
import type { DefinitionRow, WordCandidateRow } from '../db/read/autoCandidates.js';
import type { WordIndexCandidates } from '../db/read/wordIndex.js';

export interface SearchProtocol {
  /** Keyword, symbol or regex; `budgetMs` bounds a regex scan, which then answers what it found so far. */
  search: { req: { query: SearchQuery; budgetMs: number }; res: SearchResponse };
  /** `auto`: gathers its candidates and ranks them here; the semantic hits (or why there are none) come from the host. */
  auto: { req: { query: SearchQuery; limit: number; semantic: SemanticOrReason }; res: SearchResponse };
  /** The query's vector against the active collection at `url`, joined back to SQLite: embedding, the server
   * round trip and the joins all run here, off the host's main thread. */
  semantic: { req: { query: SearchQuery; limit: number; url: string; embedder: EmbedderSetting }; res: { hits: SearchHit[]; orphansSeen: number } };
  quickOpen: { req: { query: string; repo?: string | undefined; limit?: number | undefined }; res: QuickOpenItem[] };
  /** The navigation verbs (core/nav/navService.ts), each answered as the contract declares it. */
  navDef: { req: Req<'nav:def'>; res: Res<'nav:def'> };
  navRefs: { req: Req<'nav:refs'>; res: Res<'nav:refs'> };
  navCallers: { req: Req<'nav:callers'>; res: Res<'nav:callers'> };
  navCallees: { req: Req<'nav:callees'>; res: Res<'nav:callees'> };
  navFlow: { req: Req<'nav:flow'>; res: Res<'nav:flow'> };
  navTree: { req: Req<'nav:tree'>; res: Res<'nav:tree'> };
}

/** The search-worker verb behind each navigation channel. */
export const NAV_VERBS = {
  'nav:def': 'navDef', 'nav:refs': 'navRefs', 'nav:callers': 'navCallers', 'nav:callees': 'navCallees', 'nav:flow': 'navFlow', 'nav:tree': 'navTree',
} as const;
export type NavChannel = keyof typeof NAV_VERBS;

export interface SearchWorkerInit {
  dbFile: string;
}

/** Semantic hits for `auto`, or why there are none (auto then ranks from the rest and says so). */
export type SemanticOrReason = { hits: SearchHit[] } | { unavailable: string };

/** What `auto` ranks: lines holding any needle, definitions named like the query, and the definitions semantic search found. */
export interface AutoCandidates {
  words: WordCandidateRow[];
  definitions: DefinitionRow[];
  semanticDefinitions: DefinitionRow[];
  /** From the word index, when the request named index words. */
  indexed: WordIndexCandidates | null;
}

export interface AutoCandidatesRequest {
  query: SearchQuery;
  needles: string[];
  /** Definitions named exactly so. */
  names: string[];
  /** Definitions whose name starts so. */
  prefixes: string[];
  semanticPlaces: Array<{ repo: string; path: string; fqn: string }>;
  chunkLimit: number;
  /** Word-index words (stemmed parts, see codeWords): a question's candidates come from the word index instead of the trigram one. */
  indexWords: string[];
  unitLimit: number;
}
