// Navigation where no occurrence pass ran (Rust, Ruby, PHP, C#…, and generated code kept as text): the index holds
// symbols but no names at places, so definitions, references and calls are read from the text, as candidates; a Rust
// name whose path or `use` resolves (rustPathResolver.ts) is exact, and one that names another item is no reference.
import type { DefinitionHit, NavConfidence, NavPosition, ReferenceHit, ReferencesAnswer } from '../../../shared/nav.js';
import type { SearchHit } from '../../../shared/types.js';
import type { NavFile, NavSymbol } from '../../db/read/nav/navRows.js';
import type { RepoRef } from '../../db/read/repos.js';
import { isInside } from '../../db/read/symbolPreference.js';
import { identifierAt, type IdentifierAt } from './identifierAt.js';
import { localDeclaration, localUses } from './localByText.js';
import { folderOf } from './modules.js';
import { DEFINITION_LIMIT, REFS_BUDGET_MS } from './navLimits.js';
import type { NavReads } from './navReads.js';
import type { Resolver, Target } from './resolver.js';
import { RustPathResolver, type RustResolution } from './rustPathResolver.js';
import { namedInStandardLibrary } from './standardLibraryPaths.js';
import { callSites, callsAt, fitsRustMacro, isRustMacro } from './textCalls.js';
import { isCommentLine, textReferences, wholeNamePattern } from './textReferences.js';

/** What a call written in the text can reach: a function, a method or constructor, or a type (`Foo(…)`, `Foo::new`'s `Foo`). */
const CALL_TARGET_KINDS = new Set(['function', 'method', 'constructor', 'class', 'struct']);

/** A parameter or local variable found in its function's text: its name, the function, and where it is declared. */
interface TextLocal {
  name: string;
  /** The function symbol holding it; null in code no function symbol holds (a callback, a script's top level). */
  fn: NavSymbol | null;
  at: { line: number; col: number };
}

export class NavByName {
  private rust: RustPathResolver | undefined;

  constructor(private readonly nav: NavReads, private readonly repo: RepoRef, private readonly resolver: Resolver) {}

  /** The word at the position: a parameter or local of its function, else the same-named definitions, nearest first. */
  definition(file: NavFile, pos: NavPosition): DefinitionHit[] {
    const word = this.wordAt(file, pos);
    if (!word || word.standardLibrary) return [];
    const local = this.localAt(file, pos, word);
    if (local) return [this.localHit(file, local)];
    // In Rust, on a symbol's own name where it is declared (`fn fmt(` beside `use std::fmt;`): that symbol. Not in C, where
    // a prototype's definition is its body elsewhere, nor where the oracles of bench:nav --by-name answer otherwise.
    const declared = file.language !== 'rust' ? [] : this.nav.rows.fileSymbolsNamed(file.id, word.name).filter((sym) => {
      const at = this.nav.namePosition(sym);
      return at.line === pos.line && pos.column >= at.col && pos.column <= at.col + word.name.length;
    });
    if (declared.length > 0) return declared.map((symbol) => this.nav.hit(this.repo, this.resolver, { symbol }, 'exact'));
    const byPath = this.rustPath(file, pos.line, word);
    if (byPath && 'outside' in byPath) return [];
    if (byPath) return byPath.symbols.slice(0, DEFINITION_LIMIT).map((symbol) => this.nav.hit(this.repo, this.resolver, { symbol }, 'exact'));
    return this.candidates(file, word).slice(0, DEFINITION_LIMIT).map((t) => this.nav.hit(this.repo, this.resolver, t, 'candidate'));
  }

  /** Uses of the word at the position: a local's in its function; else the nearest same-named definition's (as a guess stands for one). */
  referencesAt(file: NavFile, pos: NavPosition, limit: number): ReferencesAnswer {
    const word = this.wordAt(file, pos);
    const local = word && this.localAt(file, pos, word);
    if (local) return this.localReferences(file, local, limit);
    const byPath = word && this.rustPath(file, pos.line, word);
    if (!word || word.standardLibrary || (byPath && 'outside' in byPath)) return { targets: [], refs: [], truncated: false };
    const resolved = byPath?.symbols[0];
    if (resolved) return this.referencesOf(resolved, 'exact', limit);
    const guessed = this.candidates(file, word)[0]?.symbol;
    return guessed ? this.referencesOf(guessed, 'candidate', limit) : { targets: [], refs: [], truncated: false };
  }

