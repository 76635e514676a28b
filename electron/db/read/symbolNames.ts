// The distinct symbol names, each with its lower-case form: symbol search's fuzzy pass reads them on most quick-open
// keystrokes (reading and lower-casing them each time took most of an 87 ms answer on the 10,679-file Go tree's
// 101,683 names), so they are kept while the index is unchanged.
import type { ReadDb } from '../connection.js';
import { KeptWhileUnchanged } from './keptWhileUnchanged.js';

export interface SymbolName {
  name: string;
  lower: string;
}

const NAMES = new KeptWhileUnchanged<SymbolName>(200_000, function* (db) {
  for (const name of db.prepare<[], string>('SELECT DISTINCT name FROM symbols').pluck().iterate()) yield { name, lower: name.toLowerCase() };
});

/** Every distinct symbol name. */
export const symbolNames = (db: ReadDb): Iterable<SymbolName> => NAMES.rows(db);
