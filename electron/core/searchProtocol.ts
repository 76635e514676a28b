// The search worker's verbs (see searchWorker.ts): every SQLite search runs there, off the host's main thread.
import type { QuickOpenItem, SearchQuery, SearchResponse } from '../../shared/types.js';

export interface SearchProtocol {
  /** Keyword, symbol or regex; `budgetMs` bounds a regex scan, which then answers what it found so far. */
  search: { req: { query: SearchQuery; budgetMs: number }; res: SearchResponse };
  quickOpen: { req: { query: string; repo?: string | undefined; limit?: number | undefined }; res: QuickOpenItem[] };
}

export interface SearchWorkerInit {
  dbFile: string;
}
