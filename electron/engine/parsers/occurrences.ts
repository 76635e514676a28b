// The occurrence pass: every identifier tree-sitter sees, with its role (definition, reference, call,
// import, type use), its position (1-based line, UTF-16 column) and the symbol around it, plus the file's
// imports. One tree-sitter query per language (occurrenceRules.ts) runs inside the WASM runtime: walking
// every node from JavaScript cost twice the parse.
import type { Language } from '../../../shared/types.js';
import type { FileOccurrences, ParsedImport, ParsedSymbol } from '../../base/fileAnalysis.js';
import { DOTTED_PATH } from '../../base/identifiers.js';
import { ANONYMOUS_STRUCT, ATTRIBUTE_MARK, CALLBACK_PARAMETER, DOC_NAME, EXPRESSION_RECEIVER, KEYWORD_ARGUMENT, OCCURRENCE_ROLES, type OccurrenceRole } from '../../../shared/nav.js';
import { occurrencePatterns } from './occurrenceRules.js';
import { importsOf } from './occurrenceImports.js';
import { jsDocNames } from './jsDocNames.js';
import { compileQuery, type Query, type SyntaxNode } from './treeSitter.js';
import { CAPTURE_COLUMN, CAPTURE_NAME, CAPTURE_ROW, CAPTURE_SIZE, CAPTURE_START, MATCH_HEADER, captureNode, rawMatches } from './queryMatches.js';

const ROLE_INDEX = Object.fromEntries(OCCURRENCE_ROLES.map((r, i) => [r, i])) as Record<OccurrenceRole, number>;
/** Numbers per occurrence in `FileOccurrences.rows`. */
export const OCCURRENCE_STRIDE = 6;
/** A file with more is cut there (generated code): the index stays small and the write fast. */
const MAX_OCCURRENCES = 50_000;
const ROLE_BY_RANK = [ROLE_INDEX.reference, -1, ROLE_INDEX.definition, ROLE_INDEX.definition, ROLE_INDEX.call, ROLE_INDEX.type, ROLE_INDEX.reference];


const queries = new Map<Language, Promise<Query | null>>();

/** The language's occurrence query, compiled once per thread; null for a language without patterns. */
export function occurrenceQuery(language: Language): Promise<Query | null> {
  let query = queries.get(language);
  if (!query) {
    const patterns = occurrencePatterns(language);
    query = patterns ? compileQuery(language, patterns) : Promise.resolve(null);
    queries.set(language, query);
  }
  return query;
}

/**
 * What each capture name does, as a small number looked up once per capture (string compares and a keyed
 * object read per capture were a fifth of the pass). Below MEMBER: the rank (when one name is captured by
 * several patterns, the lowest wins: a definition is no reference).
 */
const CAPTURE = new Map<string, number>([
  ['field', 0], ['skip', 1], ['def', 2], ['attr', 3], ['call', 4], ['type', 5], ['ref', 6],
  ['member', 7], ['qual', 8], ['qualpath', 9], ['qualchain', 10], ['hint', 11], ['hintcall', 12], ['hintvar', 13],
  ['import', 14], ['require', 15], ['exclude', 16], ['typectx', 17], ['fn', 18], ['qualtype', 19], ['redecl', 20], ['declared', 21], ['scope', 22], ['qualcall', 23], ['kwarg', 24], ['hintarg', 25],
]);
/** Capture index → CAPTURE code (-1 for a name not listed), per compiled query. */
const codesOf = new WeakMap<Query, Int8Array>();
function captureCodes(query: Query): Int8Array {
  let codes = codesOf.get(query);
  if (!codes) {
    codes = Int8Array.from(query.captureNames, (name) => CAPTURE.get(name) ?? -1);
    codesOf.set(query, codes);
  }
  return codes;
}
const RANK_REF = 6;
const MEMBER = 7;
const QUAL = 8;
const QUALPATH = 9;
const QUALCHAIN = 10;
const HINT = 11;
const HINTCALL = 12;
const IMPORT = 14;
const REQUIRE = 15;
const EXCLUDE = 16;
const TYPECTX = 17;
const FN = 18;
const QUALTYPE = 19;
const REDECL = 20;
const DECLARED = 21;
const SCOPE = 22;
const QUALCALL = 23;
const KWARG = 24;
const HINTARG = 25;
/** The rank of a @field: a use whose qualifier (a type, a callee) says where to look it up. */
const RANK_FIELD = 0;
const RANK_SKIP = 1;
const RANK_DEF = 2;
const RANK_ATTR = 3;
/** At most this many names per file (the cut a sort key of position * SLOTS + slot once needed; kept: the same rows). */
const SLOTS = 2 ** 21;
/** A doc comment's function starts at most this many lines below it. */
const DOC_TO_SYMBOL_LINES = 4;
const FUNCTION_KINDS = new Set(['function', 'method', 'constructor']);

