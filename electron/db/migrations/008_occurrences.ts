// Identifier occurrences (definition, reference, call, import, type use) for the navigation verbs, and
// each file's imports. Compact: names are interned once (`names`), rows hold integers only, snippets are
// read from `chunks` when answering. A changed file replaces its rows; a deleted file cascades them away.
import type { Migration } from './index.js';

export const m008Occurrences: Migration = {
  name: 'occurrences',
  sql: /* sql */ `
CREATE TABLE names (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE occurrences (
  file_id      INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  line         INTEGER NOT NULL,                -- 1-based
  col          INTEGER NOT NULL,                -- 1-based, UTF-16 code units
  name_id      INTEGER NOT NULL,
  role         INTEGER NOT NULL,                -- index into OCCURRENCE_ROLES (shared/nav.ts)
  symbol_id    INTEGER,                         -- the enclosing symbol (same file), null at top level
  qualifier_id INTEGER,                         -- the name written before the dot (this, self, a module alias), if a plain name
  PRIMARY KEY (file_id, line, col)
) STRICT, WITHOUT ROWID;
CREATE INDEX occurrences_name ON occurrences(name_id);

-- What each file imports: a local name bound to a name (or the whole module) of another module.
CREATE TABLE imports (
  file_id     INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  local_id    INTEGER NOT NULL,                 -- the name as used in the file
  imported_id INTEGER,                          -- the name in the source module; null: the module itself (namespace, Go package)
  source      TEXT NOT NULL,                    -- the specifier as written: './util', 'a.b', 'github.com/x/y', 'java.util'
  line        INTEGER NOT NULL
) STRICT;
CREATE INDEX imports_file ON imports(file_id);
`,
};
