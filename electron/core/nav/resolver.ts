// Resolves an identifier occurrence to what it names, best effort and honest about it: the enclosing
// scopes first, then the file's imports, then the receiver's class (`this.x`, `self.x`, a Go receiver),
// then the package (a Go or Java folder); what is left is every same-named definition, ranked by
// proximity and marked `candidate`.
import { ANONYMOUS_STRUCT, ATTRIBUTE_MARK, CALLBACK_PARAMETER, DOC_NAME, EXPRESSION_RECEIVER, KEYWORD_ARGUMENT, type NavConfidence } from '../../../shared/nav.js';
import type { NavImport, NavOccurrence, NavRows, NavSymbol } from '../../db/read/nav/navRows.js';
import { type RepoPaths, folderOf, javaImportFiles, moduleFiles as findModuleFiles } from './modules.js';
import { baseNames, callbackParameterType, embeddedType, goUnderlyingType, returnType } from './typeHints.js';
import { CGlobals, C_TAG_KINDS, isCFamily, isCTagUse } from './cGlobals.js';
import { accepts, parameterRange, type ParameterRange } from './overloads.js';
import { goBlockOpen } from './goBlocks.js';

export const ROLE = { definition: 0, reference: 1, call: 2, import: 3, type: 4 } as const;

/**
 * A symbol from the symbols table, or a local (parameter, variable) known only by its definition occurrence. `at`: where
 * the symbol's name is meant, when not its first spelling (C's `typedef struct X {…} X`: the typedef's `X`; a C++
 * method's declaration in its class; a TypeScript overload, with its own signature).
 */
export type Target = { symbol: NavSymbol; local?: undefined; at?: { line: number; col: number; signature?: string } } | { local: NavOccurrence; symbol?: undefined };

export interface Resolution {
  targets: Target[];
  confidence: NavConfidence;
}

const NONE: Resolution = { targets: [], confidence: 'exact' };
const CLASS_LIKE = new Set(['class', 'interface', 'struct', 'trait', 'enum']);
const MEMBER_KINDS = new Set(['method', 'field', 'property', 'constructor']);
/** Languages where a bare name inside a class reaches the class's members. */
const IMPLICIT_THIS = new Set(['java', 'csharp', 'cpp', 'ruby', 'php']);
const SELF_WORDS = new Set(['this', 'self', 'cls', 'super']);
/** Languages where a plain name is defined in its file, its imports or (Go) its package, and nowhere else. */
const IMPORT_SCOPED = new Set(['python', 'go']);
/** How deep re-exports (`export { x } from './y'`) are followed. */
const REEXPORT_DEPTH = 3;
/** How deep type inference goes (a hint naming a call whose result names a type whose base…; `r.owner.address.city` takes 6). */
const INFER_DEPTH = 6;
const VALUE_KINDS = new Set(['variable', 'constant', 'field', 'property']);
const CALLABLE_KINDS = new Set(['function', 'method', 'constructor']);

