// The languages the index holds files of: the engine warms their grammars in the parse workers at start.
import type { Language } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';

export function indexedLanguages(db: ReadDb): Language[] {
  return db.prepare<[], Language>('SELECT DISTINCT language FROM files WHERE language IS NOT NULL').pluck().all();
}