/**
 * The names captured so far, one slot each in parallel typed arrays (no object per name: nodes die young, and
 * so should everything made per capture), found again by their start index.
 */
class Captured {
  /** Slot + 1 of the name starting at each source index, 0 for none: an array lookup, not a hash per capture. */
  readonly slotAt: Int32Array;
  private count = 0;
  readonly start: Int32Array;
  readonly row: Int32Array;
  readonly column: Int32Array;
  readonly rank: Int8Array;
  /** 1 when captured as @member: the name follows a dot, whatever its receiver. */
  readonly member: Uint8Array;
  readonly qualifier: Array<string | null> = [];
  /** A definition's type hint (see typeHint). */
  readonly hint: Array<string | null> = [];

  /** `capacity`: at least the number of captures to come. */
  constructor(sourceLength: number, capacity: number) {
    this.slotAt = new Int32Array(sourceLength + 1);
    const size = Math.min(capacity, SLOTS);
    this.start = new Int32Array(size);
    this.row = new Int32Array(size);
    this.column = new Int32Array(size);
    this.rank = new Int8Array(size);
    this.member = new Uint8Array(size);
  }

  add(at: number, row: number, column: number, code: number, qualifier: string | null, hint: string | null): void {
    const rank = code === MEMBER ? RANK_REF : code;
    const ownHint = code === RANK_DEF || code === RANK_ATTR ? hint : null;
    const slot = (this.slotAt[at] ?? 0) - 1;
    if (slot < 0) {
      const next = this.count;
      if (next >= this.row.length || at >= this.slotAt.length) return;
      this.count = next + 1;
      this.slotAt[at] = next + 1;
      this.start[next] = at;
      this.row[next] = row;
      this.column[next] = column;
      this.rank[next] = rank;
      this.member[next] = code === MEMBER ? 1 : 0;
      this.qualifier.push(code === RANK_DEF ? null : qualifier);
      this.hint.push(ownHint);
      return;
    }
    if (rank < this.rank[slot]!) this.rank[slot] = rank;
    if (code !== RANK_DEF && this.qualifier[slot] === null) this.qualifier[slot] = qualifier;
    if (this.hint[slot] === null) this.hint[slot] = ownHint;
    if (code === MEMBER) this.member[slot] = 1;
  }

  /** Start indexes of the names in document order (each start has one slot): a typed-array sort, no comparator calls. */
  ordered(): Int32Array {
    return this.start.slice(0, this.count).sort();
  }
}

/** Built-in types are defined nowhere in the repo: no hint and no type-use row for them (fewer rows, same answers). */
const BUILTIN_TYPES = new Set(['string', 'number', 'boolean', 'any', 'unknown', 'void', 'never', 'object', 'bigint', 'symbol', 'str', 'int', 'float',
  'bool', 'bytes', 'dict', 'list', 'tuple', 'set', 'None', 'error', 'byte', 'rune', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16',
  'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128', 'map', 'chan', 'func', 'interface', 'struct', 'var',
  // C's standard types (`<stdint.h>`, `<stddef.h>`), on nearly every line of C.
  'char', 'double', 'short', 'long', 'size_t', 'ssize_t', 'ptrdiff_t', 'int8_t', 'int16_t', 'int32_t', 'int64_t', 'uint8_t', 'uint16_t', 'uint32_t',
  'uint64_t', 'intptr_t', 'uintptr_t', 'FILE', 'va_list', 'signed', 'unsigned', 'auto', 'std']);

