// The navigation verbs over one read connection: definition, references, callers, callees, flow and the
// file tree. Runs on a search worker (its own connection), so a slow references scan never holds up the host.
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { CallTreeNode, DefinitionHit, FlowAnswer, NavConfidence, NavPosition, ReferenceHit, ReferencesAnswer, TreeEntry } from '../../../shared/nav.js';
import { ATTRIBUTE_MARK, EXPRESSION_RECEIVER, KEYWORD_ARGUMENT, OCCURRENCE_ROLES } from '../../../shared/nav.js';
import type { EntryPointRow } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import type { ReadDb } from '../../db/connection.js';
import { fqnEndingWith } from '../../db/read/fqnTail.js';
import { symbolFqns } from '../../db/read/nav/symbolFqns.js';
import { NavRows, type NavFile, type NavOccurrence, type NavSymbol } from '../../db/read/nav/navRows.js';
import { pathAliases, realPathOf } from '../../db/read/pathAliases.js';
import { findRepo, type RepoRef } from '../../db/read/repos.js';
import { RepoPaths, proximity } from './modules.js';
import { ROLE, Resolver, type Resolution, type Target } from './resolver.js';
import { CallTrees, clampDepth } from './callTrees.js';
import { isCFamily } from './cGlobals.js';
import { NavByName } from './byName.js';
import { DEFINITION_LIMIT, REFS_BUDGET_MS } from './navLimits.js';
import type { NavReads } from './navReads.js';
import { escapeRegex } from '../../base/escapeRegex.js';
import { DOTTED_PATH } from '../../base/identifiers.js';
import { wholeNamePattern } from './textReferences.js';

/** Lines after a symbol's first where its name is looked for when no occurrence marks it (attributes, a doc block). */
const NAME_SEARCH_LINES = 8;
export const REFS_DEFAULT_LIMIT = 200;
export const REFS_MAX_LIMIT = 5000;
/** Occurrences of one name read for a references answer; past it the answer says it was cut. */
const REFS_SCAN = 50_000;
/** How many names a receiver path has (`r.Form`: 2); 0 for a qualifier that is no plain path (a marker, an expression). */
const pathLength = (qualifier: string): number => (DOTTED_PATH.test(qualifier) ? qualifier.split('.').length : 0);

export class NavService implements NavReads {
  readonly rows: NavRows;
  private paths = new Map<number, { version: number; paths: RepoPaths }>();

  constructor(readonly db: ReadDb) {
    this.rows = new NavRows(db);
  }

  /** A resolver for one request, its caches fresh; the repo's path list and the rows read are kept while the index is unchanged. */
  resolver(repoId: number): Resolver {
    this.rows.beginRequest();
    return new Resolver(this.rows, repoId, (id) => this.pathsOf(id));
  }

  private pathsOf(repoId: number): RepoPaths {
    const version = this.rows.dataVersion();
    const cached = this.paths.get(repoId);
    if (cached?.version === version) return cached.paths;
    const paths = new RepoPaths(this.rows.filePaths(repoId), this.goModule(repoId), this.pythonPackage(repoId));
    this.paths.set(repoId, { version, paths });
    return paths;
  }

  /**
   * Builds every repo's path list and its lookup indexes ahead of the first answer (a worker does it when it opens):
   * on 10,000 files they cost the first references answer ~10-20 ms. Kept while the index is unchanged.
   */
  warm(): number {
    const repoIds = this.rows.repoIds();
    for (const id of repoIds) this.pathsOf(id).warm();
    return repoIds.length;
  }

  /** The repo folder's name when the folder is itself a Python package (its code imports itself by that name). */
  private pythonPackage(repoId: number): string | null {
    if (!this.rows.file(repoId, '__init__.py')) return null;
    const root = this.rows.repoPath(repoId);
    return root ? basename(root) : null;
  }