  /** A symbol's uses: its name's whole-word matches in files of its language (textReferences.ts). */
  referencesOf(target: NavSymbol, confidence: NavConfidence, limit: number): ReferencesAnswer {
    const { refs, truncated } = this.textRefs(target, limit, REFS_BUDGET_MS);
    return { targets: [this.nav.hit(this.repo, this.resolver, { symbol: target }, confidence)], refs, truncated };
  }

  /** The functions that call `s` (its text references followed by `(`). */
  callersOf(s: NavSymbol, limit: number, budgetMs: number): NavSymbol[] {
    const { refs } = this.textRefs(s, limit, budgetMs);
    const callers = new Map<number, NavSymbol>();
    const spelled = new RegExp(wholeNamePattern(s.name), 'gu');
    for (const ref of refs) {
      const file = this.nav.rows.file(this.repo.id, ref.file);
      const text = file ? this.nav.rows.lineText(file.id, ref.line) : null;
      // A line answers once (its first spelling); any of its spellings may be the call.
      if (!file || text === null) continue;
      const calls = [...text.matchAll(spelled)].some((m) => callsAt(text, m.index, s.name) && fitsRustMacro(file.language, text, m.index, s.name, isRustMacro(s.signature))
        && !namedInStandardLibrary(file.language, text.slice(0, m.index)));
      if (!calls) continue;
      const caller = this.nav.rows.innermostFunction(file.id, ref.line);
      if (caller) callers.set(caller.id, caller);
    }
    return [...callers.values()];
  }

  /** What `s` calls: each call site in its lines, taken as the nearest function or type of that name (a method only nearby). */
  callsOf(s: NavSymbol): NavSymbol[] {
    const file = this.nav.rows.fileById(s.fileId);
    if (!file) return [];
    const called = new Map<number, NavSymbol>();
    const ownLine = this.nav.namePosition(s).line;
    for (let line = s.startLine; line <= s.endLine; line++) {
      const text = this.nav.rows.lineText(file.id, line);
      if (text === null || isCommentLine(file.language, text.trimStart())) continue;
      for (const site of callSites(text)) {
        if ((line === ownLine && site.name === s.name) || namedInStandardLibrary(file.language, site.before)) continue;
        // `panic!(…)` calls a macro: only a `macro_rules!` of that name answers it, not a `panic` method elsewhere.
        const macro = file.language === 'rust' && site.bang;
        const target = this.resolver.candidates({ path: file.path, name: site.name, language: file.language }, site.member).targets
          .find((t) => t.symbol && CALL_TARGET_KINDS.has(t.symbol.kind) && (!macro || isRustMacro(t.symbol.signature)))?.symbol;
        // A method called on a receiver of unknown type (`buf.take()`, `x.clone()`) is taken only when one of that name
        // is defined in the caller's own folder: elsewhere it is as likely the standard library's.
        if (!target || called.has(target.id) || (site.member && folderOf(target.path) !== folderOf(file.path))) continue;
        called.set(target.id, target);
      }
    }
    return [...called.values()];
  }

  /** A Rust name by the path written before it or the `use` that binds it (rustPathResolver.ts); null elsewhere. */
  private rustPath(file: NavFile, line: number, word: IdentifierAt): RustResolution {
    if (file.language !== 'rust' || word.member) return null;
    this.rust ??= new RustPathResolver(this.nav.rows, this.repo.id, () => this.resolver.paths());
    return this.rust.resolve(file, line, word.path, word.name);
  }

