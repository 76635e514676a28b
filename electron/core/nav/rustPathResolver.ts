// Go to definition in Rust by its paths: the name under the caret, with the path written before it or the `use` that
// binds it, made an FQN of the crate and looked up, through re-exports (`pub use self::async_read::AsyncRead;` in
// `io/mod.rs`) and type members (`Handle::current`). What resolves is exact; what does not is left to the by-name
// candidates, and a path that ends in the standard library or a dependency answers that the item is not in the repo.
import type { NavFile, NavRows, NavSymbol } from '../../db/read/nav/navRows.js';
import type { RepoPaths } from './modules.js';
import { crateFolder, rustModule } from '../../base/rustModule.js';
import { absolutePath, cratePackageName, type CrateNames, useDeclarations, type UseDeclarations } from './rustUses.js';

/** How many re-exports and path steps one lookup follows. */
const DEPTH = 6;
const TYPE_KINDS = new Set(['struct', 'enum', 'trait', 'class', 'interface', 'type', 'union']);
/** Path roots that stay in the crate written in: no other crate of the workspace is looked for. */
const OWN_ROOTS = new Set(['crate', 'self', 'super', 'Self']);
const MANIFEST = 'Cargo.toml';

/** The answer: the items the path names, or that it names something outside the repo (the standard library, another crate). */
export type RustResolution = { symbols: NavSymbol[] } | { outside: true } | null;

export class RustPathResolver {
  private readonly uses = new Map<number, UseDeclarations>();
  private readonly crates = new Map<string, CrateNames>();
  private workspace: Map<string, string> | undefined;

  /** `paths`: the repo's path list, kept while the index is unchanged (modules.ts). */
  constructor(private readonly rows: NavRows, private readonly repoId: number, private readonly paths: () => RepoPaths) {}

  /**
   * `name`, written after `path` (`crate::fs`, `io`, or null for a bare name) in `file`: the items it names. A bare name
   * is looked up as an item of the file's module, then as the file's `use` binds it, then through its glob imports.
   */
  resolve(file: NavFile, line: number, path: string | null, name: string): RustResolution {
    const module = rustModule(file.path);
    const folder = crateFolder(file.path);
    const uses = this.useDeclarationsOf(file);
    // `Self::Output`: a member of the type whose impl holds the line (impl items are the type's children).
    if (path === 'Self') {
      const owner = this.rows.innermostFunction(file.id, line)?.parentId;
      const type = owner === undefined || owner === null ? undefined : this.rows.symbolById(owner);
      const members = type && TYPE_KINDS.has(type.kind) ? this.rows.members(type.id, name) : [];
      return members.length > 0 ? { symbols: members } : null;
    }
    if (path !== null) {
      // The path's first segment may itself be imported: `use crate::io; … io::copy(…)`.
      const [first = '', ...rest] = path.split('::');
      const bound = uses.bindings.get(first);
      const written = bound ? [bound, ...rest, name].join('::') : `${path}::${name}`;
      return this.resolveWritten(written, module, folder);
    }
    // An item declared in an enclosing function's body (`struct ResetGuard` in `with_budget`), then one of the file's own
    // module: a `use` of the same name can only be inside a block (`fn f() { use … }`).
    for (let fn = this.rows.innermostFunction(file.id, line); fn; fn = fn.parentId === null ? undefined : this.rows.symbolById(fn.parentId)) {
      if (fn.kind !== 'function' && fn.kind !== 'method') break;
      const nested = this.rows.symbolsByFqn(this.repoId, `${fn.fqn}::${name}`);
      if (nested.length > 0) return { symbols: nested };
    }
    const own = this.lookup(`${module}::${name}`, folder, DEPTH).symbols;
    if (own.length > 0) return { symbols: own };
    const bound = uses.bindings.get(name);
    if (bound) return this.resolveWritten(bound, module, folder);
    for (const glob of uses.globs) {
      const found = this.resolveWritten(`${glob}::${name}`, module, folder);
      if (found && 'symbols' in found) return found;
    }
    return null;
  }

  private resolveWritten(written: string, module: string, folder: string): RustResolution {
    const at = this.target(written, module, folder);
    if (at === null) return { outside: true };
    const found = this.lookup(at.fqn, at.folder, DEPTH);
    return found.symbols.length > 0 ? { symbols: found.symbols } : found.outside ? { outside: true } : null;
  }