  private goModule(repoId: number): string | null {
    const file = this.rows.file(repoId, 'go.mod');
    if (!file) return null;
    for (let line = 1; line <= Math.min(file.lineCount, 20); line++) {
      const m = /^\s*module\s+"?([^\s"]+)/u.exec(this.rows.lineText(file.id, line) ?? '');
      if (m?.[1]) return m[1];
    }
    return null;
  }

  /** A path as given (repo-relative, or absolute inside the repo, or through a folder symlink) → the indexed path. */
  private relPath(repo: RepoRef, path: string): string {
    let rel = path;
    if (isAbsolute(path)) {
      const inside = relativeInside(repo, path);
      if (inside === null) throw new ClewFailure('OUTSIDE_REPO', `${path} is not inside ${repo.path}`);
      rel = inside;
    }
    rel = rel.split(sep).join('/').replace(/^\.\//u, '');
    return realPathOf(pathAliases(this.db, repo.id), rel);
  }

  /** The occurrence under a position; null in whitespace, comments, keywords or past the end. */
  occurrenceAt(pos: NavPosition): { repo: RepoRef; file: NavFile; occ: NavOccurrence | null } {
    this.rows.beginRequest();
    const repo = findRepo(this.db, pos.repo);
    const path = this.relPath(repo, pos.path);
    const file = this.rows.file(repo.id, path);
    if (!file) throw new ClewFailure('NOT_FOUND', `${path} is not indexed in ${repo.name} (not a source file, ignored, or not indexed yet)`);
    const occ = this.rows.occurrenceBefore(file.id, pos.line, pos.column);
    return { repo, file, occ: occ && occ.col + occ.name.length > pos.column ? occ : null };
  }

  definition(pos: NavPosition): DefinitionHit[] {
    const { repo, occ, file } = this.occurrenceAt(pos);
    if (!occ) return this.rows.hasOccurrences(file.id) ? [] : new NavByName(this, repo, this.resolver(repo.id)).definition(file, pos);
    const resolver = this.resolver(repo.id);
    const resolution = resolver.resolve(occ);
    // On a C or C++ function's own name, its other declaration: the body from a prototype, the prototype from the body.
    const declared = occ.role === ROLE.definition && isCFamily(occ.language) ? resolution.targets[0]?.symbol : undefined;
    const other = declared ? resolver.c.counterparts(declared) : [];
    if (other.length) return other.slice(0, DEFINITION_LIMIT).map((symbol) => this.hit(repo, resolver, { symbol }, 'exact'));
    // A C++ method declared in its class and defined in the same file: from one place to the other.
    const inClass = declared ? resolver.cppDeclarationInClass(declared) : null;
    if (declared && inClass) {
      const onBody = occ.line >= declared.startLine && occ.line <= declared.endLine;
      return [this.hit(repo, resolver, onBody ? { symbol: declared, at: { line: inClass.line, col: inClass.col } } : { symbol: declared }, 'exact')];
    }
    return resolution.targets.slice(0, DEFINITION_LIMIT).map((t) => this.hit(repo, resolver, t, resolution.confidence));
  }

  /** A target as an answer row: where its name is written, its signature and doc. */
  hit(repo: RepoRef, resolver: Resolver, target: Target, confidence: NavConfidence): DefinitionHit {
    if (target.local) {
      const local = target.local;
      const enclosing = resolver.symbol(local.symbolId);
      return {
        // An import binding names a module; any other local is a variable or parameter.
        fqn: `${enclosing?.fqn ?? local.path}/${local.name}`, name: local.name, kind: local.role === ROLE.import ? 'module' : 'variable', repo: repo.path, file: local.path,
        line: local.line, column: local.col, endLine: local.line, signature: (this.rows.lineText(local.fileId, local.line) ?? '').trim().slice(0, 300), doc: null, confidence,
      };
    }
    const s = target.symbol;
    const at = target.at ?? this.namePosition(s);
    return {
      fqn: s.fqn, name: s.name, kind: s.kind, repo: repo.path, file: s.path, line: at.line, column: at.col, endLine: s.endLine,
      signature: target.at?.signature ?? s.signature, doc: this.rows.symbolDoc(s.id), confidence,
    };
  }

  /**
   * Where the symbol's name is written: its definition occurrence inside its range; in a file without occurrences,
   * the name's first whole-word spelling in the declaration's first lines (past attributes and doc lines); else its first line.
   */
  namePosition(s: NavSymbol): { line: number; col: number } {
    const def = this.rows.fileDefinitionsNamed(s.fileId, s.name).find((d) => d.line >= s.startLine && d.line <= s.endLine);
    // A C++ class whose body a macro broke may have lost its own name's row: its head still says `class Name`.
    const head = def && def.line > s.startLine && isCFamily(s.language) && ['class', 'struct', 'enum'].includes(s.kind)
      ? this.typeHead(s, def.line) : null;
    if (head) return head;
    if (def) return { line: def.line, col: def.col };
    const spelled = new RegExp(wholeNamePattern(s.name), 'u');
    for (let line = s.startLine; line <= Math.min(s.endLine, s.startLine + NAME_SEARCH_LINES); line++) {
      const at = this.rows.lineText(s.fileId, line)?.search(spelled) ?? -1;
      if (at >= 0) return { line, col: at + 1 };
    }
    return { line: s.startLine, col: 1 };
  }

  /** `class Name` / `struct Name` on the declaration's lines before `before`. */
  private typeHead(s: NavSymbol, before: number): { line: number; col: number } | null {
    const head = new RegExp(`\\b(?:class|struct|union|enum)\\s+(${escapeRegex(s.name)})\\b`, 'u');
    for (let line = s.startLine; line < before && line <= s.startLine + NAME_SEARCH_LINES; line++) {
      const m = head.exec(this.rows.lineText(s.fileId, line) ?? '');
      if (m) return { line, col: m.index + m[0].length - s.name.length + 1 };
    }
    return null;
  }

  references(req: { repo: string; fqn?: string | undefined; position?: NavPosition | undefined; limit?: number | undefined }): ReferencesAnswer {
    const limit = Math.min(Math.max(1, req.limit ?? REFS_DEFAULT_LIMIT), REFS_MAX_LIMIT);
    const repo = findRepo(this.db, req.repo);
    const resolver = this.resolver(repo.id);
    let targets: Target[] = [];
    let confidence: NavConfidence = 'exact';
    if (req.position) {
      const { occ, file } = this.occurrenceAt({ ...req.position, repo: req.position.repo || req.repo });
      if (!occ && !this.rows.hasOccurrences(file.id)) return new NavByName(this, repo, resolver).referencesAt(file, req.position, limit);
      if (occ) {
        const resolution = resolver.referenceTargets(occ);
        // A guess stands for one symbol: the nearest candidate, not all of them.
        targets = resolution.confidence === 'exact' ? resolution.targets : resolution.targets.slice(0, 1);
        confidence = resolution.confidence;
      }
    } else if (req.fqn) {
      targets = this.symbolsNamedBy(repo.id, req.fqn).map((symbol) => ({ symbol }));
    }
    const first = targets[0];
    if (!first) return { targets: [], refs: [], truncated: false };
    if (first.symbol && !this.rows.hasOccurrences(first.symbol.fileId)) return new NavByName(this, repo, resolver).referencesOf(first.symbol, confidence, limit);
    const name = first.symbol?.name ?? first.local?.name ?? '';
    const found = this.uses(resolver, name, targets, limit);
    // The enclosing symbols' names in one read: thousands of uses sit in hundreds of functions.
    const enclosing = symbolFqns(this.db, [...new Set(found.uses.flatMap(({ occ }) => (occ.symbolId === null ? [] : [occ.symbolId])))]);
    return {
      targets: targets.map((t) => this.hit(repo, resolver, t, confidence)),
      refs: found.uses.map(({ occ, confidence: c }) => this.referenceHit(repo, resolver, occ, c, enclosing)),
      truncated: found.truncated,
    };
  }

  /** Occurrences of `name` that resolve to one of the targets (exact) or could (candidate), exact ones first. */
  uses(resolver: Resolver, name: string, targets: readonly Target[], limit: number, roles?: ReadonlySet<number>): { uses: Array<{ occ: NavOccurrence; confidence: NavConfidence }>; truncated: boolean } {
    const ids = new Set(targets.flatMap((t) => (t.symbol ? [t.symbol.id] : [])));
    const locals = new Set(targets.flatMap((t) => (t.local ? [`${t.local.fileId}:${t.local.line}:${t.local.col}`] : [])));
    const localFiles = new Set(targets.flatMap((t) => (t.local ? [t.local.fileId] : [])));
    // An attribute (`self.x = …`) is reached from any file, through an instance of its class.
    const attribute = targets.some((t) => t.local?.role === ROLE.definition && t.local.qualifier?.startsWith(ATTRIBUTE_MARK));
    // A Python parameter of a function other files call is reached there only through a keyword argument (`f(name=…)`)
    // in a file that names the function: those files are scanned too, and in them nothing else is resolved.
    const fileBound = ids.size === 0 && !attribute;
    const callees = fileBound ? targets.flatMap((t) => resolver.keywordCallee(t) ?? []) : [];
    const keywordsElsewhere = callees.length > 0;
    const scanned = keywordsElsewhere ? new Set([...localFiles, ...callees.flatMap((c) => this.rows.filesNaming(resolver.repoId, c))]) : localFiles;
    const isTarget = (t: Target): boolean => (t.symbol ? ids.has(t.symbol.id) : locals.has(`${t.local.fileId}:${t.local.line}:${t.local.col}`));
    // A guess counts only when the target is among the nearest same-named definitions, not any of them.
    const guessMatches = (r: Resolution, from: string): boolean => {
      const first = r.targets[0];
      const best = first ? proximity(from, first.symbol?.path ?? first.local?.path ?? '') : 0;
      return r.targets.some((t) => isTarget(t) && proximity(from, t.symbol?.path ?? t.local?.path ?? '') === best);
    };
    // A guess is one cached list per file and name, met at every use of the name there: judged once per file.
    const judged = new WeakMap<Resolution, Map<string, boolean>>();
    const matches = (r: Resolution, from: string): boolean => {
      if (r.confidence === 'exact') return r.targets.some(isTarget);
      let byFile = judged.get(r);
      if (!byFile) judged.set(r, (byFile = new Map()));
      let found = byFile.get(from);
      if (found === undefined) byFile.set(from, (found = guessMatches(r, from)));
      return found;
    };
    const started = performance.now();
    // A Python member is reached from another file only through a receiver (`df.dtype`): plain names there are skipped unresolved.
    const plainElsewhere = !fileBound && !resolver.plainNameReaches(targets, name);
    const targetFiles = new Set(targets.map((t) => (t.symbol ? t.symbol.fileId : t.local.fileId)));
    // A plain Python name in a file without a target names one only where no definition of the file shadows it, so only
    // through what it stands for unscoped (imports, a guess): when that is no target, none of the file's plain uses is one
    // (`exp` for "expected" in thousands of pandas tests is never sympy's `exp`), and their scopes need no walk.
    const plainReaches = new Map<number, boolean>();
    // A top-level Python definition is reached through a receiver in another file only as an imported module's member
    // (`sympy.exp`; never `expr.exp`, `self.exp`, `np.exp`) when a guess cannot choose it: other receivers are skipped unresolved.
    const modulesOnly = !fileBound && resolver.onlyModulesReach(targets, name);
    const receiverReaches = new Map<string, boolean>();
    const memberTargets = targets.some((t) => t.symbol && resolver.isMember(t.symbol));
    const exact: Array<{ occ: NavOccurrence; confidence: NavConfidence }> = [];
    const guessed: Array<{ occ: NavOccurrence; confidence: NavConfidence }> = [];
    let truncated = false;
    let i = 0;
    scan: for (const batch of this.scan(resolver, name, fileBound ? scanned : null)) {
      // The batch holds every occurrence of the name in its file, definitions included: its definitions need no read.
      if (batch.complete && !fileBound) resolver.knowOccurrences(batch.occs[0]!.fileId, name, batch.occs);
      if (batch.cut) truncated = true;
      // A plain Python name in a file that defines it at top level finds that definition (or one in a nearer scope) in the
      // file, whatever its imports say: when no target is in the file, none of its plain uses is one (`__all__`).
      const elsewhere = !targetFiles.has(batch.occs[0]!.fileId);
      const ownTop = elsewhere && batch.occs.some(definesAtTop);
      for (const occ of batch.occs) {
        if ((i++ & 255) === 255 && performance.now() - started > REFS_BUDGET_MS) {
          truncated = true;
          break scan;
        }
        if (roles && !roles.has(occ.role)) continue;
        // A member of an expression (`f().x`) can only be guessed from its name: too weak to count as a use.
        if (occ.qualifier === EXPRESSION_RECEIVER) continue;
        // A definition declares something of its own file: one in another file than the targets' is never a use of them.
        if (occ.role === ROLE.definition && elsewhere) continue;
        if (keywordsElsewhere && elsewhere && !occ.qualifier?.startsWith(KEYWORD_ARGUMENT)) continue;
        // Python uses in a file without a target: the skips above, each decided once per file (or file and receiver).
        if (occ.language === 'python' && elsewhere) {
          if (occ.qualifier === null) {
            if (plainElsewhere) continue;
            if (occ.role !== ROLE.import) {
              if (ownTop) continue;
              let reaches = plainReaches.get(occ.fileId);
              if (reaches === undefined) plainReaches.set(occ.fileId, (reaches = matches(resolver.unscoped(occ), occ.path)));
              if (!reaches) continue;
            }
          } else if (modulesOnly) {
            const key = `${occ.fileId}\0${occ.qualifier}`;
            let reaches = receiverReaches.get(key);
            if (reaches === undefined) receiverReaches.set(key, (reaches = resolver.moduleLeadsTo(occ, occ.qualifier, isTarget)));
            if (!reaches) continue;
          }
        }
        const r = resolver.resolve(occ);
        // A guessed member (`this.req` with no class known) is a use of some member, never of a module's variable or function.
        if (r.confidence !== 'exact' && occ.qualifier !== null && !memberTargets) continue;
        // A member of a path no type was found for is as weak a guess as an expression's (`a.b.c.x`); in Go, where every
        // field and variable has a declared type, a path's member left unresolved is a type's outside the repo (`r.Form.Value`).
        if (r.confidence !== 'exact' && occ.qualifier !== null && pathLength(occ.qualifier) >= (occ.language === 'go' ? 2 : 3)) continue;
        if (!matches(r, occ.path)) continue;
        (r.confidence === 'exact' ? exact : guessed).push({ occ, confidence: r.confidence });
        if (exact.length >= limit) {
          truncated = true;
          break scan;
        }
      }
    }
    const all = [...exact.sort(byPlace), ...guessed.sort(byPlace)];
    if (all.length > limit) truncated = true;
    return { uses: all.slice(0, limit), truncated };
  }

  /**
   * The occurrences of `name` a references scan walks, file by file in place order: a local's own files only
   * (`self`: 260,000 places repo-wide), else the repo's, read a page at a time and cut at REFS_SCAN rows.
   */
  private *scan(resolver: Resolver, name: string, files: ReadonlySet<number> | null): Generator<{ occs: NavOccurrence[]; complete: boolean; cut: boolean }> {
    if (files) {
      for (const fileId of files) {
        const occs = this.rows.occurrencesNamedInFile(fileId, name);
        if (occs.length) yield { occs, complete: true, cut: false };
      }
      return;
    }
    const nameId = this.rows.nameId(name);
    if (nameId === undefined) return;
    for (const batch of this.rows.occurrenceBatchesNamed(resolver.repoId, nameId, REFS_SCAN)) {
      // The repo's file list is built (once per index version) only when resolving needs it, not for the scan.
      const file = resolver.fileInfo(batch.fileId);
      if (!file) continue;
      const occs = batch.rows.map(([fileId, line, col, role, symbolId, qualifierId]): NavOccurrence =>
        ({ fileId, path: file.path, language: file.language, line, col, name, role, symbolId, qualifier: qualifierId === null ? null : resolver.nameOf(qualifierId) }));
      yield { occs, complete: batch.complete, cut: !batch.complete };
    }
  }

  /** `enclosing`: the FQNs of the uses' enclosing symbols when read for the whole answer, else each is read here. */
  referenceHit(repo: RepoRef, resolver: Resolver, occ: NavOccurrence, confidence: NavConfidence, enclosing?: ReadonlyMap<number, string>): ReferenceHit {
    const fqn = occ.symbolId === null ? null : enclosing ? enclosing.get(occ.symbolId) : resolver.symbol(occ.symbolId)?.fqn;
    return {
      repo: repo.path, file: occ.path, line: occ.line, column: occ.col, role: OCCURRENCE_ROLES[occ.role] ?? 'reference',
      enclosing: fqn ?? null, snippet: (this.rows.lineText(occ.fileId, occ.line) ?? '').trim().slice(0, 240), confidence,
    };
  }

  /** The symbols of an FQN, or of the one FQN that ends with `fqn` (`BaseHandler.load_middleware`): see fqnTail.ts. */
  private symbolsNamedBy(repoId: number, fqn: string): NavSymbol[] {
    const exact = this.rows.symbolsByFqn(repoId, fqn);
    if (exact.length > 0) return exact;
    const full = fqnEndingWith(this.db, fqn, repoId);
    return full ? this.rows.symbolsByFqn(repoId, full) : [];
  }

  callees(req: { repo: string; fqn: string; depth?: number | undefined }): CallTreeNode | null {
    const repo = findRepo(this.db, req.repo);
    const root = this.symbolsNamedBy(repo.id, req.fqn)[0];
    if (!root) return null;
    return new CallTrees(this, this.resolver(repo.id), repo).callees(root, 'exact', clampDepth(req.depth));
  }

  callers(req: { repo: string; fqn: string; depth?: number | undefined }): CallTreeNode | null {
    const repo = findRepo(this.db, req.repo);
    const root = this.symbolsNamedBy(repo.id, req.fqn)[0];
    if (!root) return null;
    return new CallTrees(this, this.resolver(repo.id), repo).callers(root, clampDepth(req.depth));
  }

  flow(req: { repo: string; entry: string; depth?: number | undefined }): FlowAnswer | null {
    const repo = findRepo(this.db, req.repo);
    const entries = this.rows.entryPoints(repo.id);
    const wanted = req.entry.trim();
    const route = /^([A-Za-z]+)\s+(\S.*)$/u.exec(wanted);
    const found = /^\d+$/u.test(wanted) ? entries.find((e) => e.id === Number(wanted))
      : entries.find((e) => (route ? e.method?.toUpperCase() === route[1]?.toUpperCase() && e.path === route[2] : e.path === wanted))
        // A route that takes every method (`ANY /varz`, net/http's HandleFunc) answers `GET /varz` too.
        ?? (route ? entries.find((e) => e.method === 'ANY' && e.path === route[2]) : undefined)
        ?? entries.find((e) => e.symbol === wanted);
    if (!found) return null;
    const { symbolId, fileId, ...entry } = found;
    const resolver = this.resolver(repo.id);
    let handler: NavSymbol | null = resolver.symbol(symbolId);
    let confidence: NavConfidence = 'exact';
    if (!handler && found.symbol) {
      // A handler named in another file (`views.index`): the nearest same-named function.
      const parts = found.symbol.split(/[.:#/]+/u).filter(Boolean);
      const name = parts[parts.length - 1] ?? '';
      const fromFile = this.rows.fileById(fileId)?.path ?? found.file;
      const ranked = resolver.candidates({ path: fromFile, name, language: this.rows.fileById(fileId)?.language ?? null }, false).targets.flatMap((t) => (t.symbol ? [t.symbol] : []));
      handler = ranked.find((s) => s.kind === 'function' || s.kind === 'method') ?? ranked[0] ?? null;
      confidence = 'candidate';
    }
    const root = handler ? new CallTrees(this, resolver, repo).callees(handler, confidence, clampDepth(req.depth)) : null;
    return { entry: entry satisfies EntryPointRow, root };
  }

  /** `from`: the caller's working folder; a relative `path` is read from there first when it lies inside the repo
   * (`clew tree . src` run in `package/`), then from the repo's root. */
  tree(req: { repo: string; path?: string | undefined; from?: string | undefined }): TreeEntry[] {
    const repo = findRepo(this.db, req.repo);
    const path = req.path;
    // Both a folder below the root: from the root itself, the path reads the same either way.
    const there = path && req.from && !isAbsolute(path) ? join(req.from, path) : null;
    if (there && req.from && relativeInside(repo, req.from) && relativeInside(repo, there)) {
      const fromThere = this.entriesUnder(repo, there);
      if (fromThere.length > 0) return fromThere;
    }
    return this.entriesUnder(repo, path ?? '');
  }

  /** The children of one folder (`path` relative to the repo's root, or absolute), with their file and symbol counts. */
  private entriesUnder(repo: RepoRef, path: string): TreeEntry[] {
    const folder = path ? this.relPath(repo, path).replace(/\/+$/u, '') : '';
    const children = new Map<string, TreeEntry>();
    for (const f of this.rows.filesUnder(repo.id, folder)) {
      const rest = folder ? f.path.slice(folder.length + 1) : f.path;
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      const path = folder ? `${folder}/${name}` : name;
      let entry = children.get(name);
      if (!entry) children.set(name, (entry = { path, name, kind: slash < 0 ? 'file' : 'dir', files: 0, symbols: 0, language: slash < 0 ? f.language : null }));
      entry.files++;
      entry.symbols += f.symbols;
    }
    return [...children.values()].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  }
}

export { ROLE };

/** A Python definition at a file's top level (no enclosing symbol), not an attribute (`self.x = …`). */
const definesAtTop = (o: NavOccurrence): boolean =>
  o.role === ROLE.definition && o.symbolId === null && o.language === 'python' && !(o.qualifier?.startsWith(ATTRIBUTE_MARK) ?? false);

/** `abs` relative to the repo's root ('' for the root itself), null when it lies outside. */
function relativeInside(repo: RepoRef, abs: string): string | null {
  const rel = relative(repo.path, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? null : rel;
}

/** Reading order: by file path, then line and column. */
function byPlace(a: { occ: NavOccurrence }, b: { occ: NavOccurrence }): number {
  return a.occ.path < b.occ.path ? -1 : a.occ.path > b.occ.path ? 1 : a.occ.line - b.occ.line || a.occ.col - b.occ.col;
}
