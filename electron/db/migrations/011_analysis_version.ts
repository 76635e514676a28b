// Which version of Clew's file analysis (parsers, symbol and occurrence extraction, chunking, word rows)
// wrote a repo's rows: a full run under a newer analysis re-reads every file, even unchanged ones.
import type { Migration } from './index.js';

export const m011AnalysisVersion: Migration = {
  name: 'analysis version',
  sql: /* sql */ `
-- 0: written before versions were kept, so the next full run re-reads the repo.
ALTER TABLE repos ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 0;
`,
};