  /**
   * A path written in `module` of the crate in `folder`, as an FQN and the crate it is in: another crate of the repo
   * when the path starts with its name (a workspace's `use tokio_util::codec;`), else this one; null when it names
   * the standard library's or a dependency's item.
   */
  private target(written: string, module: string, folder: string): { fqn: string; folder: string } | null {
    const [first = '', ...rest] = written.split('::');
    const crates = this.crateNames(folder);
    const other = first === crates.own || OWN_ROOTS.has(first) ? undefined : this.workspaceCrates().get(first);
    if (other !== undefined) return { fqn: ['crate', ...rest].join('::'), folder: other };
    const fqn = absolutePath(written, module, crates);
    return fqn === null ? null : { fqn, folder };
  }

  /**
   * The items of the crate in `folder` named `fqn`: as declared, as a member of the type its path names, or re-exported
   * by its module; `outside` when a re-export leads out of the repo (`pub(crate) use std::sync::Arc;`).
   */
  private lookup(fqn: string, folder: string, depth: number): { symbols: NavSymbol[]; outside: boolean } {
    const inCrate = (s: NavSymbol): boolean => s.path.startsWith(`${folder}src/`) || crateFolder(s.path) === folder;
    const declared = this.rows.symbolsByFqn(this.repoId, fqn).filter(inCrate);
    if (declared.length > 0 || depth === 0) return { symbols: declared, outside: false };
    const cut = fqn.lastIndexOf('::');
    if (cut < 0) return { symbols: [], outside: false };
    const owner = fqn.slice(0, cut);
    const name = fqn.slice(cut + 2);
    // `Handle::current`: a member of the type the path names (impl methods are the type's children).
    const types = this.lookup(owner, folder, depth - 1).symbols.filter((s) => TYPE_KINDS.has(s.kind));
    const members = types.flatMap((t) => this.rows.members(t.id, name));
    if (members.length > 0) return { symbols: members, outside: false };
    // `crate::io::AsyncRead`: re-exported by the module's file with `pub use self::async_read::AsyncRead;`.
    let outside = false;
    for (const file of this.moduleFiles(owner, folder)) {
      const uses = this.useDeclarationsOf(file);
      const bound = uses.bindings.get(name);
      for (const path of bound ? [bound] : uses.globs.map((g) => `${g}::${name}`)) {
        const next = this.target(path, owner, folder);
        if (next === null) outside ||= bound !== undefined;
        if (next === null || (next.fqn === fqn && next.folder === folder)) continue;
        const found = this.lookup(next.fqn, next.folder, depth - 1);
        if (found.symbols.length > 0) return found;
        outside ||= found.outside;
      }
    }
    return { symbols: [], outside };
  }

  /** The files that hold module `module` of the crate in `folder`: `src/a/b.rs` or `src/a/b/mod.rs`; the root's lib.rs or main.rs. */
  private moduleFiles(module: string, folder: string): NavFile[] {
    const segments = module.split('::').slice(1);
    const base = `${folder}src/${segments.join('/')}`;
    const paths = segments.length === 0 ? [`${folder}src/lib.rs`, `${folder}src/main.rs`] : [`${base}.rs`, `${base}/mod.rs`];
    return paths.flatMap((p) => this.rows.file(this.repoId, p) ?? []);
  }

  private useDeclarationsOf(file: NavFile): UseDeclarations {
    let found = this.uses.get(file.id);
    if (!found) this.uses.set(file.id, (found = useDeclarations(this.textOf(file))));
    return found;
  }

  /** A file's whole text, from the chunks navigation keeps. */
  private textOf(file: NavFile): string {
    const lines: string[] = [];
    for (let line = 1; line <= file.lineCount; line++) lines.push(this.rows.lineText(file.id, line) ?? '');
    return lines.join('\n');
  }

  /** The names the crate in `folder` is imported by and imports, from its Cargo.toml. */
  private crateNames(folder: string): CrateNames {
    let names = this.crates.get(folder);
    if (!names) {
      const manifest = this.rows.file(this.repoId, `${folder}${MANIFEST}`);
      names = {
        own: manifest ? cratePackageName(this.textOf(manifest)) : null,
        // Cargo names packages with hyphens; code imports them with underscores.
        dependencies: new Set(manifest ? this.rows.declaredPackages(manifest.id).map((n) => n.replace(/-/g, '_')) : []),
      };
      this.crates.set(folder, names);
    }
    return names;
  }

  /** Every crate of the repo by the name its code is imported by → its folder (a workspace holds several). */
  private workspaceCrates(): Map<string, string> {
    if (!this.workspace) {
      this.workspace = new Map();
      // In path order: a name two crates claim goes to the first.
      for (const manifest of [...this.paths().named(MANIFEST)].sort()) {
        const folder = manifest.slice(0, manifest.length - MANIFEST.length);
        const own = this.crateNames(folder).own;
        if (own !== null && !this.workspace.has(own)) this.workspace.set(own, folder);
      }
    }
    return this.workspace;
  }
}
