// A search worker: its own read-only SQLite connection, so no query (a long regex scan, a slow
// statement) can hold up the host's main thread, which keeps answering status, pages and sockets.
import { workerData } from 'node:worker_threads';
import { serve } from '../base/rpc/server.js';
import { openDatabase } from '../db/connection.js';
import { quickOpen } from '../db/queries/quickOpen.js';
import { search } from '../db/queries/search.js';
import type { SearchProtocol, SearchWorkerInit } from './searchProtocol.js';

const init = workerData as SearchWorkerInit;

await serve<SearchProtocol, null>(() => {
  const db = openDatabase(init.dbFile, { readonly: true });
  return {
    ready: null,
    handlers: {
      search: (req) => search(db, req.query, req.budgetMs),
      quickOpen: (req) => quickOpen(db, req.query, req.repo, req.limit),
    },
    close: () => db.close(),
  };
});
