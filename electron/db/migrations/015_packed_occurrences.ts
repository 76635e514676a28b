// Occurrences as one row per (file, name), the name's places in the file packed into a blob (occurrencePlaces.ts),
// instead of one row per place: on a 10,799-file Go tree the rows and their name index took 126 MiB and a third
// to a half of the occurrence pass's index time. The old rows are dropped, not converted: analysis version 5
// makes every repo re-read its files on its next full run, which writes them in the new layout.
import type { Migration } from './index.js';

export const m015PackedOccurrences: Migration = {
  name: 'packed occurrences',
  sql: /* sql */ `
DROP TABLE occurrences;
CREATE TABLE occurrences (
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  name_id INTEGER NOT NULL,
  places  BLOB NOT NULL,                        -- line, col, role, enclosing symbol id, qualifier name id per place
  PRIMARY KEY (file_id, name_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX occurrences_name_file ON occurrences(name_id, file_id);
`,
};
