// A search worker: its own read-only SQLite connection, so no query (a long regex scan, a slow
// statement) can hold up the host's main thread, which keeps answering status, pages and sockets.
import { workerData } from 'node:worker_threads';
import { serve } from '../base/rpc/server.js';
import { openRead } from '../db/connection.js';
import { definitionCandidates, definitionsAt, wordCandidates } from '../db/read/autoCandidates.js';
import { quickOpen } from '../db/read/quickOpen.js';
import { search } from '../db/read/search.js';
import type { SearchProtocol, SearchWorkerInit } from './searchProtocol.js';

const init = workerData as SearchWorkerInit;

await serve<SearchProtocol, null>(() => {
  const db = openRead(init.dbFile);
  return {
    ready: null,
    handlers: {
      search: (req) => search(db, req.query, req.budgetMs),
      candidates: (req) => ({
        words: wordCandidates(db, req.needles, req.query, req.chunkLimit),
        definitions: [...definitionCandidates(db, req.names, req.query, 20, false), ...definitionCandidates(db, req.prefixes, req.query, 20, true)],
        semanticDefinitions: definitionsAt(db, req.semanticPlaces),
      }),
      quickOpen: (req) => quickOpen(db, req.query, req.repo, req.limit),
    },
    close: () => db.close(),
  };
});