  /** The lines spelling `target`'s name; in Rust, each read by its path or `use` (a `Context` that is std::task's is no use of this one). */
  private textRefs(target: NavSymbol, limit: number, budgetMs: number): { refs: ReferenceHit[]; truncated: boolean } {
    const judge = (hit: SearchHit): 'exact' | 'other' | 'unknown' => {
      const file = target.language === 'rust' ? this.nav.rows.file(this.repo.id, hit.path) : undefined;
      const word = file ? identifierAt(this.nav.rows.lineText(file.id, hit.line) ?? '', hit.column, file.language) : null;
      if (!file || !word || word.name !== target.name) return 'unknown';
      if (word.standardLibrary) return 'other';
      const resolved = this.rustPath(file, hit.line, word);
      if (!resolved) return 'unknown';
      return 'symbols' in resolved && resolved.symbols.some((s) => s.id === target.id) ? 'exact' : 'other';
    };
    return textReferences(this.nav.db, this.repo, target, this.declarationPlaces(target.name), limit, budgetMs, judge);
  }

  /** The identifier under the position, read once from its line. */
  private wordAt(file: NavFile, pos: NavPosition): IdentifierAt | null {
    return identifierAt(this.nav.rows.lineText(file.id, pos.line) ?? '', pos.column, file.language);
  }

  /** `word`, under the position, as a parameter or local variable declared in its function's text above it (localByText.ts). */
  private localAt(file: NavFile, pos: NavPosition, word: IdentifierAt): TextLocal | null {
    const rows = this.nav.rows;
    if (word.member || word.container) return null;
    // Rust binds only snake_case names: `Some(BodyLength::Unknown) =>` and `impl Debug for WriteBuf` declare no local.
    if (file.language === 'rust' && /^\p{Lu}/u.test(word.name)) return null;
    // The name of a symbol where it is declared (`func Default(`) is that symbol, not a local of the code around it.
    if (rows.fileSymbolsNamed(file.id, word.name).some((sym) => this.nav.namePosition(sym).line === pos.line)) return null;
    const fn = rows.innermostFunction(file.id, pos.line) ?? null;
    // In Rust, the function's own name inside it is a call of that name (`no_expansion(self)` in a method `no_expansion`
    // calls the module's function), not a nested function its own signature declares; a JavaScript function expression's
    // name is bound inside it.
    if (file.language === 'rust' && fn?.name === word.name) return null;
    const at = localDeclaration(fn, word.name, pos.line, (line) => rows.lineText(file.id, line));
    return at ? { name: word.name, fn, at } : null;
  }

  /** The definitions named like `word`, nearest first; those inside a `::` or `\\` path's container ahead. */
  private candidates(file: NavFile, word: IdentifierAt): Target[] {
    const found = this.resolver.candidates({ path: file.path, name: word.name, language: file.language }, word.member).targets;
    // `crate::sync::Mutex`: the candidates inside a `sync` go first, the rest keep their nearness order.
    const container = word.container?.toLowerCase();
    const inside = (t: Target): boolean => !!container && !!t.symbol && isInside(t.symbol.fqn, container);
    return container ? [...found.filter(inside), ...found.filter((t) => !inside(t))] : found;
  }

  /** Where a local read from the text is declared, as a definition answer (named under its function, as locals are). */
  private localHit(file: NavFile, local: TextLocal): DefinitionHit {
    return {
      fqn: `${local.fn?.fqn ?? file.path}/${local.name}`, name: local.name, kind: 'variable', repo: this.repo.path, file: file.path,
      line: local.at.line, column: local.at.col, endLine: local.at.line,
      signature: (this.nav.rows.lineText(file.id, local.at.line) ?? '').trim().slice(0, 300), doc: null, confidence: 'candidate',
    };
  }

  private localReferences(file: NavFile, local: TextLocal, limit: number): ReferencesAnswer {
    const uses = localUses(local.fn, local.name, local.at, (line) => this.nav.rows.lineText(file.id, line));
    return {
      targets: [this.localHit(file, local)],
      refs: uses.slice(0, limit).map((u) => ({
        repo: this.repo.path, file: file.path, line: u.line, column: u.col, role: 'reference', enclosing: local.fn?.fqn ?? null,
        snippet: u.text.trim().slice(0, 240), confidence: 'candidate',
      })),
      truncated: uses.length > limit,
    };
  }

  /** Where each symbol named `name` is declared, as `path:line`: lines a text search must not count as uses. */
  private declarationPlaces(name: string): Set<string> {
    return new Set(this.nav.rows.symbolsNamed(this.repo.id, name).map((s) => `${s.path}:${this.nav.namePosition(s).line}`));
  }
}
