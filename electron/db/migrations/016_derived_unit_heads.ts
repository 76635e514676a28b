// A leaner index, part two. Symbol and chunk units stop storing their head (kind and FQN, path, signature, doc): their
// symbol and file rows hold it, and readers rebuild it (electron/db/read/unitTexts.ts). Units stored as their head are
// converted here when the rebuilt head is exactly the stored one; the rest keep their text until their file is written
// again. Symbols lose their index on the FQN alone: every read names the repo too and seeks (repo_id, fqn).
import type { Migration } from './index.js';

export const m016DerivedUnitHeads: Migration = {
  name: 'derived unit heads',
  sql: /* sql */ `
DROP INDEX symbols_fqn;
UPDATE text_units SET text = '', text_in_file = 2
WHERE kind = 'symbol' AND text_in_file = 1 AND text = (
  SELECT s.kind || ' ' || s.fqn || char(10) || 'in ' || f.path
      || CASE WHEN s.signature != '' THEN char(10) || s.signature ELSE '' END
      || CASE WHEN coalesce(s.doc, '') != '' THEN char(10) || s.doc ELSE '' END
  FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.id = text_units.symbol_id);
UPDATE text_units SET text_in_file = 2,
  text = CASE WHEN text = 'text in ' || (SELECT path FROM files WHERE id = text_units.file_id) THEN ''
    ELSE substr(text, length((SELECT path FROM files WHERE id = text_units.file_id)) + 10) END
WHERE kind = 'chunk' AND text_in_file = 1 AND (text = 'text in ' || (SELECT path FROM files WHERE id = text_units.file_id)
  OR substr(text, 1, length((SELECT path FROM files WHERE id = text_units.file_id)) + 9) = 'text in ' || (SELECT path FROM files WHERE id = text_units.file_id) || char(10));
`,
};
