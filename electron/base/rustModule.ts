// The Rust crate layout read from a path: the module a file is (the prefix of its symbols' FQNs, for the parser; where a
// `crate::`, `self::` or `super::` path starts from, for navigation) and the folder of the crate holding it.

/** `src/foo/bar.rs` → `crate::foo::bar`; `src/lib.rs`, `src/main.rs` → `crate`; `foo/mod.rs` → its directory. */
export function rustModule(relPath: string): string {
  const parts = relPath.replace(/\.rs$/, '').split('/');
  const src = parts.lastIndexOf('src');
  const rest = src >= 0 ? parts.slice(src + 1) : parts;
  const last = rest[rest.length - 1];
  if (last === 'mod' || (rest.length === 1 && (last === 'lib' || last === 'main'))) rest.pop();
  return ['crate', ...rest].join('::');
}

/** Where the crate holding a file lies: the folder of its Cargo.toml (`''` at the repo's root), found as rustModule finds
 * the module, by the last `src` (tokio keeps test modules in `src/runtime/tests/`), else `tests`, `benches`, `examples`. */
export function crateFolder(path: string): string {
  const parts = path.split('/');
  const src = parts.lastIndexOf('src');
  const at = src >= 0 ? src : Math.max(parts.indexOf('tests'), parts.indexOf('benches'), parts.indexOf('examples'));
  return at > 0 ? `${parts.slice(0, at).join('/')}/` : '';
}