/**
 * A type as written → the name to look up: `*pkg.T[X]` → `pkg.T`, `"Flask"` → `Flask`, `Optional[T]` →
 * `T`; null for what names no single type (a slice, a map, a union, a function type).
 */
export function typeHint(text: string): string | null {
  // A C tag is looked up by its name (`struct Stack` → `Stack`), a C++ type by its last name (`leveldb::Slice` → `Slice`).
  // A Go slice, array or map stands for its element (`[]*Route`, `map[string]Opts`): what ranging over it gives.
  let t = text.trim().replace(/^["'](.*)["']$/su, '$1').trim().replace(/^(?:\[[^\]]*\]|map\[[^\]]*\])+/u, '').replace(/^[&*]+/u, '')
    .replace(/^(?:struct|union|enum|class)\s+(?=[\p{L}_])/u, '').replace(/^(?:[\p{L}_][\p{L}\p{N}_]*::)+(?=[\p{L}_])/u, '');
  const optional = /^(?:t\.|typing\.)?Optional\[(.+)\]$/su.exec(t);
  if (optional?.[1]) t = optional[1].trim().replace(/^["'](.*)["']$/su, '$1');
  t = t.replace(/\s*\|\s*(?:None|null|undefined)$/u, '').replace(/[<[].*$/su, '');
  return DOTTED_PATH.test(t) && !BUILTIN_TYPES.has(t) ? t : null;
}

/** A receiver path as a qualifier (`self.app.config`; C: `self->lexer.data`), spaces and line breaks dropped; null when it is no plain path. */
function pathAt(node: SyntaxNode): string | null {
  // C reaches a field through a pointer with `->`: the same step as `.` for the path.
  const text = node.text.replace(/\s+/gu, '').replace(/->/gu, '.');
  return DOTTED_PATH.test(text) ? text : null;
}

/** Steps of a Java call chain a path is built from; deeper chains are not inferred anyway. */
const CHAIN_DEPTH = 4;

/**
 * Java: the receiver of a call chain as a path whose `()` steps are call results: `new Owner().name("x")`
 * → `Owner.name()`, `svc.find(id)` → `svc.find()`; null when a step is anything else.
 */
function chainAt(node: SyntaxNode, depth = 0): string | null {
  if (depth > CHAIN_DEPTH) return null;
  if (node.type === 'identifier' || node.type === 'this') return node.text;
  if (node.type === 'object_creation_expression') {
    const type = typeHint(node.childForFieldName('type')?.text ?? '');
    return type && !type.includes('.') ? type : null;
  }
  if (node.type !== 'method_invocation') return null;
  const name = node.childForFieldName('name')?.text;
  const object = node.childForFieldName('object');
  if (!name) return null;
  if (!object) return `${name}()`;
  const before = chainAt(object, depth + 1);
  return before ? `${before}.${name}()` : null;
}

/** Go: the lines of the anonymous struct a type is or holds (`struct{…}`, `[]struct{…}`, `map[K]*struct{…}`) as `{first-last}`, else null. */
function anonymousStruct(node: SyntaxNode): string | null {
  let n: SyntaxNode | null = node;
  for (let depth = 0; n && depth < 4; depth++) {
    if (n.type === 'struct_type') return `${ANONYMOUS_STRUCT}${n.startPosition.row + 1}-${n.endPosition.row + 1}}`;
    n = n.type === 'slice_type' || n.type === 'array_type' ? n.childForFieldName('element')
      : n.type === 'map_type' ? n.childForFieldName('value') : n.type === 'pointer_type' ? n.namedChild(0) : null;
  }
  return null;
}

/** A type as a hint: an anonymous struct by its lines, else the type it names. */
function typeNodeHint(node: SyntaxNode): string | null {
  const text = node.text;
  return /^(?:[[*]|map\[|struct\b)/u.test(text) ? (anonymousStruct(node) ?? typeHint(text)) : typeHint(text);
}

/** The hint a capture gives: a type (`T`), a call's result (`F()`), a variable's type (`=v`). */
function hintOf(code: number, node: SyntaxNode): string | null {
  if (code === HINT) return typeNodeHint(node);
  const text = node.text;
  if (!DOTTED_PATH.test(text)) return null;
  return code === HINTCALL ? `${text}()` : `=${text}`;
}

/**
 * An untyped parameter of a function passed as an argument (`new Observable((subscriber) => …)`): `^`, the path called,
 * the argument's index and the parameter's (`^Observable:0:0`); null when the callee is no plain path.
 */
function callbackHint(name: SyntaxNode): string | null {
  const param = name.parent?.type === 'required_parameter' || name.parent?.type === 'optional_parameter' ? name.parent : name;
  let fn = param.parent;
  let paramIndex = 0;
  if (fn?.type === 'formal_parameters') {
    paramIndex = argumentIndex(fn, param);
    fn = fn.parent;
  }
  const args = fn?.parent;
  const call = args?.type === 'arguments' ? args.parent : null;
  if (!fn || !args || !call || paramIndex < 0) return null;
  const argIndex = argumentIndex(args, fn);
  const callee = call.type === 'call_expression' ? call.childForFieldName('function') : call.type === 'new_expression' ? call.childForFieldName('constructor') : null;
  const path = callee && pathAt(callee);
  return path && argIndex >= 0 ? `${CALLBACK_PARAMETER}${path}:${argIndex}:${paramIndex}` : null;
}

/** Where `child` stands among a list's items (arguments, parameters), comments left out; -1 when not there. */
function argumentIndex(list: SyntaxNode, child: SyntaxNode): number {
  return list.namedChildren.filter((c) => c !== null && c.type !== 'comment').findIndex((c) => c?.startIndex === child.startIndex);
}

/** Interns names and collects rows; the enclosing symbol is looked up by line. */
class Collector {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Rows so far, OCCURRENCE_STRIDE numbers each: indexed writes (a push of six numbers cost more than the rest of `add`). */
  private buffer = new Int32Array(OCCURRENCE_STRIDE * 1024);
  private length = 0;
  /** The innermost symbol on each line (index into `symbols`), -1 for none. */
  private readonly owner: Int32Array;
  private readonly startingAt = new Map<number, number[]>();

  constructor(private readonly symbols: readonly ParsedSymbol[], lineCount: number) {
    this.owner = new Int32Array(lineCount + 2).fill(-1);
    // Outer symbols first, so inner ones overwrite their lines.
    const order = symbols.map((_, i) => i).sort((a, b) => (symbols[b]!.endLine - symbols[b]!.startLine) - (symbols[a]!.endLine - symbols[a]!.startLine));
    for (const i of order) {
      const s = symbols[i]!;
      for (let line = s.startLine; line <= Math.min(s.endLine, lineCount + 1); line++) this.owner[line] = i;
      const list = this.startingAt.get(s.startLine);
      if (list) list.push(i);
      else this.startingAt.set(s.startLine, [i]);
    }
  }

  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  /** The innermost class-like symbol around a line (index), -1 for none. */
  classAt(line: number): number {
    for (let i = this.owner[line] ?? -1; i >= 0; i = this.symbols[i]?.parent ?? -1) if (this.symbols[i]?.kind === 'class') return i;
    return -1;
  }

  /** The symbol around a line; a definition's (or import's) own symbol gives way to its parent (a method's name belongs to its class). */
  enclosing(line: number, name: string, role: number): number {
    const index = this.owner[line] ?? -1;
    if (role !== ROLE_INDEX.definition && role !== ROLE_INDEX.import) return index;
    for (let i = index; i >= 0; i = this.symbols[i]?.parent ?? -1) {
      const s = this.symbols[i]!;
      if (s.name === name) return s.parent ?? -1;
    }
    // A Go method declared outside its type's range: its name is still its own definition.
    for (const i of this.startingAt.get(line) ?? []) if (this.symbols[i]?.name === name) return this.symbols[i]?.parent ?? -1;
    return index;
  }

  /** The first function-like symbol starting within a few lines after `line` (a doc comment's: decorators may sit between). */
  symbolAfter(line: number): number {
    for (let next = line + 1; next <= line + DOC_TO_SYMBOL_LINES; next++) {
      const found = this.startingAt.get(next)?.find((i) => FUNCTION_KINDS.has(this.symbols[i]!.kind));
      if (found !== undefined) return found;
    }
    return -1;
  }

  /** `symbol`: the enclosing symbol when not the one around the line (a `@param` name belongs to the function below its comment). */
  add(line: number, col: number, name: string, role: number, qualifier: string | null, symbol?: number): boolean {
    const at = this.length;
    if (at >= MAX_OCCURRENCES * OCCURRENCE_STRIDE) return false;
    if (at + OCCURRENCE_STRIDE > this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    const b = this.buffer;
    b[at] = line;
    b[at + 1] = col;
    b[at + 2] = this.intern(name);
    b[at + 3] = role;
    b[at + 4] = symbol ?? this.enclosing(line, name, role);
    b[at + 5] = qualifier === null ? -1 : this.intern(qualifier);
    this.length = at + OCCURRENCE_STRIDE;
    return true;
  }

  /** The rows so far (a view, valid until the next add). */
  rows(): Int32Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Identifier occurrences and imports of one parsed file (`query` from occurrenceQuery); null without a query. */
export function extractOccurrences(language: Language, query: Query | null, root: SyntaxNode, source: string, symbols: readonly ParsedSymbol[]): FileOccurrences | null {
  if (!query) return null;
  const out = new Collector(symbols, root.endPosition.row + 1);
  const imports: ParsedImport[] = [];
  /** [start, end) of subtrees whose names are not walked (imports, package clauses), and of type annotations. */
  const excluded: Array<[number, number]> = [];
  const typeContexts: Array<[number, number]> = [];
  const importNodes: SyntaxNode[] = [];
  const codes = captureCodes(query);
  /** Go: (name's start, its block's start, REDECL or DECLARED) per variable a block declares, for redeclaredIn. */
  const declarations: number[] = [];
  // Matches as numbers (queryMatches.ts): a Node is made only for a capture whose text or extent is read.
  const data = rawMatches(query, root);
  const found = new Captured(source.length, data.length / CAPTURE_SIZE);
  for (let match = 0; match < data.length; ) {
    const first = match + MATCH_HEADER;
    const end = first + data[match + 1]! * CAPTURE_SIZE;
    match = end;
    let qualifier: string | null = null;
    let hint: string | null = null;
    let scope = -1;
    // A match of one capture (most: the catch-alls) has no qualifier or hint beside it.
    if (end - first > CAPTURE_SIZE) {
      for (let c = first; c < end; c += CAPTURE_SIZE) {
        const code = codes[data[c + CAPTURE_NAME]!]!;
        if (code === QUAL) qualifier = nameAt(source, data[c + CAPTURE_START]!);
        else if (code === QUALPATH) qualifier = pathAt(captureNode(root, data, c));
        else if (code === QUALCHAIN) qualifier = chainAt(captureNode(root, data, c));
        else if (code === QUALTYPE) qualifier = typeNodeHint(captureNode(root, data, c));
        else if (code >= HINT && code < IMPORT) hint = hintOf(code, captureNode(root, data, c));
        else if (code === SCOPE) scope = data[c + CAPTURE_START]!;
        else if (code === HINTARG) hint = callbackHint(captureNode(root, data, c));
        else if (code === QUALCALL) {
          const path = pathAt(captureNode(root, data, c));
          qualifier = path === null ? null : KEYWORD_ARGUMENT + path;
        }
      }
    }
    for (let c = first; c < end; c += CAPTURE_SIZE) {
      const code = codes[data[c + CAPTURE_NAME]!]!;
      if (code >= 0 && code <= MEMBER) found.add(data[c + CAPTURE_START]!, data[c + CAPTURE_ROW]!, data[c + CAPTURE_COLUMN]!, code, qualifier, hint);
      else if (code === REDECL || code === DECLARED) declarations.push(data[c + CAPTURE_START]!, scope, code);
      // A keyword argument of a call whose callee is no plain path stays a name of nothing.
      else if (code === KWARG) found.add(data[c + CAPTURE_START]!, data[c + CAPTURE_ROW]!, data[c + CAPTURE_COLUMN]!, qualifier === null ? RANK_SKIP : RANK_FIELD, qualifier, hint);
      else if (code === IMPORT) importNodes.push(captureNode(root, data, c));
      else if (code === REQUIRE) {
        if (requiresCall(data, first, end, codes, root)) importNodes.push(captureNode(root, data, c));
      } else if (code === EXCLUDE || code === TYPECTX) {
        const node = captureNode(root, data, c);
        (code === EXCLUDE ? excluded : typeContexts).push([node.startIndex, node.endIndex]);
      }
    }
  }
  for (const node of importNodes) {
    const rows = importsOf(language, node);
    if (!rows) continue;
    excluded.push([node.startIndex, node.endIndex]);
    for (const imp of rows) {
      if (imp.row) imports.push(imp.row);
      for (const at of imp.names) out.add(at.line, at.col, at.name, ROLE_INDEX.import, null);
    }
  }
  const reassigned = declarations.length ? redeclaredIn(declarations, source) : null;
  if (language === 'typescript' || language === 'tsx' || language === 'javascript') {
    // The TypeScript service counts a doc comment's `{@link X}` and `@param x` as references.
    for (const doc of jsDocNames(source)) {
      const symbol = doc.param ? out.symbolAfter(doc.commentEndLine) : undefined;
      if (symbol === -1) continue;
      out.add(doc.line, doc.col, doc.name, ROLE_INDEX.reference, DOC_NAME + (doc.qualifier ?? ''), symbol);
    }
  }
  const inExcluded = sweep(excluded);
  const inTypeContext = sweep(typeContexts);
  /** `class index:name` of the attributes already defined: a later `self.x = …` is a use of the first. */
  const attributes = new Set<string>();
  const slotAt = found.slotAt;
  for (const at of found.ordered()) {
    const slot = slotAt[at]! - 1;
    const rank = found.rank[slot]!;
    if (rank === RANK_SKIP || inExcluded(at)) continue;
    let role = ROLE_BY_RANK[rank] ?? ROLE_INDEX.reference;
    if (inTypeContext(at) && role === ROLE_INDEX.reference) role = ROLE_INDEX.type;
    const name = nameAt(source, at);
    const captured = found.qualifier[slot]!;
    // A member whose receiver no name stands for is marked as such: never read as a plain name.
    if (role === ROLE_INDEX.definition && reassigned?.has(at)) role = ROLE_INDEX.reference;
    let qualifier = role === ROLE_INDEX.definition ? found.hint[slot]! : (captured ?? (found.member[slot] ? EXPRESSION_RECEIVER : null));
    if (rank === RANK_ATTR) {
      const owner = captured === 'self' ? out.classAt(found.row[slot]! + 1) : -1;
      const key = `${owner}:${name}`;
      if (owner < 0 || attributes.has(key)) {
        role = ROLE_INDEX.reference;
        qualifier = captured;
      } else {
        attributes.add(key);
        qualifier = ATTRIBUTE_MARK + (found.hint[slot] ?? '');
      }
    }
    if (!name || (role === ROLE_INDEX.type && BUILTIN_TYPES.has(name)) || (name === '_' && language === 'go')) continue;
    if (!out.add(found.row[slot]! + 1, found.column[slot]! + 1, name, role, qualifier)) break;
  }
  // Imports were added first: keep rows in document order, as the table's key is.
  return { names: out.names, rows: sortedRows(out.rows()), imports };
}

/**
 * Go: the starts of the `:=` names their block already declares (by an earlier `:=` or `var`, or as a parameter of the
 * function the block is the body of). Such a name is assigned, not declared: `b, err := g()` after `a, err := f()`.
 */
function redeclaredIn(declarations: number[], source: string): Set<number> {
  const order = Array.from({ length: declarations.length / 3 }, (_, i) => i * 3).sort((a, b) => declarations[a]! - declarations[b]!);
  const declared = new Set<string>();
  const reassigned = new Set<number>();
  for (const i of order) {
    const at = declarations[i]!;
    const key = `${declarations[i + 1]}:${nameAt(source, at)}`;
    if (declarations[i + 2] === REDECL && declared.has(key)) reassigned.add(at);
    else declared.add(key);
  }
  return reassigned;
}

/** Whether the match's @fn capture is `require` (a CommonJS import). */
function requiresCall(data: Int32Array, first: number, end: number, codes: Int8Array, root: SyntaxNode): boolean {
  for (let c = first; c < end; c += CAPTURE_SIZE) if (codes[data[c + CAPTURE_NAME]!] === FN && captureNode(root, data, c).text === 'require') return true;
  return false;
}

// A node's end index is a call into the WASM runtime; the name's end is found in the source instead.
const NAME = /#?[\p{L}\p{N}_$]+/uy;

/** The identifier starting at `at` (names are letters, digits, `_` and `$`; a private field's starts with `#`). */
function nameAt(source: string, at: number): string {
  // ASCII names (nearly all) without the Unicode regex; anything else through it.
  let end = source.charCodeAt(at) === 35 ? at + 1 : at;
  for (; end < source.length; end++) {
    const c = source.charCodeAt(end);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36) continue;
    if (c < 128) return source.slice(at, end);
    break;
  }
  if (end >= source.length) return source.slice(at, end);
  NAME.lastIndex = at;
  return NAME.exec(source)?.[0] ?? '';
}

/** For positions asked in increasing order: is it inside any of the ranges? (A range that started and has not ended holds it.) */
function sweep(ranges: Array<[number, number]>): (at: number) => boolean {
  ranges.sort((a, b) => a[0] - b[0]);
  let next = 0;
  let maxEnd = -1;
  return (at) => {
    while (next < ranges.length && ranges[next]![0] <= at) maxEnd = Math.max(maxEnd, ranges[next++]![1]);
    return at < maxEnd;
  };
}

/** The rows in line and column order, in an array of their own (not a view of the collector's larger buffer, which the
 * copy to the writer would take whole). */
function sortedRows(rows: Int32Array): Int32Array {
  const n = rows.length / OCCURRENCE_STRIDE;
  // Imports (added first) are usually at the top already: then there is nothing to sort.
  let inOrder = true;
  for (let i = OCCURRENCE_STRIDE; i < rows.length && inOrder; i += OCCURRENCE_STRIDE) {
    inOrder = rows[i]! > rows[i - OCCURRENCE_STRIDE]! || (rows[i] === rows[i - OCCURRENCE_STRIDE] && rows[i + 1]! > rows[i + 1 - OCCURRENCE_STRIDE]!);
  }
  if (inOrder) return rows.slice();
  const out = new Int32Array(rows.length);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rows[a * 6]! - rows[b * 6]! || rows[a * 6 + 1]! - rows[b * 6 + 1]!);
  order.forEach((from, to) => {
    for (let k = 0; k < OCCURRENCE_STRIDE; k++) out[to * OCCURRENCE_STRIDE + k] = rows[from * OCCURRENCE_STRIDE + k]!;
  });
  return out;
}
