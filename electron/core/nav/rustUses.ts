// Rust paths read from a file's text, for navigation where no occurrence pass ran: the names its `use` declarations
// bind (`use crate::fs::{self, asyncify as run};`), and a written path made absolute from the file's module (`super::x`,
// `self::x`, `tokio::x` in the crate's own tests). A name then leads to the item it imports, not to every same-named one.
import { parse as parseToml } from 'smol-toml';
import { isRecord, textOrNull } from '../../engine/manifests/values.js';
import { RUST_STANDARD_ROOTS } from './standardLibraryPaths.js';

/** What a file's `use` declarations bring in: each bound name's path, and the paths it imports everything of (`*`). */
export interface UseDeclarations {
  /** `run` → `crate::fs::asyncify`; `fs` → `crate::fs` (a group's `self`). */
  bindings: Map<string, string>;
  /** `use super::*;` → `super`. */
  globs: string[];
}

const LINE_COMMENT = /\/\/[^\n]*/gu;
const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//gu;
// `use` as a statement (after a boundary, with any visibility), up to its `;`.
const USE_DECLARATION = /(?:^|[\s;{}\]])(?:pub(?:\s*\([^)]*\))?\s+)?use\s+([^;]+);/gu;
const TOKEN = /::|[{},*]|[\p{L}_][\p{L}\p{N}_]*/gu;

/** The `use` declarations of a Rust file's text (comments left out; strings are not, a rare false binding). */
export function useDeclarations(text: string): UseDeclarations {
  const found: UseDeclarations = { bindings: new Map(), globs: [] };
  const code = text.replace(BLOCK_COMMENT, ' ').replace(LINE_COMMENT, '');
  for (const m of code.matchAll(USE_DECLARATION)) {
    const tokens = (m[1] ?? '').match(TOKEN) ?? [];
    readTree(tokens, { at: tokens[0] === '::' ? 1 : 0 }, [], found);
  }
  return found;
}

/** One use tree at `cursor`: `a::b`, `a::b as c`, `a::{…}`, `a::*`, under the segments `prefix` of its group. */
function readTree(tokens: readonly string[], cursor: { at: number }, prefix: readonly string[], found: UseDeclarations): void {
  const segments = [...prefix];
  for (;;) {
    const token = tokens[cursor.at];
    if (token === undefined) return;
    if (token === '*') {
      cursor.at++;
      if (segments.length > 0) found.globs.push(segments.join('::'));
      return;
    }
    if (token === '{') {
      cursor.at++;
      while (tokens[cursor.at] !== undefined && tokens[cursor.at] !== '}') {
        readTree(tokens, cursor, segments, found);
        if (tokens[cursor.at] === ',') cursor.at++;
        else if (tokens[cursor.at] !== '}') return;
      }
      cursor.at++;
      return;
    }
    if (!/^[\p{L}_]/u.test(token)) return;
    cursor.at++;
    // A group's `self` names the group's own path: `use crate::fs::{self}` binds `fs`.
    if (!(token === 'self' && segments.length > 0 && segments.length === prefix.length)) segments.push(token);
    if (tokens[cursor.at] === '::') {
      cursor.at++;
      continue;
    }
    let local = segments[segments.length - 1];
    if (tokens[cursor.at] === 'as') {
      local = tokens[cursor.at + 1];
      cursor.at += 2;
    }
    if (local && local !== '_' && /^[\p{L}_]/u.test(local) && segments.length > 0) found.bindings.set(local, segments.join('::'));
    return;
  }
}

/** The crate a file belongs to, as its paths read: the name it is imported by, and its dependencies' names. */
export interface CrateNames {
  own: string | null;
  /** `tokio_test`, `bytes`…: a path starting with one names another crate's item. */
  dependencies: ReadonlySet<string>;
}

/**
 * A written path as an FQN of this crate, read from the module `module` (`crate::fs::file`), or null when it names
 * another crate's item: `crate::x` as it is, `self::x` and `super::x` from the module, the crate's own name (`tokio::x`,
 * as its tests write it) as `crate`, and any other first segment as a child of the module (`blocking::spawn_blocking`
 * in `task/mod.rs`). The standard library's paths and a dependency's (`bytes::BufMut`) are null; a first segment that
 * is neither and no child module of this one is taken as one anyway, and simply finds nothing.
 */
export function absolutePath(path: string, module: string, crate: CrateNames): string | null {
  const segments = path.split('::').filter(Boolean);
  const first = segments[0];
  if (first === undefined || RUST_STANDARD_ROOTS.has(first)) return null;
  if (first === 'crate') return segments.join('::');
  if (crate.own !== null && first === crate.own) return ['crate', ...segments.slice(1)].join('::');
  // A child module shadows a dependency of the same name only with `self::`, so the dependency is meant here.
  if (crate.dependencies.has(first)) return null;
  const base = module.split('::');
  if (first === 'self') return [...base, ...segments.slice(1)].join('::');
  if (first === 'super') {
    let k = 0;
    while (segments[k] === 'super') k++;
    // `super` of the crate root names nothing.
    if (base.length - k < 1) return null;
    return [...base.slice(0, base.length - k), ...segments.slice(k)].join('::');
  }
  return [...base, ...segments].join('::');
}

/** `name = "tokio-util"` in a Cargo.toml's `[package]` table → `tokio_util`, the name its code is imported by; read with
 * the TOML parser the manifest readers use (engine/manifests), null for a manifest it cannot read. */
export function cratePackageName(manifest: string): string | null {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(manifest);
  } catch {
    return null;
  }
  return (isRecord(doc.package) ? textOrNull(doc.package.name) : null)?.replace(/-/g, '_') ?? null;
}
