// A search worker: its own read-only SQLite connection, so no query (a long regex scan, a slow
// statement) can hold up the host's main thread, which keeps answering status, pages and sockets.
import { workerData } from 'node:worker_threads';
import { serve } from '../base/rpc/server.js';
import { autoSearch } from './autoSearch.js';
import { openRead } from '../db/connection.js';
import { NavService } from './nav/navService.js';
import { definitionCandidates, definitionsAt, wordCandidates } from '../db/read/autoCandidates.js';
import { wordIndexCandidates } from '../db/read/wordIndex.js';
import { quickOpen } from '../db/read/quickOpen.js';
import { search } from '../db/read/search.js';
import { ChromaStore } from '../vectors/chromaStore.js';
import { createEmbedder, type Embedder } from '../vectors/embedders/index.js';
import { RecentVectors } from '../vectors/recentVectors.js';
import { semanticSearch } from '../vectors/semanticSearch.js';
import type { EmbedderSetting } from '../../shared/types.js';
import type { SearchProtocol, SearchWorkerInit } from './searchProtocol.js';

const init = workerData as SearchWorkerInit;

// One query embedder and one server client per worker, kept while the setting and the URL stay the same.
let embedder: { key: string; loaded: Promise<Embedder> } | null = null;
let store: ChromaStore | null = null;
const recent = new RecentVectors();

function embedderFor(setting: EmbedderSetting): Promise<Embedder> {
  const key = JSON.stringify(setting);
  if (embedder?.key !== key) {
    void embedder?.loaded.then((e) => e.close(), () => undefined);
    embedder = { key, loaded: createEmbedder(setting) };
  }
  return embedder.loaded;
}

await serve<SearchProtocol, null>(() => {
  const db = openRead(init.dbFile);
  const nav = new NavService(db);
  // The repos' path indexes are built once the worker is up, not inside its first references answer; a failure here
  // only leaves them to be built when first asked.
  setTimeout(() => {
    try {
      nav.warm();
    } catch {
      // Built on demand instead.
    }
  }, 0).unref();
  return {
    ready: null,
    handlers: {
      search: (req) => search(db, req.query, req.budgetMs),
      auto: (req) => autoSearch(req.query, req.limit, req.semantic, (c) => {
        const indexed = c.indexWords.length > 0 ? wordIndexCandidates(db, c.indexWords, c.needles, c.query, c.unitLimit) : null;
        // The trigram index (an OR of substrings, ranked over every match) only when the word index cannot answer.
        const trigram = !indexed || (indexed.lines.length === 0 && indexed.definitions.length === 0);
        return {
          words: trigram ? wordCandidates(db, c.needles, c.query, c.chunkLimit) : [],
          indexed,
          definitions: [...definitionCandidates(db, c.names, c.query, 20, false), ...definitionCandidates(db, c.prefixes, c.query, 20, true)],
          semanticDefinitions: definitionsAt(db, c.semanticPlaces),
        };
      }),
      semantic: async (req) => {
        if (store?.url !== req.url) store = new ChromaStore(req.url);
        return semanticSearch(db, store, await embedderFor(req.embedder), recent, req.query, req.limit);
      },
      quickOpen: (req) => quickOpen(db, req.query, req.repo, req.limit),
      navDef: (req) => nav.definition(req),
      navRefs: (req) => nav.references(req),
      navCallers: (req) => nav.callers(req),
      navCallees: (req) => nav.callees(req),
      navFlow: (req) => nav.flow(req),
      navTree: (req) => nav.tree(req),
    },
    close: () => {
      void embedder?.loaded.then((e) => e.close(), () => undefined);
      db.close();
    },
  };
});
