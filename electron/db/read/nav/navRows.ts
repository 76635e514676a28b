// Every query the navigation verbs run, prepared once per read connection: files, symbols by name or
// FQN, occurrences by position, name or symbol, a file's import bindings of a name, line text from chunks.
import type { EntryPointRow, SymbolKind } from '../../../../shared/types.js';
import type { ReadDb } from '../../connection.js';
import { forEachPlace } from '../../occurrencePlaces.js';
import { KeptRows } from './keptRows.js';
import { symbolFqnIs } from '../symbolKeys.js';

export interface NavFile {
  id: number;
  path: string;
  language: string | null;
  lineCount: number;
}

export interface NavSymbol {
  id: number;
  fqn: string;
  name: string;
  kind: SymbolKind;
  parentId: number | null;
  fileId: number;
  path: string;
  language: string | null;
  startLine: number;
  endLine: number;
  signature: string;
}

export interface NavOccurrence {
  fileId: number;
  path: string;
  language: string | null;
  line: number;
  col: number;
  name: string;
  /** Index into OCCURRENCE_ROLES. */
  role: number;
  symbolId: number | null;
  qualifier: string | null;
}

/** An occurrence as the references scan reads it: file id, line, column, role, enclosing symbol id, qualifier name id. */
export type ScannedRow = [number, number, number, number, number | null, number | null];

/** A definition occurrence as the resolver reads it: line, column, enclosing symbol id, qualifier (type hint) name id. */
export type DefinitionRow = [number, number, number | null, number | null];

/** Interned names kept in memory per connection (the 10,000-file latency corpus has 251,000). */
const NAMES_KEPT = 200_000;

/** Files (a name's packed places in each) a references scan reads at a time. */
const SCAN_PAGE = 256;

const DEFINITION = 0;
const CALL = 2;
const IMPORT = 3;

/** A character of an identifier (a name's place starts at its first, or at a private name's `#`). */
const NAME_CHAR = /[\p{L}\p{N}_$]/u;

/** A name's packed places in one file. */
type PlacesRow = [fileId: number, places: Uint8Array];

export interface NavImport {
  local: string;
  imported: string | null;
  source: string;
  /** Where the binding is written (1-based); 0 when made up from another binding (a wildcard's name). */
  line: number;
}

export interface NavExternal {
  kind: string;
  client: string;
  target: string | null;
  line: number;
}

// Without the doc comment (300 characters on average, up to 33,000): resolving reads thousands of symbols, answers show a few.
const SYMBOL_COLUMNS = `s.id, s.fqn, s.name, s.kind, s.parent_id AS parentId, s.file_id AS fileId, f.path, f.language, s.start_line AS startLine,
  s.end_line AS endLine, s.signature`;

/** A page of files from a file on, each with the name's places: a references scan stops when it has enough. It seeks
 * occurrences_name_file (test/unit/db/bulkLoad.test.ts checks the plan) without naming it: a first index builds it last. */
export const OCCURRENCE_PAGE_SQL = `SELECT o.file_id, o.places FROM occurrences o JOIN files f ON f.id = o.file_id
  WHERE o.name_id = ? AND o.file_id >= ? AND f.repo_id = ? ORDER BY o.file_id LIMIT ?`;

export class NavRows {
  private readonly s;

