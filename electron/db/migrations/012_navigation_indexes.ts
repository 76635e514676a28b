// Indexes for the references scan, which asks, for every file a common name occurs in, where the receiver
// (`df` in `df.dtype`) or the name is defined there, and which symbols of the file carry a name. By name
// alone, the definitions of `df` in a file meant reading every use of `df` there; by name, file and role
// they are a seek. The old name index is a prefix of the new one, so it goes (the database does not grow).
import type { Migration } from './index.js';

export const m012NavigationIndexes: Migration = {
  name: 'navigation indexes',
  sql: /* sql */ `
DROP INDEX occurrences_name;
CREATE INDEX occurrences_name_file_role ON occurrences(name_id, file_id, role);
CREATE INDEX symbols_file_name ON symbols(file_id, name);
`,
};