/** A line that is one call of an upper-case macro (`  ADD_PROPERTY(bool, is_root)`). */
const MACRO_CALL_LINE = /^\s*[A-Z_][A-Z0-9_]*\s*\([^()]*\)\s*;?\s*(?:\/\/.*)?$/u;
/** How many rows of a name are read to learn whether the repo defines it. */
const DEFINED_SCAN_ROWS = 2000;
/** `module.exports = Name;`, `module.exports = exports = Name`, `module.exports = function Name(…`: the name. */
const COMMONJS_EXPORT = /^\s*module\.exports\s*=\s*(?:exports\s*=\s*)?(?:(?:async\s+)?function\s*\*?\s*|class\s+)?([\p{L}_$][\p{L}\p{N}_$]*)\s*(?:;|\(|\{|extends\b|$)/u;
/** Test macros whose first argument is the fixture class the test's body is a method of. */
const TEST_MACROS = new Set(['TEST', 'TEST_F', 'TEST_P', 'TYPED_TEST', 'TYPED_TEST_P']);

/** A class-like symbol, or a Go defined type (`type CounterOpts Opts`): what members are looked up in. */
const isTypeLike = (s: NavSymbol): boolean => CLASS_LIKE.has(s.kind) || (s.kind === 'type' && s.language === 'go');
const isAttribute = (d: NavOccurrence): boolean => d.role === ROLE.definition && (d.qualifier?.startsWith(ATTRIBUTE_MARK) ?? false);

/** Per-repo caches for one request (or one refs scan): imports, symbols and definitions are read once. */
export class Resolver {
  private readonly symbolCache = new Map<number, NavSymbol | null>();
  private readonly definitionsCache = new Map<string, NavOccurrence[]>();
  private readonly namedCache = new Map<string, NavSymbol[]>();
  private readonly fileSymbolsCache = new Map<string, NavSymbol[]>();
  private pathsCache: RepoPaths | null = null;

  /** C's and C++'s global names (functions, typedefs, tags, classes), read through this request's caches. */
  readonly c: CGlobals;

  constructor(readonly rows: NavRows, readonly repoId: number, private readonly pathsOf: (repoId: number) => RepoPaths) {
    this.c = new CGlobals({
      named: (name) => this.named(name), symbol: (id) => this.symbol(id), lineText: (fileId, line) => rows.lineText(fileId, line),
      definedAnywhere: (name) => this.definedAnywhere(name),
    });
  }

  /** Whether a definition of the name is among its first rows in the repo (bounded: a name used thousands of times is rare in `#ifdef`s). */
  private definedAnywhere(name: string): boolean {
    const nameId = this.rows.nameId(name);
    if (nameId === undefined) return false;
    for (const batch of this.rows.occurrenceBatchesNamed(this.repoId, nameId, DEFINED_SCAN_ROWS)) if (batch.rows.some((r) => r[3] === ROLE.definition)) return true;
    return false;
  }

  paths(): RepoPaths {
    this.pathsCache ??= this.pathsOf(this.repoId);
    return this.pathsCache;
  }

  symbol(id: number | null): NavSymbol | null {
    if (id === null) return null;
    let found = this.symbolCache.get(id);
    if (found === undefined) this.symbolCache.set(id, (found = this.rows.symbolById(id) ?? null));
    return found;
  }

  private readonly nameCache = new Map<number, string | null>();

  /** An interned name by id, read once per request (a scan's qualifiers repeat: `self`, `np`, `df`). */
  nameOf(id: number): string | null {
    let found = this.nameCache.get(id);
    if (found === undefined) this.nameCache.set(id, (found = this.rows.nameById(id) ?? null));
    return found;
  }

  named(name: string): NavSymbol[] {
    let found = this.namedCache.get(name);
    if (!found) this.namedCache.set(name, (found = this.rows.symbolsNamed(this.repoId, name)));
    return found;
  }

  private readonly bindingsCache = new Map<string, NavImport[]>();

  /** The file's import bindings of `local` and its wildcards: from its whole import list when read, else only those rows. */
  private bindings(fileId: number, local: string): NavImport[] {
    const key = `${fileId}\0${local}`;
    let found = this.bindingsCache.get(key);
    if (!found) this.bindingsCache.set(key, (found = this.rows.bindings(fileId, local)));
    return found;
  }

  private scanned: { name: string; files: Map<number, NavOccurrence[]> } | null = null;

  /**
   * Every occurrence of `name` in a file, read by a references scan: the file's definitions of the name are taken from
   * them if asked for (most of a scan's files never are), not read again.
   */
  knowOccurrences(fileId: number, name: string, occs: NavOccurrence[]): void {
    if (this.scanned?.name !== name) this.scanned = { name, files: new Map() };
    this.scanned.files.set(fileId, occs);
  }

  private definitions(fileId: number, name: string): NavOccurrence[] {
    const key = `${fileId}\0${name}`;
    let found = this.definitionsCache.get(key);
    if (!found) {
      const scanned = this.scanned?.name === name ? this.scanned.files.get(fileId) : undefined;
      this.definitionsCache.set(key, (found = scanned ? scanned.filter((o) => o.role === ROLE.definition) : this.readDefinitions(fileId, name)));
    }
    return found;
  }

  private readonly nameIdCache = new Map<string, number | null>();

  /** Integers from the index, texts from caches: a scan asks this for thousands of files and receivers. */
  private readDefinitions(fileId: number, name: string): NavOccurrence[] {
    let nameId = this.nameIdCache.get(name);
    if (nameId === undefined) this.nameIdCache.set(name, (nameId = this.rows.nameId(name) ?? null));
    if (nameId === null) return [];
    const rows = this.rows.definitionRows(fileId, nameId);
    if (!rows.length) return [];
    const file = this.fileInfo(fileId);
    if (!file) return [];
    return rows.map(([line, col, symbolId, qualifierId]) =>
      ({ fileId, path: file.path, language: file.language, line, col, name, role: ROLE.definition, symbolId, qualifier: qualifierId === null ? null : this.nameOf(qualifierId) }));
  }

  private fileSymbols(fileId: number, name: string): NavSymbol[] {
    const key = `${fileId}\0${name}`;
    let found = this.fileSymbolsCache.get(key);
    if (!found) this.fileSymbolsCache.set(key, (found = this.rows.fileSymbolsNamed(fileId, name)));
    return found;
  }

  /** The symbol a definition occurrence declares (the innermost same-named one around it), else the occurrence as a local. */
  private declared(def: NavOccurrence): Target {
    const around = this.fileSymbols(def.fileId, def.name).filter((s) => s.startLine <= def.line && def.line <= s.endLine);
    const innermost = around.sort((a, b) => (a.endLine - a.startLine) - (b.endLine - b.startLine))[0];
    if (innermost) return { symbol: innermost };
    // C and C++: a function declared ahead and defined further down its file (in its class, or at top level) is one
    // symbol, with the body's lines.
    if (!isCFamily(def.language)) return { local: def };
    const owner = this.symbol(def.symbolId);
    const merged = owner ? (CLASS_LIKE.has(owner.kind) ? this.rows.members(owner.id, def.name) : [])
      : this.fileSymbols(def.fileId, def.name).filter((s) => s.parentId === null);
    const body = merged.find((m) => CALLABLE_KINDS.has(m.kind) && (m.startLine > def.line || m.endLine < def.line));
    return body ? { symbol: body } : { local: def };
  }

  /** C++: where a method defined out of line in its class's file was declared in the class (one symbol holds both). */
  cppDeclarationInClass(s: NavSymbol): NavOccurrence | null {
    if (s.language !== 'cpp' || s.parentId === null || !CLASS_LIKE.has(this.symbol(s.parentId)?.kind ?? '')) return null;
    return this.definitions(s.fileId, s.name).find((d) => d.symbolId === s.parentId && (d.line < s.startLine || d.line > s.endLine)) ?? null;
  }

  /** What references are counted against: a whole-module import stands for itself (its uses), whatever its definition. */
  referenceTargets(occ: NavOccurrence): Resolution {
    if (occ.role === ROLE.import && occ.language !== 'python' && this.importedModule(occ, occ.name) !== null) return { targets: [{ local: occ }], confidence: 'exact' };
    const found = this.resolve(occ);
    if (occ.language === 'python' && found.confidence === 'exact') return this.pythonVariable(found);
    if (occ.language === 'go' && found.confidence === 'exact') {
      // A Go interface method is called through the interface and on each type that implements it (as gopls counts them).
      const more = found.targets.flatMap((t) => (t.symbol ? this.goImplementations(t.symbol) : []));
      return more.length ? { targets: [...found.targets, ...more.map((symbol) => ({ symbol }))], confidence: 'exact' } : found;
    }
    if (!isCFamily(occ.language) || found.confidence !== 'exact') return found;
    // A C or C++ function's declarations and its body are one function: a use names whichever it reaches.
    const ids = new Set(found.targets.flatMap((t) => (t.symbol ? [t.symbol.id] : [])));
    const more = found.targets.flatMap((t) => (t.symbol ? this.c.counterparts(t.symbol) : [])).filter((s) => !ids.has(s.id) && ids.add(s.id));
    return more.length ? { targets: [...found.targets, ...more.map((symbol) => ({ symbol }))], confidence: 'exact' } : found;
  }

  /**
   * Go: the methods that implement an interface's method: same-named methods of the repo's types that have every
   * method the interface declares (their own or promoted from an embedded struct). None for any other symbol.
   */
  private goImplementations(method: NavSymbol): NavSymbol[] {
    const iface = method.kind === 'method' ? this.symbol(method.parentId) : null;
    if (!iface || iface.kind !== 'interface' || iface.language !== 'go') return [];
    const needed = this.rows.methods(iface.id).map((m) => m.name);
    return this.named(method.name).filter((m) => {
      if (m.kind !== 'method' || m.language !== 'go' || m.id === method.id) return false;
      const owner = this.goMethodOwner(m);
      return !!owner && owner.kind !== 'interface' && needed.every((n) => this.membersDeep(owner, n, 0).length > 0);
    });
  }

  /**
   * Python: a local variable assigned in several places of one scope is one variable (as pyright answers): its
   * references are the uses reaching any of its assignments.
   */
  private pythonVariable(found: Resolution): Resolution {
    const only = found.targets.length === 1 ? found.targets[0]!.local : undefined;
    if (!only || only.role !== ROLE.definition || isAttribute(only)) return found;
    const same = this.definitions(only.fileId, only.name).filter((d) => d.symbolId === only.symbolId && !isAttribute(d));
    if (same.length < 2) return found;
    const targets = same.map((d) => this.declared(d)).filter((t) => t.local);
    return targets.length === same.length ? { targets, confidence: 'exact' } : found;
  }

  resolve(occ: NavOccurrence): Resolution {
    const found = this.resolveOnce(occ);
    return familyOf(occ.language) === 'js' && found.confidence === 'exact' ? this.withOverloads(occ, found) : found;
  }

  /**
   * TypeScript overloads: a call goes to the signatures above the body (those its argument count fits first), as the
   * TypeScript service answers (a caller never sees the body's own signature), then the body; a signature's own name
   * goes to the body. All are one symbol, so references from any of them count the same calls.
   */
  private withOverloads(occ: NavOccurrence, found: Resolution): Resolution {
    const only = found.targets.length === 1 ? found.targets[0]! : undefined;
    if (only?.local && occ.role === ROLE.definition) {
      const body = this.fileSymbols(only.local.fileId, only.local.name)
        .filter((s) => CALLABLE_KINDS.has(s.kind) && s.parentId === only.local.symbolId && s.startLine > only.local.line).sort((a, b) => a.startLine - b.startLine)[0];
      return body && this.overloadsOf(body).some((o) => o.line === only.local.line) ? { targets: [{ symbol: body }], confidence: 'exact' } : found;
    }
    const s = only?.symbol;
    if (!s || !CALLABLE_KINDS.has(s.kind)) return found;
    const overloads = this.overloadsOf(s);
    if (!overloads.length) return found;
    const args = occ.role === ROLE.call ? this.argumentCount(occ) : null;
    const fit = args === null ? overloads : overloads.filter((o) => accepts(o.range, args));
    const ordered = [...fit, ...overloads.filter((o) => !fit.includes(o))];
    return { targets: [...ordered.map((o) => ({ symbol: s, at: { line: o.line, col: o.col, signature: o.signature } })), { symbol: s }], confidence: 'exact' };
  }

  private readonly overloadsCache = new Map<number, Array<{ line: number; col: number; signature: string; range: ParameterRange | null }>>();

  /** The bodiless signatures of a TypeScript function or method: same name and scope, written above its body. */
  private overloadsOf(s: NavSymbol): Array<{ line: number; col: number; signature: string; range: ParameterRange | null }> {
    let found = this.overloadsCache.get(s.id);
    if (!found) {
      const above = this.definitions(s.fileId, s.name).filter((d) => d.symbolId === s.parentId && d.line < s.startLine && !isAttribute(d) && !this.declared(d).symbol);
      found = above.map((d) => ({
        line: d.line, col: d.col, signature: (this.rows.lineText(d.fileId, d.line) ?? '').trim().slice(0, 300),
        range: this.readAcross(d.fileId, d.line, d.col, (text) => parameterRange(text) ?? undefined) ?? null,
      }));
      this.overloadsCache.set(s.id, found);
    }
    return found;
  }

  private resolveOnce(occ: NavOccurrence): Resolution {
    if (occ.role === ROLE.definition) return { targets: [this.declared(occ)], confidence: 'exact' };
    if (occ.role === ROLE.import) {
      // Python: the module of a from-import, written as its path (`from .globals import g`): its file.
      if (occ.language === 'python' && !this.bindings(occ.fileId, occ.name).some((b) => b.local === occ.name) && this.rows.importsFromSource(occ.fileId, occ.name)) {
        const files = this.moduleFiles(this.paths(), 'python', occ.path, occ.name);
        if (files.length) return { targets: files.slice(0, 1).map((fileId) => this.moduleStart(fileId, occ.name)), confidence: 'exact' };
      }
      // A name bound to a whole module: TypeScript's service defines `import * as ns` by the module's file
      // (when in the repo); a Go package (and an outside module) is its own definition.
      const module = occ.language !== 'python' ? this.importedModule(occ, occ.name) : null;
      if (module?.length && familyOf(occ.language) === 'js') return { targets: this.commonJsExport(module[0]!) ?? [this.moduleStart(module[0]!, occ.name)], confidence: 'exact' };
      if (module) return { targets: [{ local: occ }], confidence: 'exact' };
      const targets = this.fromImport(occ, occ.name);
      if (targets?.length) return { targets, confidence: 'exact' };
      if (targets && !this.importsFromRepo(occ, occ.name)) return familyOf(occ.language) === 'js' ? { targets: [{ local: occ }], confidence: 'exact' } : NONE;
      return this.candidates(occ, false);
    }
    // A member of an expression (`f().x`, `a.b.c.x`): its receiver's type is unknown, so same-named members are all there is.
    if (occ.qualifier === EXPRESSION_RECEIVER) return this.candidates(occ, true);
    if (occ.qualifier?.startsWith(KEYWORD_ARGUMENT)) return this.keywordParameter(occ, occ.qualifier.slice(KEYWORD_ARGUMENT.length));
    if (occ.qualifier?.startsWith(DOC_NAME)) {
      // A doc comment's name is what it names in scope; a name the TypeScript service cannot resolve links nowhere.
      const found = this.resolve({ ...occ, qualifier: occ.qualifier.slice(DOC_NAME.length) || null });
      return found.confidence === 'exact' ? found : NONE;
    }
    if (this.fileWide(occ)) {
      // Resolved once per file and name: a references scan meets `np.dtype` or `Series` hundreds of times in one file.
      const key = `${occ.fileId}\0${occ.qualifier ?? ''}\0${occ.name}`;
      let found = this.fileWideCache.get(key);
      if (!found) this.fileWideCache.set(key, (found = occ.qualifier !== null ? this.qualified(occ, occ.qualifier) : this.unqualified(occ)));
      return found;
    }
    // `struct Stack`: a C tag, looked up among the program's tags (the qualifier is the keyword, not a receiver).
    if (occ.language === 'c' && isCTagUse(occ)) return this.unscoped(occ);
    if (occ.qualifier !== null) return this.qualified(occ, occ.qualifier);
    return this.unqualified(occ);
  }

  private readonly fileWideCache = new Map<string, Resolution>();

  /**
   * Python `f(name=…)`: the parameter `name` of what is called (a class: its `__init__`), as pyright answers; nothing
   * when the callee is not known for sure or takes no such parameter (`**kwargs`).
   */
  private keywordParameter(occ: NavOccurrence, callee: string): Resolution {
    const dot = callee.lastIndexOf('.');
    const called = this.resolve({ ...occ, role: ROLE.call, name: callee.slice(dot + 1), qualifier: dot < 0 ? null : callee.slice(0, dot) });
    if (called.confidence !== 'exact') return NONE;
    const targets = called.targets.flatMap((t) => {
      const s = t.symbol;
      const fn = !s ? undefined : CLASS_LIKE.has(s.kind) ? this.membersDeep(s, '__init__', 0)[0]?.symbol : CALLABLE_KINDS.has(s.kind) ? s : undefined;
      const param = fn ? this.parameterOf(fn, occ.name) : null;
      return param ? [this.declared(param)] : [];
    });
    return targets.length ? { targets, confidence: 'exact' } : NONE;
  }

  /** A Python function's parameter named `name`: its definition in the `def …:` header (which may run over lines). */
  parameterOf(fn: NavSymbol, name: string): NavOccurrence | null {
    const end = this.headerEnd(fn);
    return this.definitions(fn.fileId, name).find((d) => d.symbolId === fn.id && d.line >= fn.startLine && d.line <= end) ?? null;
  }

  private readonly headerEndCache = new Map<number, number>();

  /** The last line of a Python function's header: the first from its start that ends with `:` after a `)` (or `-> T:`). */
  private headerEnd(fn: NavSymbol): number {
    let found = this.headerEndCache.get(fn.id);
    if (found === undefined) {
      found = fn.startLine;
      for (let line = fn.startLine; line <= Math.min(fn.endLine, fn.startLine + HEADER_LINES); line++) {
        found = line;
        if (/\)\s*(?:->[^#]*)?:\s*(?:#.*)?$/u.test(this.rows.lineText(fn.fileId, line) ?? '')) break;
      }
      this.headerEndCache.set(fn.id, found);
    }
    return found;
  }

  /**
   * When a target is a parameter of a Python function other files can call (top level or a class's method), the name
   * a call of it is written with (the class's for `__init__`): a keyword argument in a file with that name may name
   * the parameter. Null for any other target.
   */
  keywordCallee(target: Target): string | null {
    const local = target.local;
    // `self` and `cls` are never passed by keyword.
    if (!local || local.language !== 'python' || local.role !== ROLE.definition || SELF_WORDS.has(local.name)) return null;
    const fn = this.symbol(local.symbolId);
    if (!fn || !CALLABLE_KINDS.has(fn.kind)) return null;
    const owner = this.symbol(fn.parentId);
    if (!(fn.parentId === null || (owner !== null && CLASS_LIKE.has(owner.kind))) || this.parameterOf(fn, local.name)?.line !== local.line) return null;
    return fn.name === '__init__' && owner ? owner.name : fn.name;
  }

  /**
   * Whether a Python use resolves the same anywhere in its file: its name (or its receiver's, `np` in `np.dtype`) is
   * not self/cls and is defined nowhere in the file, so neither its scope nor its line matters, only the file's imports
   * and its path (for guesses).
   */
  private fileWide(occ: NavOccurrence): boolean {
    if (occ.language !== 'python') return false;
    const root = occ.qualifier ?? occ.name;
    if (SELF_WORDS.has(root) || root.includes('.') || root.endsWith('()')) return false;
    return this.definitions(occ.fileId, root).length === 0;
  }

  private unqualified(occ: NavOccurrence): Resolution {
    const local = this.inScope(occ, occ.name);
    // A C global of the file is one of the program's: its namespace (a typedef, not the `struct X {` beside it) and its
    // body (not the file's prototype) are chosen among all of them.
    if (local?.symbol && isCFamily(occ.language) && this.c.isGlobal(local.symbol)) return this.unscoped(occ);
    if (local) return { targets: [local], confidence: 'exact' };
    if (occ.language === 'cpp') {
      // Inside `void Cls::m() {…}` written out of its class, a bare name may be a member of Cls (or of its bases).
      const owner = this.cppOwnerClass(occ);
      // A type use names a nested type, never a method or a constructor of the class.
      const members = (owner ? this.membersDeep(owner, occ.name, 0) : []).filter((t) => occ.role !== ROLE.type || !t.symbol || !CALLABLE_KINDS.has(t.symbol.kind));
      if (members.length) return { targets: members, confidence: 'exact' };
    }
    return this.unscoped(occ);
  }

  private readonly unscopedCache = new Map<string, Resolution>();

  /**
   * What a plain name stands for where no definition of it is in scope: the file's imports, its module or package,
   * else a guess. It depends on the file, the name and the use's role (TypeScript's type and value spaces, Java
   * calls), never on the place, and reads no type: once per request.
   */
  unscoped(occ: NavOccurrence): Resolution {
    const key = `${occ.fileId}\0${occ.name}\0${occ.role}${occ.language === 'c' && isCTagUse(occ) ? '\0tag' : ''}`;
    let found = this.unscopedCache.get(key);
    if (!found) this.unscopedCache.set(key, (found = this.findUnscoped(occ)));
    return found;
  }

  private findUnscoped(occ: NavOccurrence): Resolution {
    const imported = this.fromImport(occ, occ.name);
    if (imported?.length) return { targets: this.targetsInSpace(occ, imported), confidence: 'exact' };
    const module = this.moduleDefinition(occ);
    if (module) return { targets: [module], confidence: 'exact' };
    const pkg = this.inPackage(occ, occ.name);
    if (pkg.length) return { targets: pkg, confidence: 'exact' };
    if (isCFamily(occ.language)) {
      // One global namespace: the repo's definition, or something outside it (the C library) and no guess among fields.
      const globals = this.c.lookup(occ);
      return globals.length ? { targets: globals.map((symbol) => this.cTarget(occ, symbol)), confidence: 'exact' } : NONE;
    }
    // Imported from a package outside the repo: defined nowhere here. From a repo module that does not
    // define it (a default export under another name, a re-export too deep): only a guess is honest.
    if (imported && !this.importsFromRepo(occ, occ.name)) return this.externalImport(occ);
    // Python and Go reach another file's name only through an import (Go: or its package): one found in
    // neither is a builtin (`len`, `isinstance`) or a scope the resolver does not model (a class body's
    // name in a decorator), so only the file's own definitions are a guess; unless a wildcard import could bring it.
    if (imported === null && IMPORT_SCOPED.has(occ.language ?? '') && !this.bindings(occ.fileId, occ.name).some((i) => i.local === '*')) {
      const own = this.fileSymbols(occ.fileId, occ.name);
      const preferred = own.filter((s) => !this.isMember(s));
      return own.length ? { targets: (preferred.length ? preferred : own).map((symbol) => ({ symbol })), confidence: 'candidate' } : NONE;
    }
    return this.candidates(occ, false);
  }

  /** A C global as a target: a `typedef struct X {…} X` named without `struct` is meant at the typedef's name, its last spelling. */
  private cTarget(occ: NavOccurrence, symbol: NavSymbol): Target {
    if (isCTagUse(occ) || !C_TAG_KINDS.has(symbol.kind) || !symbol.signature.startsWith('typedef')) return { symbol };
    const spelled = this.definitions(symbol.fileId, symbol.name).filter((d) => d.line >= symbol.startLine && d.line <= symbol.endLine);
    const last = spelled[spelled.length - 1];
    return last && spelled.length > 1 ? { symbol, at: { line: last.line, col: last.col } } : { symbol };
  }

  /**
   * A name imported from a package outside the repo: TypeScript and JavaScript find it at the import that
   * binds it (as the TS service answers); elsewhere it is defined nowhere here.
   */
  private externalImport(occ: NavOccurrence): Resolution {
    if (familyOf(occ.language) !== 'js') return NONE;
    const binding = this.bindings(occ.fileId, occ.name).find((i) => i.local === occ.name && i.line > 0);
    const written = binding ? this.importAt(occ.fileId, binding.line, occ.name) : undefined;
    return written ? { targets: [{ local: written }], confidence: 'exact' } : NONE;
  }

  /** Whether a binding of `local` names a module whose files are in the repo. */
  private importsFromRepo(occ: NavOccurrence, local: string): boolean {
    const paths = this.paths();
    return this.bindings(occ.fileId, local).some((b) => b.local === local && (occ.language === 'java'
      ? javaImportFiles(paths, b.source, b.imported).length > 0
      : this.moduleFiles(paths, occ.language, occ.path, b.source).length > 0));
  }

  /** `q.name`, and for a Java call only what can be called: a method, not the same-named field beside it (`lastName` and `lastName(…)`). */
  private qualified(occ: NavOccurrence, qualifier: string): Resolution {
    const found = this.qualifiedAny(occ, qualifier);
    if (!javaCall(occ) || found.confidence !== 'exact') return found;
    const callable = found.targets.filter((t) => t.symbol && (CALLABLE_KINDS.has(t.symbol.kind) || CLASS_LIKE.has(t.symbol.kind)));
    const targets = callable.length ? callable : found.targets;
    return { targets: this.byArity(occ, targets), confidence: 'exact' };
  }

  /** Java overloads: the ones whose parameter count fits the call's argument count, read off the call's text. */
  private byArity(occ: NavOccurrence, targets: Target[]): Target[] {
    if (targets.length < 2) return targets;
    const args = this.argumentCount(occ);
    if (args === null) return targets;
    const fit = targets.filter((t) => !t.symbol || acceptsArguments(t.symbol.fqn, args));
    return fit.length ? fit : targets;
  }

  /** How many arguments the call at `occ` passes (its text may run over a few lines); null when unreadable. */
  private argumentCount(occ: NavOccurrence): number | null {
    return this.readAcross(occ.fileId, occ.line, occ.col + occ.name.length, countArguments) ?? null;
  }

  /**
   * The text from a place on, read a line more at a time (at most ARGUMENT_LINES more) until `read` gives an answer
   * (anything but undefined): a call's arguments or a signature's parameters may run over lines.
   */
  private readAcross<T>(fileId: number, line: number, col: number, read: (text: string) => T | undefined): T | undefined {
    let text = (this.rows.lineText(fileId, line) ?? '').slice(col - 1);
    for (let next = line + 1; ; next++) {
      const answer = read(text);
      if (answer !== undefined || next > line + ARGUMENT_LINES) return answer;
      const more = this.rows.lineText(fileId, next);
      if (more === null) return undefined;
      text += `\n${more}`;
    }
  }

  /** `q.name`: members of this/self's class, of an imported module, of a class named q, or of q's inferred type; else candidates. */
  private qualifiedAny(occ: NavOccurrence, qualifier: string): Resolution {
    // A key of a literal of an anonymous Go struct (a test table's row): one of the fields on its lines.
    if (qualifier.startsWith(ANONYMOUS_STRUCT)) {
      const members = this.anonymousStruct(occ, qualifier).flatMap((t) => this.membersDeep(t, occ.name, 0));
      return members.length ? { targets: members, confidence: 'exact' } : NONE;
    }
    // A dotted path, or a Java call chain's result (`find().name`, `Owner.name()`).
    if (qualifier.includes('.') || qualifier.endsWith('()')) {
      const members = this.typesOfPath(occ, qualifier, 0).flatMap((t) => this.membersDeep(t, occ.name, 0));
      if (members.length) return { targets: members, confidence: 'exact' };
      const qualifiedClass = occ.language === 'java' ? this.javaQualifiedClass(qualifier, occ.name) : [];
      return qualifiedClass.length ? { targets: qualifiedClass, confidence: 'exact' } : this.candidates(occ, true);
    }
    const receiver = this.receiverClass(occ, qualifier);
    if (receiver !== undefined) {
      const members = receiver ? this.membersDeep(receiver, occ.name, 0) : [];
      if (members.length) return { targets: members, confidence: 'exact' };
      return this.candidates(occ, true);
    }
    // The qualifier as a name: a local shadows an import; a module or a class gives members.
    if (!this.inScope(occ, qualifier)) {
      const member = this.moduleMember(occ, qualifier);
      if (member) return member;
    }
    const owner = this.unqualified({ ...occ, name: qualifier, qualifier: null });
    if (occ.language === 'cpp') {
      // `leveldb::Slice`, `std::max`: a namespace's name is one of the program's globals (none here for `std`).
      if (owner.targets.length === 0) return NONE;
      if (owner.targets.every((t) => t.symbol?.kind === 'namespace')) return this.unscoped({ ...occ, qualifier: null });
    }
    if (owner.confidence === 'exact') {
      const members = owner.targets.flatMap((t) => this.typesOf(t, 0)).flatMap((t) => this.membersDeep(t, occ.name, 0));
      if (members.length) return { targets: members, confidence: 'exact' };
      // The receiver is a name imported from a package outside the repo (`import { z } from 'zod'`): its members are there, not here.
      if (owner.targets.length && owner.targets.every((t) => t.local?.role === ROLE.import)) return NONE;
    }
    // Java declares every receiver's type: a member its type (and in-repo bases) lacks is inherited from outside
    // (`JpaRepository.save`); a receiver typed outside the repo (`LOG.debug`) or named nowhere in it (`Optional.of`) has outside members.
    if (occ.language === 'java' && (owner.targets.length === 0 || (owner.confidence === 'exact' && owner.targets.every((t) => this.declaresType(t))))) return NONE;
    return this.candidates(occ, true);
  }

  private readonly moduleMemberCache = new Map<string, Resolution | null>();

  /**
   * `q.name` where `q` names an imported module (`np.exp`, a Go package): its top-level `name`; null when `q` is no
   * module import. It depends on the file, not the place: once per file, receiver, name and role (a Go package's
   * files are each searched for the name).
   */
  private moduleMember(occ: NavOccurrence, qualifier: string): Resolution | null {
    const key = `${occ.fileId}\0${qualifier}\0${occ.name}\0${occ.role}`;
    let found = this.moduleMemberCache.get(key);
    if (found === undefined) {
      const files = this.importedModule(occ, qualifier);
      const top = files && this.targetsInSpace(occ, files.flatMap((fileId) => this.exported(fileId, occ.name, 0)));
      this.moduleMemberCache.set(key, (found = top ? (top.length ? { targets: top, confidence: 'exact' } : NONE) : null));
    }
    return found;
  }

  /** Whether a target's type is written where it is declared: a class, or a field, variable or parameter with a type hint. */
  private declaresType(target: Target): boolean {
    if (target.local) return target.local.role === ROLE.definition && !!target.local.qualifier && !isAttribute(target.local);
    const s = target.symbol;
    if (CLASS_LIKE.has(s.kind)) return true;
    if (!VALUE_KINDS.has(s.kind)) return false;
    return !!this.definitions(s.fileId, s.name).find((d) => d.line >= s.startLine && d.line <= s.endLine)?.qualifier;
  }

  /** Java: `org.acme.service.Thing` names the class Thing in the package's folder. */
  private javaQualifiedClass(pkg: string, name: string): Target[] {
    return javaImportFiles(this.paths(), pkg, name).flatMap((fileId) => this.fileSymbols(fileId, name)).filter((s) => s.parentId === null).map((symbol) => ({ symbol }));
  }

  /** The types a dotted path stands for at an occurrence (`self.app`, `c.engine`): each step a member of the last's type. */
  private typesOfPath(occ: NavOccurrence, path: string, depth: number): NavSymbol[] {
    const dot = path.lastIndexOf('.');
    // A call at the root of a Java chain (`find().x`): the type its declaration returns.
    if (dot < 0 && path.endsWith('()')) return this.typeFromHint(path, occ, depth + 1);
    if (dot < 0) {
      const receiver = this.receiverClass(occ, path);
      if (receiver !== undefined) return receiver ? [receiver] : [];
      const found = this.unqualified({ ...occ, name: path, qualifier: null });
      return found.confidence === 'exact' ? found.targets.flatMap((t) => this.typesOf(t, depth + 1)) : [];
    }
    if (depth >= INFER_DEPTH) return [];
    const last = path.slice(dot + 1);
    const root = path.slice(0, dot);
    const owners = this.typesOfPath(occ, root, depth + 1);
    if (!owners.length && !root.includes('.') && !last.endsWith('()')) {
      // `pkg.T` (a Go literal's element type), `pkg.Default.x`: a top-level name of an imported module.
      const member = this.inScope(occ, root) ? null : this.moduleMember({ ...occ, name: last, role: ROLE.reference, qualifier: root }, root);
      if (member?.confidence === 'exact') return member.targets.flatMap((t) => this.typesOf(t, depth + 1));
    }
    if (!last.endsWith('()')) return owners.flatMap((t) => this.membersDeep(t, last, 0)).flatMap((m) => this.typesOf(m, depth + 1));
    // A call step (Java chains): the declared result type of the method called.
    return owners.flatMap((t) => this.membersDeep(t, last.slice(0, -2), 0)).flatMap((m) => {
      const s = m.symbol;
      const result = s && CALLABLE_KINDS.has(s.kind) ? returnType(s.signature, s.language) : null;
      return s && result ? this.typeFromHint(result, this.placeOf(s), depth + 1) : [];
    });
  }

  /** What a target's members are looked up in: a class itself, else the inferred type of a variable, field or parameter. */
  private typesOf(target: Target, depth: number): NavSymbol[] {
    if (depth >= INFER_DEPTH) return [];
    if (target.local) {
      const hint = target.local.role === ROLE.definition ? target.local.qualifier : null;
      return hint ? this.typeFromHint(hint.startsWith(ATTRIBUTE_MARK) ? hint.slice(1) : hint, target.local, depth + 1) : [];
    }
    const s = target.symbol;
    if (isTypeLike(s)) return [s];
    if (s.kind === 'type' && isCFamily(s.language)) return this.c.typedefTypes(s).flatMap((t) => this.typesOf({ symbol: t }, depth + 1));
    if (!VALUE_KINDS.has(s.kind)) return [];
    const def = this.definitions(s.fileId, s.name).find((d) => d.line >= s.startLine && d.line <= s.endLine);
    return def?.qualifier ? this.typeFromHint(def.qualifier.startsWith(ATTRIBUTE_MARK) ? def.qualifier.slice(1) : def.qualifier, def, depth + 1) : [];
  }

  private readonly importAtCache = new Map<string, NavOccurrence | null>();

  /** The import occurrence of a binding, read once per request (every use of a namespace or package asks for it). */
  private importAt(fileId: number, line: number, name: string): NavOccurrence | undefined {
    const key = `${fileId}\0${line}\0${name}`;
    let found = this.importAtCache.get(key);
    if (found === undefined) this.importAtCache.set(key, (found = this.rows.importAt(fileId, line, name) ?? null));
    return found ?? undefined;
  }

  private readonly hintCache = new Map<string, NavSymbol[]>();
  private readonly memberCache = new Map<string, Target[]>();
  private readonly baseCache = new Map<number, NavSymbol[]>();

  /** The class-like symbols a type hint names, read from the place `at` (its scope and imports); once per scope and hint. */
  private typeFromHint(hint: string, at: NavOccurrence, depth: number): NavSymbol[] {
    if (depth >= INFER_DEPTH || !hint) return [];
    // A variable's type depends on which of its definitions is in force at the line.
    const key = `${at.fileId}\0${at.symbolId ?? ''}\0${hint}${hint.startsWith('=') ? `\0${at.line}` : ''}`;
    let found = this.hintCache.get(key);
    if (!found) {
      this.hintCache.set(key, []);
      this.hintCache.set(key, (found = this.inferHint(hint, at, depth)));
    }
    return found;
  }

  private inferHint(hint: string, at: NavOccurrence, depth: number): NavSymbol[] {
    if (hint.startsWith('=')) {
      // `for _, x := range s.items`: the variable's type is a path's.
      if (hint.includes('.')) return this.typesOfPath(at, hint.slice(1), depth + 1);
      const local = this.inScope(at, hint.slice(1));
      return local ? this.typesOf(local, depth + 1) : [];
    }
    if (hint.startsWith(ANONYMOUS_STRUCT)) return this.anonymousStruct(at, hint);
    if (hint.startsWith(CALLBACK_PARAMETER)) return this.callbackParameter(hint, at, depth);
    const call = hint.endsWith('()');
    const path = call ? hint.slice(0, -2) : hint;
    const dot = path.lastIndexOf('.');
    const ask: NavOccurrence = { ...at, role: call ? ROLE.call : ROLE.type, name: dot < 0 ? path : path.slice(dot + 1), qualifier: dot < 0 ? null : path.slice(0, dot) };
    const found = dot < 0 ? this.unqualified(ask) : this.qualified(ask, ask.qualifier!);
    const targets = found.confidence === 'exact' || found.targets.length === 1 ? found.targets : [];
    return targets.flatMap((t) => {
      const s = t.symbol;
      if (!s) return [];
      if (isTypeLike(s)) return [s];
      if (s.kind === 'type' && isCFamily(s.language)) return this.typesOf(t, depth + 1);
      if (!call || !CALLABLE_KINDS.has(s.kind)) return [];
      const result = returnType(s.signature, s.language);
      return result ? this.typeFromHint(result, this.placeOf(s), depth + 1) : [];
    });
  }

  /**
   * An untyped parameter of a function passed as an argument (`^operate:0:1`): the type the callee's signature gives it,
   * the callee resolved exactly (a class: its constructor).
   */
  private callbackParameter(hint: string, at: NavOccurrence, depth: number): NavSymbol[] {
    const m = /^\^(.+):(\d+):(\d+)$/u.exec(hint);
    if (!m) return [];
    const [, callee = '', arg, param] = m;
    const dot = callee.lastIndexOf('.');
    const called = this.resolve({ ...at, role: ROLE.call, name: callee.slice(dot + 1), qualifier: dot < 0 ? null : callee.slice(0, dot) });
    if (called.confidence !== 'exact') return [];
    for (const target of called.targets) {
      const s = target.symbol;
      const fns = !s ? [] : CLASS_LIKE.has(s.kind) ? this.membersDeep(s, 'constructor', 0).flatMap((t) => t.symbol ?? []) : CALLABLE_KINDS.has(s.kind) ? [s] : [];
      for (const fn of fns) {
        const type = callbackParameterType(fn.signature, fn.name, Number(arg), Number(param));
        const found = type ? this.typeFromHint(type, this.placeOf(fn), depth + 1) : [];
        if (found.length) return found;
      }
    }
    return [];
  }

  /**
   * Go: an anonymous struct (`{12-20}`, its lines in the file of `at`) as a symbol of its own to look members up in: a
   * negative id no row has, one per file and line, so the member caches keep it apart.
   */
  private anonymousStruct(at: NavOccurrence, hint: string): NavSymbol[] {
    const m = /^\{(\d+)-(\d+)\}$/u.exec(hint);
    if (!m) return [];
    const startLine = Number(m[1]);
    return [{ id: -(at.fileId * 2 ** 24 + startLine), fqn: '', name: '', kind: 'struct', parentId: null, fileId: at.fileId, path: at.path, language: at.language, startLine, endLine: Number(m[2]), signature: '' }];
  }

  /** A symbol's own place, as an occurrence to resolve names from. */
  private placeOf(s: NavSymbol): NavOccurrence {
    return { fileId: s.fileId, path: s.path, language: s.language, line: s.startLine, col: 1, name: s.name, role: ROLE.reference, symbolId: s.id, qualifier: null };
  }

  /** Members named `name` of a class or struct: its own, its attributes (`self.x = …`), then its bases' (Go: embedded structs). */
  private membersDeep(owner: NavSymbol, name: string, depth: number): Target[] {
    const key = `${owner.id}\0${name}`;
    let found = this.memberCache.get(key);
    if (!found) {
      this.memberCache.set(key, []);
      this.memberCache.set(key, (found = this.findMembers(owner, name, depth)));
    }
    return found;
  }

  private findMembers(owner: NavSymbol, name: string, depth: number): Target[] {
    // An anonymous Go struct has no symbol: its fields are the definitions on its lines.
    if (owner.id < 0) return this.definitions(owner.fileId, name).filter((d) => d.line >= owner.startLine && d.line <= owner.endLine).map((d) => this.declared(d));
    const own = this.membersOf(owner, name);
    if (own.length) return own.map((symbol) => ({ symbol }));
    const attributes = this.definitions(owner.fileId, name).filter((d) => isAttribute(d) && this.enclosingClass(this.symbol(d.symbolId))?.id === owner.id);
    if (attributes.length) return attributes.map((local) => ({ local }));
    const made = isCFamily(owner.language) ? this.macroMadeMember(owner, name) : null;
    if (made) return [{ local: made }];
    if (depth >= INFER_DEPTH) return [];
    return this.basesOf(owner).flatMap((base) => (base.id === owner.id ? [] : this.membersDeep(base, name, depth + 1)));
  }

  /**
   * C and C++: a member no declaration of the class names, made by a macro called in its body with the name as its
   * last argument (`ADD_PROPERTY(bool, is_root)` declares `is_root()`): that call is where it is declared, as clangd says.
   */
  private macroMadeMember(owner: NavSymbol, name: string): NavOccurrence | null {
    const inBody = this.rows.occurrencesNamedInFile(owner.fileId, name).filter((o) => o.line > owner.startLine && o.line <= owner.endLine);
    // The name is the call's last argument (`ADD_PROPERTY(Expression_Obj, value)` makes `value`, not `Expression_Obj`).
    return inBody.find((o) => {
      const text = this.rows.lineText(o.fileId, o.line) ?? '';
      return MACRO_CALL_LINE.test(text) && /^\s*\)/u.test(text.slice(o.col - 1 + name.length));
    }) ?? null;
  }

  private basesOf(owner: NavSymbol): NavSymbol[] {
    let found = this.baseCache.get(owner.id);
    if (!found) {
      this.baseCache.set(owner.id, []);
      this.baseCache.set(owner.id, (found = this.findBases(owner)));
    }
    return found;
  }

  private findBases(owner: NavSymbol): NavSymbol[] {
    // Go: a struct's embedded types, or what a defined type is made from (`type CounterOpts Opts` has Opts's fields).
    const names = owner.language !== 'go' ? baseNames(owner.signature, owner.language)
      : owner.kind === 'type' ? [goUnderlyingType(owner.signature) ?? []].flat()
        : this.rows.fields(owner.id).flatMap((f) => embeddedType(f) ?? []);
    const at = this.placeOf(owner);
    return names.flatMap((n) => this.typeFromHint(n, { ...at, symbolId: owner.parentId }, INFER_DEPTH - 2));
  }

  /** When `name` is this/self, or a Go method's receiver, at `occ`: the class it stands for (null when no class encloses
   *  the use); undefined when `name` is no receiver. Only then is the enclosing symbol read (a read per scope in a
   *  references scan). */
  private receiverClass(occ: NavOccurrence, name: string): NavSymbol | null | undefined {
    // C has no `this`: a parameter named `self` is a plain parameter with a declared type.
    const self = SELF_WORDS.has(name) && occ.language !== 'c';
    if (!self && occ.language !== 'go') return undefined;
    const enclosing = this.symbol(occ.symbolId);
    if (!self && !(enclosing && goReceiver(enclosing).name === name)) return undefined;
    const owner = this.enclosingClass(enclosing);
    if (owner) return owner;
    if (occ.language === 'go') return enclosing ? this.goMethodOwner(enclosing) : null;
    return occ.language === 'cpp' ? this.cppOwnerClass(occ) : null;
  }

  /** The type a method written outside it belongs to (C++ out of line, a Go method in another file), by the method's id. */
  private readonly ownerClassCache = new Map<number, NavSymbol | null>();

  /** Go: the type a method belongs to: its parent, or (declared in another file of the package) its receiver's type there. */
  private goMethodOwner(method: NavSymbol): NavSymbol | null {
    const parent = this.symbol(method.parentId);
    if (parent) return parent;
    let found = this.ownerClassCache.get(method.id);
    if (found === undefined) {
      const type = goReceiver(method).type;
      found = (type && this.named(type).find((t) => isTypeLike(t) && folderOf(t.path) === folderOf(method.path))) || null;
      this.ownerClassCache.set(method.id, found);
    }
    return found;
  }

  /** C++: the class a method written out of it belongs to (`void DBImpl::Get(…) {…}` → DBImpl), by its qualified name. */
  private cppOwnerClass(occ: NavOccurrence): NavSymbol | null {
    let fn = this.symbol(occ.symbolId);
    while (fn && !CALLABLE_KINDS.has(fn.kind)) fn = this.symbol(fn.parentId);
    if (!fn) return null;
    let found = this.ownerClassCache.get(fn.id);
    if (found === undefined) {
      const path = fn.fqn.slice(0, fn.fqn.indexOf('(') >>> 0).split('::');
      const ownerFqn = path.slice(0, -1).join('::');
      // A test written `TEST(DBTest, Name) {…}` (googletest's TEST_F, LevelDB's TEST) is a method of its fixture class.
      const fixture = TEST_MACROS.has(fn.name) ? /\(([\p{L}_][\p{L}\p{N}_]*),/u.exec(fn.fqn)?.[1] : undefined;
      found = fixture
        ? (this.c.lookup({ name: fixture, language: 'cpp', role: ROLE.type, qualifier: null, fileId: fn.fileId, path: fn.path }).find((s) => CLASS_LIKE.has(s.kind)) ?? null)
        : ownerFqn ? (this.rows.symbolsByFqn(this.repoId, ownerFqn).find((s) => CLASS_LIKE.has(s.kind)) ?? null) : null;
      this.ownerClassCache.set(fn.id, found);
    }
    return found;
  }

  private enclosingClass(from: NavSymbol | null): NavSymbol | null {
    for (let s = from; s; s = this.symbol(s.parentId)) if (CLASS_LIKE.has(s.kind)) return s;
    return null;
  }

  private membersOf(owner: NavSymbol, name: string): NavSymbol[] {
    const own = this.rows.members(owner.id, name);
    if (owner.language === 'cpp') {
      // A method declared in its class and defined out of line: the body first, as clangd answers, then the declaration.
      const bodies = own.flatMap((m) => this.c.counterparts(m));
      return bodies.length ? [...bodies, ...own] : own;
    }
    if (own.length || owner.language !== 'go') return own;
    // A Go method in another file of the package than its type has no parent: matched by its receiver's type.
    const folder = folderOf(owner.path);
    return this.named(name).filter((s) => s.kind === 'method' && s.parentId === null && folderOf(s.path) === folder && goReceiver(s).type === owner.name);
  }

  /** A definition of `name` in the enclosing scopes of the occurrence, innermost first (class scopes only where `this` is implicit). */
  private inScope(occ: NavOccurrence, name: string): Target | null {
    const defs = this.definitions(occ.fileId, name);
    if (!defs.length) return null;
    const scopes = this.scopesOf(defs);
    // Only top-level definitions: the walk up the scopes would end at the top, so it need not read them.
    if (scopes.allTop) return this.lastBefore(occ, this.inSpace(occ, scopes.byScope.get(null) ?? []));
    const implicitThis = IMPLICIT_THIS.has(occ.language ?? '');
    for (let scope = this.symbol(occ.symbolId); ; scope = this.symbol(scope.parentId)) {
      const scopeId = scope?.id ?? null;
      // A TypeScript type use inside a class or interface may name its type parameter (a local, no member symbol).
      const typeParameters = !implicitThis && scope !== null && CLASS_LIKE.has(scope.kind) && occ.role === ROLE.type && familyOf(occ.language) === 'js';
      if (!scope || implicitThis || !CLASS_LIKE.has(scope.kind) || typeParameters) {
        const inScope = scopes.byScope.get(scopeId) ?? [];
        const here = this.inSpace(occ, typeParameters ? inScope.filter((d) => !this.declared(d).symbol) : inScope);
        const found = this.lastBefore(occ, here);
        if (found) return found;
      }
      if (!scope) return null;
    }
  }

  /** The last definition before the use wins (shadowing, reassignment); else the first after it (hoisting). */
  private readonly scopesCache = new WeakMap<NavOccurrence[], { allTop: boolean; byScope: Map<number | null, NavOccurrence[]> }>();

  /**
   * A file's definitions of a name grouped by enclosing scope (attributes left out, order kept), and whether all are at
   * top level: once per file and name, not a filter of them all at each use (a test module defines `path` in every method).
   */
  private scopesOf(defs: NavOccurrence[]): { allTop: boolean; byScope: Map<number | null, NavOccurrence[]> } {
    let found = this.scopesCache.get(defs);
    if (!found) {
      const byScope = new Map<number | null, NavOccurrence[]>();
      for (const d of defs) {
        if (isAttribute(d)) continue;
        const list = byScope.get(d.symbolId);
        if (list) list.push(d);
        else byScope.set(d.symbolId, [d]);
      }
      this.scopesCache.set(defs, (found = { allTop: defs.every((d) => d.symbolId === null), byScope }));
    }
    return found;
  }

  private lastBefore(occ: NavOccurrence, here: NavOccurrence[]): Target | null {
    const before = here.filter((d) => d.line < occ.line || (d.line === occ.line && d.col <= occ.col));
    // Go: a variable of a block (an `if err := …` header, a loop's or a branch's body) is gone once its block closes.
    const open = occ.language === 'go' && before.length > 1 ? before.findLast((d) => goBlockOpen((line) => this.rows.lineText(d.fileId, line), d.line, occ.line)) : undefined;
    const def = open ?? before[before.length - 1] ?? here[0];
    return def ? this.declared(def) : null;
  }

  /**
   * TypeScript keeps types and values apart: `interface X` and `const X` in one file are two things. A
   * type use means the type, any other use the value; with only one of them there, it is meant.
   */
  private inSpace(occ: NavOccurrence, defs: NavOccurrence[]): NavOccurrence[] {
    if (defs.length < 2 || familyOf(occ.language) !== 'js') return defs;
    const fits = defs.filter((d) => fitsSpace(occ, this.declared(d).symbol?.kind));
    return fits.length ? fits : defs;
  }

  /** The same choice among a module's exports (`ns.X`, an imported `X`): `export interface X` and `export const X` are two things. */
  private targetsInSpace(occ: NavOccurrence, targets: Target[]): Target[] {
    if (targets.length < 2 || familyOf(occ.language) !== 'js') return targets;
    const fits = targets.filter((t) => fitsSpace(occ, t.symbol?.kind));
    return fits.length ? fits : targets;
  }

  /** The import binding `local` in the occurrence's file: its targets, [] for a module outside the repo, null when not imported. */
  private fromImport(occ: NavOccurrence, local: string): Target[] | null {
    const imports = this.bindings(occ.fileId, local);
    const bindings = imports.filter((i) => i.local === local);
    if (bindings.length) return bindings.flatMap((b) => this.bindingTargets(occ.path, occ.language, b, 0));
    // Wildcards (`from x import *`, `import a.b.*`, a Go dot import) count only when the module defines the name.
    const starred = imports.filter((i) => i.local === '*').flatMap((b) => this.bindingTargets(occ.path, occ.language, { ...b, local, imported: local }, 0));
    return starred.length ? starred : null;
  }

  private readonly bindingTargetsCache = new Map<string, Target[]>();

  /**
   * What an import binding brings in, once per request for every file that writes the same import (`from pandas
   * import Timestamp` in hundreds of test files): only a relative specifier depends on the importing file's folder.
   */
  private bindingTargets(fromPath: string, language: string | null, binding: NavImport, depth: number): Target[] {
    const key = `${language ?? ''}\0${importFolder(fromPath, binding.source)}\0${binding.source}\0${binding.imported ?? '\u0001'}\0${binding.local}\0${depth}`;
    let found = this.bindingTargetsCache.get(key);
    if (!found) this.bindingTargetsCache.set(key, (found = this.findBindingTargets(fromPath, language, binding, depth)));
    return found;
  }

  private findBindingTargets(fromPath: string, language: string | null, binding: NavImport, depth: number): Target[] {
    const paths = this.paths();
    if (language === 'java') {
      const files = javaImportFiles(paths, binding.source, binding.imported);
      const wanted = binding.imported === '*' || binding.imported === null ? binding.local : binding.imported;
      return files.flatMap((fileId) => this.fileSymbols(fileId, wanted)).map((symbol) => ({ symbol }));
    }
    const files = this.moduleFiles(paths, language, fromPath, binding.source);
    if (binding.imported === null || binding.imported === '*') return [];
    const wanted = binding.imported === 'default' ? binding.local : binding.imported;
    const found = files.flatMap((fileId) => this.exported(fileId, wanted, depth));
    if (found.length || language !== 'python') return found;
    // `from pkg import mod`: a submodule, defined (as pyright says) by its file.
    return this.moduleFiles(paths, 'python', fromPath, pythonSubmodule(binding.source, binding.imported)).slice(0, 1).map((fileId) => this.moduleStart(fileId, wanted));
  }

  /**
   * A name bound to a whole module (`import * as ns`, a Go package, `import pkg`): where the language's
   * own tools say it is defined — the module's file for Python (when it is in the repo), the import
   * that binds it for TypeScript, JavaScript and Go (pyright, the TS service and gopls agree on this).
   */
  private moduleDefinition(occ: NavOccurrence): Target | null {
    const files = this.importedModule(occ, occ.name);
    if (files === null) return null;
    const at = (fileId: number, path: string, language: string | null, line: number): Target =>
      ({ local: { fileId, path, language, line, col: 1, name: occ.name, role: ROLE.import, symbolId: null, qualifier: null } });
    if (occ.language === 'python') {
      const file = files[0] === undefined ? null : this.fileOf(files[0]);
      return file && files[0] !== undefined ? at(files[0], file.path, file.language, 1) : null;
    }
    // `var Route = require('./route')` where route.js says `module.exports = Route`: the name is that function.
    const exported = familyOf(occ.language) === 'js' && files[0] !== undefined ? this.commonJsExport(files[0]) : null;
    if (exported?.length === 1) return exported[0]!;
    const binding = this.bindings(occ.fileId, occ.name).find((i) => i.local === occ.name && i.line > 0);
    if (!binding) return null;
    const written = this.importAt(occ.fileId, binding.line, occ.name);
    return written ? { local: written } : at(occ.fileId, occ.path, occ.language, binding.line);
  }

  private readonly commonJsCache = new Map<number, Target[] | null>();

  /**
   * A CommonJS module's one export, `module.exports = Route` (or `= exports = createApplication`): the top-level
   * definition it names, as the TypeScript service answers for `require('./route')`; null when the file has none.
   */
  private commonJsExport(fileId: number): Target[] | null {
    let found = this.commonJsCache.get(fileId);
    if (found === undefined) {
      const assigned = this.rows.occurrencesNamedInFile(fileId, 'exports').filter((o) => o.qualifier === 'module')
        .map((o) => COMMONJS_EXPORT.exec(this.rows.lineText(fileId, o.line) ?? '')?.[1]).find((name) => name !== undefined);
      const targets = assigned ? this.fileSymbols(fileId, assigned).filter((s) => s.parentId === null).map((symbol) => ({ symbol })) : [];
      this.commonJsCache.set(fileId, (found = targets.length ? targets : null));
    }
    return found;
  }

  /** A module's file as a target: its first line, where pyright puts a module. */
  private moduleStart(fileId: number, name: string): Target {
    const file = this.fileOf(fileId);
    return { local: { fileId, path: file?.path ?? '', language: file?.language ?? null, line: 1, col: 1, name, role: ROLE.import, symbolId: null, qualifier: null } };
  }

  /** Files of the module a name stands for (`import * as ns`, `import pkg`, a Go package); null when it is no module import. */
  private importedModule(occ: NavOccurrence, local: string): number[] | null {
    const bindings = this.bindings(occ.fileId, local).filter((i) => i.local === local);
    if (!bindings.length) return null;
    const paths = this.paths();
    const files: number[] = [];
    let wholeModule = false;
    for (const b of bindings) {
      if (b.imported === null || b.imported === '*') {
        wholeModule = true;
        files.push(...this.moduleFiles(paths, occ.language, occ.path, b.source));
      } else if (occ.language === 'python') files.push(...this.moduleFiles(paths, 'python', occ.path, pythonSubmodule(b.source, b.imported)));
      else return null;
    }
    // `from m import name` where m has no submodule `name`: a name, not a module.
    return files.length || wholeModule ? files : null;
  }

  /** A module's top-level definition of `name`, following re-exports a few steps. */
  private readonly exportedCache = new Map<string, Target[]>();

  private exported(fileId: number, name: string, depth: number): Target[] {
    const key = `${fileId}\0${name}\0${depth}`;
    let found = this.exportedCache.get(key);
    if (!found) this.exportedCache.set(key, (found = this.findExported(fileId, name, depth)));
    return found;
  }

  private findExported(fileId: number, name: string, depth: number): Target[] {
    const top = this.fileSymbols(fileId, name).filter((s) => s.parentId === null);
    if (top.length) return top.map((symbol) => ({ symbol }));
    if (depth >= REEXPORT_DEPTH) return [];
    const file = this.fileOf(fileId);
    if (!file) return [];
    const via = this.bindings(fileId, name);
    return via.flatMap((b) => this.bindingTargets(file.path, file.language, b.local === '*' ? { ...b, imported: name } : b, depth + 1));
  }

  private readonly fileCache = new Map<number, { path: string; language: string | null } | null>();

  /** A file's path and language: from the repo's file list once this request has it, else read (and kept) alone. */
  fileInfo(fileId: number): { path: string; language: string | null } | null {
    return this.pathsCache?.byId.get(fileId) ?? this.fileOf(fileId);
  }

  private fileOf(fileId: number): { path: string; language: string | null } | null {
    let found = this.fileCache.get(fileId);
    if (found === undefined) {
      this.fileCache.set(fileId, (found = this.rows.fileById(fileId) ?? null));
    }
    return found;
  }

  /** Go: top-level definitions in the same folder (the package); Java: classes of the same package. */
  private inPackage(occ: NavOccurrence, name: string): Target[] {
    if (occ.language !== 'go' && occ.language !== 'java') return [];
    const folder = folderOf(occ.path);
    return this.named(name).filter((s) => s.parentId === null && folderOf(s.path) === folder && s.language === occ.language).map((symbol) => ({ symbol }));
  }

  /** Every same-named definition, nearest first: same file, same folder, same top folder, elsewhere. */
  candidates(occ: { path: string; name: string; language: string | null; role?: number }, member: boolean): Resolution {
    // A references scan asks this for every use of a common name: ranked once per file.
    const key = `${occ.path}\0${occ.name}\0${member ? 1 : 0}${javaCall(occ) ? '\0call' : ''}`;
    let ranked = this.candidateCache.get(key);
    if (!ranked) this.candidateCache.set(key, (ranked = this.rankCandidates(occ, member)));
    return ranked;
  }

  private readonly candidateCache = new Map<string, Resolution>();
  private readonly moduleCache = new Map<string, number[]>();

  /** The files of an import specifier, once per folder, language and specifier (scans of the path list add up in a references scan). */
  private moduleFiles(paths: RepoPaths, language: string | null, fromPath: string, source: string): number[] {
    const key = `${language ?? ''}\0${importFolder(fromPath, source)}\0${source}`;
    let files = this.moduleCache.get(key);
    if (!files) this.moduleCache.set(key, (files = findModuleFiles(paths, language, fromPath, source)));
    return files;
  }

  /** A method, field or property, or any symbol declared in a class-like one. */
  isMember(s: NavSymbol): boolean {
    return MEMBER_KINDS.has(s.kind) || (s.parentId !== null && CLASS_LIKE.has(this.symbol(s.parentId)?.kind ?? ''));
  }

  private readonly poolCache = new Map<string, PooledSymbol[]>();
  /** A folder's ranked pool: its own folder's symbols, the rest, and both in order. */
  private readonly folderRankCache = new Map<string, { near: NavSymbol[]; rest: NavSymbol[]; all: NavSymbol[] }>();

  /** The same-named definitions a guess chooses among: they depend on the name, language and use, not on the place. */
  private candidatePool(occ: { name: string; language: string | null; role?: number }, member: boolean): PooledSymbol[] {
    const family = familyOf(occ.language);
    const key = `${occ.name}\0${family ?? ''}\0${member ? 1 : 0}${javaCall(occ) ? '\0call' : ''}`;
    let found = this.poolCache.get(key);
    if (found) return found;
    // A name in a TypeScript file is not defined by a Python file: other languages only when nothing else matches.
    const named = this.named(occ.name);
    const sameLanguage = named.filter((s) => familyOf(s.language) === family);
    const all = sameLanguage.length ? sameLanguage : named;
    // A Java call names a method or a constructor (a class for `new`), never a field of the same name.
    const callable = javaCall(occ) ? all.filter((s) => CALLABLE_KINDS.has(s.kind) || CLASS_LIKE.has(s.kind)) : all;
    const preferred = callable.filter((s) => this.isMember(s) === member);
    const pool = preferred.length ? preferred : callable.length ? callable : all;
    this.poolCache.set(key, (found = pool.map((s) => ({ s, folder: folderOf(s.path), top: topFolder(folderOf(s.path)) }))));
    return found;
  }

  private readonly byLengthCache = new WeakMap<PooledSymbol[], PooledSymbol[]>();

  /** A pool by path length, then line (a stable sort: equal ones keep the pool's order), once per pool. */
  private byLength(pool: PooledSymbol[]): PooledSymbol[] {
    let found = this.byLengthCache.get(pool);
    if (!found) this.byLengthCache.set(pool, (found = [...pool].sort((a, b) => a.s.path.length - b.s.path.length || a.s.startLine - b.s.startLine)));
    return found;
  }

  private rankCandidates(occ: { path: string; name: string; language: string | null; role?: number }, member: boolean): Resolution {
    const pool = this.candidatePool(occ, member);
    // Ranked once per folder (a scan meets hundreds of files of a few folders); the file's own definitions then go first.
    const folder = folderOf(occ.path);
    const key = `${folder}\0${occ.name}\0${familyOf(occ.language) ?? ''}\0${member ? 1 : 0}${javaCall(occ) ? '\0call' : ''}`;
    let ranks = this.folderRankCache.get(key);
    if (!ranks) {
      const top = topFolder(folder);
      // Same folder, then same top folder, then the rest, each in the pool's (path length, line) order: one pass per
      // folder over a pool sorted once (a scan of `x.__all__` meets hundreds of folders, each a sort of a large pool).
      const near: NavSymbol[] = [];
      const sameTop: NavSymbol[] = [];
      const far: NavSymbol[] = [];
      for (const p of this.byLength(pool)) (p.folder === folder ? near : p.top === top ? sameTop : far).push(p.s);
      const rest = sameTop.concat(far);
      ranks = { near, rest, all: near.concat(rest) };
      this.folderRankCache.set(key, ranks);
    }
    // The file's own definitions are in its folder: only the few there are filtered per file, not the whole pool.
    const own = ranks.near.filter((s) => s.path === occ.path);
    const ranked = own.length ? own.concat(ranks.near.filter((s) => s.path !== occ.path), ranks.rest) : ranks.all;
    return { targets: ranked.map((symbol) => ({ symbol })), confidence: 'candidate' };
  }

  /**
   * Whether a plain name (no receiver) in a file other than the targets' can resolve to one of them. Not when
   * every target is a Python member or attribute: a plain name reaches another file only through an import
   * (top-level names) or as a guess among same-named non-members; checked once per references scan.
   */
  plainNameReaches(targets: readonly Target[], name: string): boolean {
    const member = (t: Target): boolean => (t.symbol ? t.symbol.language === 'python' && t.symbol.parentId !== null : t.local.language === 'python' && isAttribute(t.local));
    if (!targets.every(member)) return true;
    const ids = new Set(targets.flatMap((t) => (t.symbol ? [t.symbol.id] : [])));
    return this.candidatePool({ name, language: 'python' }, false).some((p) => ids.has(p.s.id));
  }

  /**
   * Whether a receiver (`x.name` in another file) can reach the targets only as a module's member: every target is a
   * top-level Python definition (a receiver's type has members, never those), and a guess among same-named members
   * cannot choose one either; checked once per references scan.
   */
  onlyModulesReach(targets: readonly Target[], name: string): boolean {
    if (!targets.every((t) => t.symbol?.language === 'python' && t.symbol.parentId === null)) return false;
    const ids = new Set(targets.flatMap((t) => (t.symbol ? [t.symbol.id] : [])));
    return !this.candidatePool({ name, language: 'python' }, true).some((p) => ids.has(p.s.id));
  }

  /** Whether `qualifier` can stand, in the use's file, for an imported module whose top-level `occ.name` is a target (`np` in `np.exp`). */
  moduleLeadsTo(occ: NavOccurrence, qualifier: string, isTarget: (t: Target) => boolean): boolean {
    if (SELF_WORDS.has(qualifier) || qualifier.includes('.') || qualifier.endsWith('()')) return false;
    return this.importedModule(occ, qualifier)?.some((fileId) => this.exported(fileId, occ.name, 0).some(isTarget)) ?? false;
  }
}

interface PooledSymbol {
  s: NavSymbol;
  folder: string;
  top: string;
}

/** The folder an import specifier is read from: the importing file's for a relative one (`./x`, `.models`), none for any other. */
function importFolder(fromPath: string, source: string): string {
  return source.startsWith('.') ? folderOf(fromPath) : '';
}

/** The first segment of a folder, as `proximity` compares them. */
function topFolder(folder: string): string {
  const slash = folder.indexOf('/');
  return slash < 0 ? folder : folder.slice(0, slash);
}

const javaCall = (occ: { language: string | null; role?: number }): boolean => occ.language === 'java' && occ.role === ROLE.call;

/** How far a Java call's arguments are read for overload choice. */
const ARGUMENT_LINES = 12;
/** A Python `def` header is read at most this many lines past its first. */
const HEADER_LINES = 40;

/** Arguments of the call whose `(` starts `text` (after spaces): their count, undefined when the `)` is not in it, null for no call. */
export function countArguments(text: string): number | null | undefined {
  const open = /^\s*\(/u.exec(text);
  if (!open) return null;
  let depth = 0;
  let commas = 0;
  let empty = true;
  for (let i = open[0].length - 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      // Skip a string or char literal (escapes included).
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      empty = false;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return empty ? 0 : commas + 1;
    } else if (c === ',' && depth === 1) commas++;
    else if (depth >= 1 && !/\s/u.test(c)) empty = false;
  }
  return undefined;
}

/** Whether a Java method (its FQN ends with its parameter types, `m(String,int)`) takes `args` arguments. */
function acceptsArguments(fqn: string, args: number): boolean {
  const m = /\(([^()]*)\)$/u.exec(fqn);
  if (!m) return true;
  const params = m[1]!.trim() === '' ? [] : m[1]!.split(',');
  const varargs = params[params.length - 1]?.trim().endsWith('...') ?? false;
  return varargs ? args >= params.length - 1 : args === params.length;
}

/** Whether a TypeScript declaration of this kind is what the use means: a type use a type, any other use a value. */
function fitsSpace(occ: NavOccurrence, kind: string | undefined): boolean {
  const typeOnly = kind === 'interface' || kind === 'type';
  return occ.role === ROLE.type ? typeOnly || kind === 'class' || kind === 'enum' : !typeOnly;
}

function familyOf(language: string | null): string | null {
  if (language === 'typescript' || language === 'tsx' || language === 'javascript') return 'js';
  if (isCFamily(language)) return 'c';
  return language;
}

/** `from .pkg import mod` → `.pkg.mod`; `from . import mod` → `.mod`. */
function pythonSubmodule(source: string, name: string): string {
  return `${source}${source.endsWith('.') ? '' : '.'}${name}`;
}

/** `func (s *Server) Handle()` → the receiver `s` and its type `Server` (`func (*Server) Reset()`: no name); nulls for a function. */
function goReceiver(method: NavSymbol): { name: string | null; type: string | null } {
  const m = /^func\s*\(\s*(?:([\p{L}\p{N}_]+)\s+)?\*?([\p{L}\p{N}_]+)/u.exec(method.signature);
  return { name: m?.[1] ?? null, type: m?.[2] ?? null };
}