  constructor(readonly db: ReadDb) {
    this.s = {
      file: db.prepare<[number, string], NavFile>('SELECT id, path, language, line_count AS lineCount FROM files WHERE repo_id = ? AND path = ?'),
      fileById: db.prepare<[number], NavFile>('SELECT id, path, language, line_count AS lineCount FROM files WHERE id = ?'),
      filePaths: db.prepare<[number], { id: number; path: string; language: string | null }>('SELECT id, path, language FROM files WHERE repo_id = ?'),
      repoIds: db.prepare<[], number>('SELECT id FROM repos ORDER BY id').pluck(),
      repoPath: db.prepare<[number], string>('SELECT path FROM repos WHERE id = ?').pluck(),
      nameId: db.prepare<[string], number>('SELECT id FROM names WHERE name = ?').pluck(),
      nameById: db.prepare<[number], string>('SELECT name FROM names WHERE id = ?').pluck(),
      occurrencePage: db.prepare<[number, number, number, number], PlacesRow>(OCCURRENCE_PAGE_SQL).raw(true),
      places: db.prepare<[number, number], Uint8Array>('SELECT places FROM occurrences WHERE file_id = ? AND name_id = ?').pluck(),
      hasOccurrences: db.prepare<[number], number>('SELECT 1 FROM occurrences WHERE file_id = ? LIMIT 1').pluck(),
      innermostFunction: db.prepare<[number, number, number], NavSymbol>(
        `SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id
         WHERE s.file_id = ? AND s.start_line <= ? AND s.end_line >= ? AND s.kind IN ('function', 'method', 'constructor')
         ORDER BY s.start_line DESC LIMIT 1`),
      placesNamed: db.prepare<[number, string], Uint8Array>(
        'SELECT o.places FROM names n JOIN occurrences o ON o.file_id = ? AND o.name_id = n.id WHERE n.name = ?').pluck(),
      // Name ids, not names: a position needs the text of one name of the file's hundreds (from the cache).
      filePlaces: db.prepare<[number], PlacesRow>('SELECT name_id, places FROM occurrences WHERE file_id = ?').raw(true),
      symbolsNamed: db.prepare<[number, string], NavSymbol>(
        `SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.repo_id = ? AND s.name = ? LIMIT 2000`),
      symbolsByFqn: db.prepare<[{ repo: number; fqn: string }], NavSymbol>(
        `SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.repo_id = @repo AND ${symbolFqnIs('s', '@fqn')}`),
      symbolDoc: db.prepare<[number], string | null>('SELECT doc FROM symbols WHERE id = ?').pluck(),
      symbolById: db.prepare<[number], NavSymbol>(`SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.id = ?`),
      members: db.prepare<[number, string], NavSymbol>(`SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.parent_id = ? AND s.name = ?`),
      fields: db.prepare<[number], NavSymbol>(`SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.parent_id = ? AND s.kind = 'field'`),
      filesNaming: db.prepare<[number, number], number>(
        'SELECT o.file_id FROM occurrences o JOIN files f ON f.id = o.file_id WHERE o.name_id = ? AND f.repo_id = ?').pluck(),
      methods: db.prepare<[number], NavSymbol>(`SELECT ${SYMBOL_COLUMNS} FROM symbols s JOIN files f ON f.id = s.file_id WHERE s.parent_id = ? AND s.kind = 'method'`),
      // The planner, without statistics, would read the whole file's symbols (or occurrences) in line order instead.
      fileSymbolsNamed: db.prepare<[number, string], NavSymbol>(
        `SELECT ${SYMBOL_COLUMNS} FROM symbols s INDEXED BY symbols_file_name JOIN files f ON f.id = s.file_id WHERE s.file_id = ? AND s.name = ? ORDER BY s.start_line`),
      bindings: db.prepare<[number, string], NavImport>(
        `SELECT l.name AS local, m.name AS imported, i.source, i.line FROM imports i JOIN names l ON l.id = i.local_id LEFT JOIN names m ON m.id = i.imported_id
         WHERE i.file_id = ? AND i.local_id IN (SELECT id FROM names WHERE name IN (?, '*')) ORDER BY i.rowid`),
      importsSource: db.prepare<[number, string], number>('SELECT 1 FROM imports WHERE file_id = ? AND source = ? LIMIT 1').pluck(),
      externals: db.prepare<[number], NavExternal>('SELECT kind, client, target, line FROM external_calls WHERE symbol_id = ? ORDER BY line'),
      chunk: db.prepare<[number, number], { start_line: number; text: string }>(
        'SELECT start_line, text FROM chunks WHERE file_id = ? AND start_line <= ? ORDER BY start_line DESC LIMIT 1'),
      entryPoints: db.prepare<[number], EntryPointRow & { symbolId: number | null; fileId: number }>(
        `SELECT e.id, e.kind, e.framework, e.method, e.path, e.schedule, e.queue, COALESCE(s.fqn, e.handler) AS symbol, f.path AS file, e.line,
           e.symbol_id AS symbolId, e.file_id AS fileId
         FROM entry_points e JOIN files f ON f.id = e.file_id LEFT JOIN symbols s ON s.id = e.symbol_id WHERE e.repo_id = ? ORDER BY e.id`),
      treeFiles: db.prepare<[number, string, string], { path: string; language: string | null; symbols: number }>(
        `SELECT f.path, f.language, (SELECT count(*) FROM symbols s WHERE s.file_id = f.id) AS symbols
         FROM files f WHERE f.repo_id = ? AND f.path >= ? AND f.path < ?`),
      declaredPackages: db.prepare<[number], string>('SELECT DISTINCT name FROM packages WHERE file_id = ?').pluck(),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
  }

  file(repoId: number, path: string): NavFile | undefined {
    return this.s.file.get(repoId, path);
  }

  /** Whether the file had an occurrence pass that found a name (not so for languages without one, or text-only files). */
  hasOccurrences(fileId: number): boolean {
    return this.s.hasOccurrences.get(fileId) !== undefined;
  }

  /** The innermost function, method or constructor whose lines hold `line`. */
  innermostFunction(fileId: number, line: number): NavSymbol | undefined {
    return this.s.innermostFunction.get(fileId, line, line);
  }

  fileById(id: number): NavFile | undefined {
    return this.kept.files.get(id, () => this.s.fileById.get(id) ?? null) ?? undefined;
  }

  filePaths(repoId: number): Array<{ id: number; path: string; language: string | null }> {
    return this.s.filePaths.all(repoId);
  }

  repoIds(): number[] {
    return this.s.repoIds.all();
  }

  /** The repo's folder, absolute. */
  repoPath(repoId: number): string | null {
    return this.s.repoPath.get(repoId) ?? null;
  }

  /** Symbols named exactly `name` (the column folds case; this does not). */
  symbolsNamed(repoId: number, name: string): NavSymbol[] {
    return this.kept.named.get(`${repoId}\0${name}`, () => this.s.symbolsNamed.all(repoId, name).filter((s) => s.name === name));
  }

  symbolsByFqn(repoId: number, fqn: string): NavSymbol[] {
    return this.s.symbolsByFqn.all({ repo: repoId, fqn });
  }

  symbolById(id: number): NavSymbol | undefined {
    return this.kept.symbols.get(id, () => this.s.symbolById.get(id) ?? null) ?? undefined;
  }

  /** A symbol's doc comment, read for the few symbols an answer shows. */
  symbolDoc(id: number): string | null {
    return this.s.symbolDoc.get(id) ?? null;
  }

  members(parentId: number, name: string): NavSymbol[] {
    return this.kept.members.get(`${parentId}\0${name}`, () => this.s.members.all(parentId, name).filter((s) => s.name === name));
  }

  /** A struct's or class's fields (Go: embedded ones are named after their type). */
  fields(parentId: number): NavSymbol[] {
    return this.s.fields.all(parentId);
  }

  /** The repo's files where a name occurs (the `(name_id, file_id)` index: one row a file). */
  filesNaming(repoId: number, name: string): number[] {
    const nameId = this.nameId(name);
    return nameId === undefined ? [] : this.s.filesNaming.all(nameId, repoId);
  }

  /** The methods a symbol declares (a Go interface's method set). */
  methods(parentId: number): NavSymbol[] {
    return this.s.methods.all(parentId);
  }

  /** The import occurrence of `name` on a line (where an import binding's local name is written). */
  importAt(fileId: number, line: number, name: string): NavOccurrence | undefined {
    return this.occurrencesOf(fileId, name, (l, _c, role) => (l > line ? 'stop' : l === line && role === IMPORT))[0];
  }

  fileSymbolsNamed(fileId: number, name: string): NavSymbol[] {
    return this.kept.fileSymbols.get(`${fileId}\0${name}`, () => this.s.fileSymbolsNamed.all(fileId, name).filter((s) => s.name === name));
  }

  /** The occurrence starting at or before the column on that line (the caller checks that it covers the column). */
  occurrenceBefore(fileId: number, line: number, col: number): NavOccurrence | undefined {
    const file = this.fileById(fileId);
    if (!file) return undefined;
    const named = this.occurrenceOfNameAt(file, line, col);
    if (named) return named;
    let best: [nameId: number, col: number, role: number, symbolId: number | null, qualifierId: number | null] | undefined;
    // Every name of the file: each blob is read up to the line, and the place nearest before the column wins.
    for (const [nameId, places] of this.s.filePlaces.iterate(fileId)) {
      forEachPlace(places, (l, c, role, symbolId, qualifierId) => {
        if (l > line) return false;
        if (l === line && c <= col && (!best || c > best[1])) best = [nameId, c, role, symbolId, qualifierId];
        return true;
      });
    }
    const name = best && this.nameById(best[0]);
    return best && name !== undefined ? this.occurrence(file, name, line, best[1], best[2], best[3], best[4]) : undefined;
  }

  /**
   * The occurrence of the name written under the column, from that name's places alone (a file has hundreds of
   * names); undefined when the line's text does not show one there, and the caller reads the whole line's places.
   */
  private occurrenceOfNameAt(file: NavFile, line: number, col: number): NavOccurrence | undefined {
    const text = this.lineText(file.id, line);
    const at = col - 1;
    if (text === null || at < 0 || at >= text.length || !NAME_CHAR.test(text[at]!)) return undefined;
    let start = at;
    while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
    if (start > 0 && text[start - 1] === '#') start--;
    let end = at + 1;
    while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
    const name = text.slice(start, end);
    const nameId = this.nameId(name);
    const places = nameId === undefined ? undefined : this.s.places.get(file.id, nameId);
    if (!places) return undefined;
    let found: NavOccurrence | undefined;
    forEachPlace(places, (l, c, role, symbolId, qualifierId) => {
      if (l === line && c === start + 1) found = this.occurrence(file, name, l, c, role, symbolId, qualifierId);
      return l <= line && !found;
    });
    return found;
  }

  // Names are interned once and never deleted: an id and its text stay paired for the connection's life, across requests.
  private readonly nameIds = new Map<string, number>();
  private readonly nameTexts = new Map<number, string>();

  /** The interned id of a name; undefined when no occurrence or import carries it yet. */
  nameId(name: string): number | undefined {
    const known = this.nameIds.get(name);
    if (known !== undefined) return known;
    const id = this.s.nameId.get(name);
    if (id !== undefined) this.remember(id, name);
    return id;
  }

  nameById(id: number): string | undefined {
    const known = this.nameTexts.get(id);
    if (known !== undefined) return known;
    const name = this.s.nameById.get(id);
    if (name !== undefined) this.remember(id, name);
    return name;
  }

  private remember(id: number, name: string): void {
    if (this.nameTexts.size >= NAMES_KEPT) {
      this.nameTexts.clear();
      this.nameIds.clear();
    }
    this.nameTexts.set(id, name);
    this.nameIds.set(name, id);
  }

  /**
   * A name's occurrences in the repo, file by file in place order, read a page at a time: a scan that stops early
   * (enough exact uses) never reads the rest. Each batch holds all of its file's rows, but for the last one when
   * `cap` rows have been given (`complete` false).
   */
  *occurrenceBatchesNamed(repoId: number, nameId: number, cap: number): Generator<{ fileId: number; rows: ScannedRow[]; complete: boolean }> {
    let fromFile = 0;
    let given = 0;
    while (given < cap) {
      const page = this.s.occurrencePage.all(nameId, fromFile, repoId, SCAN_PAGE);
      for (const [fileId, places] of page) {
        const rows: ScannedRow[] = [];
        const room = cap - given;
        forEachPlace(places, (line, col, role, symbolId, qualifierId) => rows.push([fileId, line, col, role, symbolId, qualifierId]) < room);
        given += rows.length;
        // The file the cap cuts may be missing rows.
        yield { fileId, rows, complete: given < cap };
        if (given >= cap) return;
      }
      if (page.length < SCAN_PAGE) return;
      fromFile = page[page.length - 1]![0] + 1;
    }
  }

  /** A file's definitions of a name, as integers (the resolver fills in the file and the qualifier's text from its caches). */
  definitionRows(fileId: number, nameId: number): DefinitionRow[] {
    return this.kept.definitions.get(`${fileId}\0${nameId}`, () => this.readDefinitionRows(fileId, nameId));
  }

  private readDefinitionRows(fileId: number, nameId: number): DefinitionRow[] {
    const places = this.s.places.get(fileId, nameId);
    const rows: DefinitionRow[] = [];
    if (places) forEachPlace(places, (line, col, role, symbolId, qualifierId) => void (role === DEFINITION && rows.push([line, col, symbolId, qualifierId])));
    return rows;
  }

  occurrencesNamedInFile(fileId: number, name: string): NavOccurrence[] {
    return this.occurrencesOf(fileId, name, () => true);
  }

  fileDefinitionsNamed(fileId: number, name: string): NavOccurrence[] {
    return this.occurrencesOf(fileId, name, (_l, _c, role) => role === DEFINITION);
  }

  callsIn(fileId: number, startLine: number, endLine: number): NavOccurrence[] {
    const file = this.fileById(fileId);
    if (!file) return [];
    const calls: NavOccurrence[] = [];
    for (const [nameId, places] of this.s.filePlaces.iterate(fileId)) {
      let name: string | undefined;
      forEachPlace(places, (line, col, role, symbolId, qualifierId) => {
        if (line > endLine) return false;
        if (line >= startLine && role === CALL && (name ??= this.nameById(nameId)) !== undefined) calls.push(this.occurrence(file, name, line, col, role, symbolId, qualifierId));
        return true;
      });
    }
    return calls.sort((a, b) => a.line - b.line || a.col - b.col);
  }

  /** A file's places of one name, in place order, that `keep` accepts; 'stop' ends the read (the places after it are further down). */
  private occurrencesOf(fileId: number, name: string, keep: (line: number, col: number, role: number) => boolean | 'stop'): NavOccurrence[] {
    const places = this.s.placesNamed.get(fileId, name);
    const file = places && this.fileById(fileId);
    if (!places || !file) return [];
    const found: NavOccurrence[] = [];
    forEachPlace(places, (line, col, role, symbolId, qualifierId) => {
      const kept = keep(line, col, role);
      if (kept === true) found.push(this.occurrence(file, name, line, col, role, symbolId, qualifierId));
      return kept !== 'stop';
    });
    return found;
  }

  private occurrence(file: NavFile, name: string, line: number, col: number, role: number, symbolId: number | null, qualifierId: number | null): NavOccurrence {
    const qualifier = qualifierId === null ? null : (this.nameById(qualifierId) ?? null);
    return { fileId: file.id, path: file.path, language: file.language, line, col, name, role, symbolId, qualifier };
  }

  /** A file's imports that bind `local`, and its wildcard imports (`*`), in the file's order: what resolving one name needs of them. */
  bindings(fileId: number, local: string): NavImport[] {
    return this.kept.bindings.get(`${fileId}\0${local}`, () => this.s.bindings.all(fileId, local));
  }

  /** Whether a file imports from the module written `source` (`from .globals import g`: `.globals`). */
  importsFromSource(fileId: number, source: string): boolean {
    return this.s.importsSource.get(fileId, source) !== undefined;
  }

  externals(symbolId: number): NavExternal[] {
    return this.s.externals.all(symbolId);
  }

  /** Chunks split into lines by file, kept while the index is unchanged (a references answer reads many lines of the same chunks). */
  private chunkLines = new Map<number, Array<{ start: number; lines: string[] }>>();
  private chunkCount = 0;

  /**
   * Rows kept across requests (read-only: callers copy before changing a list). Bounded by rows held, so a worker
   * keeps at most a few tens of MiB of them.
   */
  private readonly kept = {
    // A references scan reads each file's row once per occurrence list: 1,000 files for a common name.
    files: new KeptRows<number, NavFile | null>(40_000),
    symbols: new KeptRows<number, NavSymbol | null>(40_000),
    named: new KeptRows<string, NavSymbol[]>(40_000, (rows) => rows.length),
    members: new KeptRows<string, NavSymbol[]>(20_000, (rows) => rows.length),
    fileSymbols: new KeptRows<string, NavSymbol[]>(40_000, (rows) => rows.length),
    bindings: new KeptRows<string, NavImport[]>(40_000, (rows) => rows.length),
    definitions: new KeptRows<string, DefinitionRow[]>(40_000, (rows) => rows.length),
  };

  private keptVersion: number | null = null;

  /**
   * Called as a request starts: when another connection has committed since the last one (a file re-indexed), the
   * rows and chunks kept from earlier requests are dropped, so no answer is read from a stale index.
   */
  beginRequest(): void {
    const version = this.dataVersion();
    if (version === this.keptVersion) return;
    this.keptVersion = version;
    for (const rows of Object.values(this.kept)) rows.clear();
    this.chunkLines = new Map();
    this.chunkCount = 0;
  }

  /** The text of one line, from the chunk that holds it; null past the end. */
  lineText(fileId: number, line: number): string | null {
    let kept = this.chunkLines.get(fileId);
    // A chunk already read that holds the line answers without a query (chunks of one file hold the same text where they overlap).
    const held = kept?.find((c) => c.start <= line && line < c.start + c.lines.length);
    if (held) return held.lines[line - held.start] ?? null;
    const chunk = this.s.chunk.get(fileId, line);
    if (!chunk) return null;
    const split = { start: chunk.start_line, lines: chunk.text.split('\n') };
    if (++this.chunkCount > 512) {
      this.chunkLines.clear();
      this.chunkCount = 1;
      kept = undefined;
    }
    if (kept) kept.push(split);
    else this.chunkLines.set(fileId, [split]);
    return split.lines[line - split.start] ?? null;
  }

  /** The package names a manifest file (a Cargo.toml) declares as dependencies. */
  declaredPackages(fileId: number): string[] {
    return this.s.declaredPackages.all(fileId);
  }

  entryPoints(repoId: number): Array<EntryPointRow & { symbolId: number | null; fileId: number }> {
    return this.s.entryPoints.all(repoId);
  }

  /** Files at or below a folder ('' is the root), with their symbol counts. */
  filesUnder(repoId: number, folder: string): Array<{ path: string; language: string | null; symbols: number }> {
    // '0' sorts right after '/': the range holds exactly the paths that start with `folder/`.
    return folder ? this.s.treeFiles.all(repoId, `${folder}/`, `${folder}0`) : this.s.treeFiles.all(repoId, '', '\uffff');
  }

  /** Changes whenever another connection commits: caches keyed by it never serve a stale index. */
  dataVersion(): number {
    return this.s.dataVersion.get() ?? 0;
  }
}
