// A changed file's symbols meet its stored ones by FQN, as its chunks do by start line (fileChunks.ts): a symbol whose
// row is unchanged keeps it and its word row, one that only moved gets its new lines, the rest are rewritten. Rewriting
// an unchanged symbol updated four indexes and deleted and inserted its word row: on the Go tree a branch switch that
// changed a third of the files spent 5.1 of its writer's 12.2 s there. A file whose hash was forgotten (an older
// analysis) rewrites every symbol: its word rows may be derived the old way. A unit the upsert would not change is not
// written either.
import type { WriteDb } from '../connection.js';

export interface StoredSymbol {
  id: number;
  fqn: string;
  parent_id: number | null;
  kind: string;
  name: string;
  start_line: number;
  end_line: number;
  signature: string;
  doc: string | null;
  modifiers: string;
  body_hash: string;
  forgotten: number;
}

/** A stored text unit, by the vector id the upsert conflicts on. */
export interface StoredUnit {
  symbol_id: number | null;
  content_hash: string;
  text_in_file: number;
}

/** What a symbol's new fields are held against. */
export interface SymbolFields {
  parentId: number | null;
  kind: string;
  name: string;
  startLine: number;
  endLine: number;
  signature: string;
  doc: string | null;
  modifiersJson: string;
  bodyHash: string;
}

/** 'same': nothing to write; 'moved': only its lines; 'changed': the row and its word row. */
export type SymbolChange = 'same' | 'moved' | 'changed';

export function symbolChange(old: StoredSymbol, next: SymbolFields): SymbolChange {
  const kept = !old.forgotten && old.parent_id === next.parentId && old.kind === next.kind && old.name === next.name
    && old.signature === next.signature && old.doc === next.doc && old.modifiers === next.modifiersJson && old.body_hash === next.bodyHash;
  if (!kept) return 'changed';
  return old.start_line === next.startLine && old.end_line === next.endLine ? 'same' : 'moved';
}

/** Whether the upsert would leave the stored unit of the same vector id as it is: same text and symbol, storing no more. */
export function unitKept(stored: StoredUnit | undefined, id: number, unit: { contentHash: string; textForm: number }): boolean {
  return stored !== undefined && stored.symbol_id === id && stored.content_hash === unit.contentHash && stored.text_in_file >= unit.textForm;
}

export class StoredSymbols {
  private readonly stored;
  private readonly storedUnits;

  constructor(db: WriteDb) {
    this.stored = db.prepare<[number, string], StoredSymbol>(
      `SELECT s.id, s.fqn, s.parent_id, s.kind, s.name, s.start_line, s.end_line, s.signature, s.doc, s.modifiers, s.body_hash,
         f.content_hash = '' AS forgotten
       FROM files f JOIN symbols s ON s.file_id = f.id WHERE f.repo_id = ? AND f.path = ?`);
    // By vector id, whose unique index is never dropped: units by symbol id is a bulk load's deferred index (bulkLoad.ts).
    this.storedUnits = db.prepare<[string], StoredUnit & { vector_id: string }>(
      'SELECT vector_id, symbol_id, content_hash, text_in_file FROM text_units WHERE vector_id IN (SELECT value FROM json_each(?))');
  }

  /** The file's stored symbols by FQN; read before its row is rewritten (which sets a new hash). */
  byFqn(repoId: number, relPath: string): Map<string, StoredSymbol> {
    return new Map(this.stored.all(repoId, relPath).map((row) => [row.fqn, row]));
  }

  /** The stored units of these vector ids, by vector id. */
  units(vectorIds: readonly string[]): Map<string, StoredUnit> {
    return new Map(vectorIds.length === 0 ? [] : this.storedUnits.all(JSON.stringify(vectorIds)).map((row) => [row.vector_id, row]));
  }
}
