// The search worker's verbs (see searchWorker.ts): every SQLite search runs there, off the host's main thread.
import type { QuickOpenItem, SearchQuery, SearchResponse } from '../../shared/types.js';
import type { DefinitionRow, WordCandidateRow } from '../db/read/autoCandidates.js';

export interface SearchProtocol {
  /** Keyword, symbol or regex; `budgetMs` bounds a regex scan, which then answers what it found so far. */
  search: { req: { query: SearchQuery; budgetMs: number }; res: SearchResponse };
  /** What `auto` ranks: lines holding any needle, definitions named like the query, and the definitions semantic search found. */
  candidates: { req: AutoCandidatesRequest; res: { words: WordCandidateRow[]; definitions: DefinitionRow[]; semanticDefinitions: DefinitionRow[] } };
  quickOpen: { req: { query: string; repo?: string | undefined; limit?: number | undefined }; res: QuickOpenItem[] };
}

export interface SearchWorkerInit {
  dbFile: string;
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
}
