// The Rust module a file is, by its path: the prefix of its symbols' FQNs (the parser) and where a `crate::`,
// `self::` or `super::` path starts from (navigation).

/** `src/foo/bar.rs` → `crate::foo::bar`; `src/lib.rs`, `src/main.rs` → `crate`; `foo/mod.rs` → its directory. */
export function rustModule(relPath: string): string {
  const parts = relPath.replace(/\.rs$/, '').split('/');
  const src = parts.lastIndexOf('src');
  const rest = src >= 0 ? parts.slice(src + 1) : parts;
  const last = rest[rest.length - 1];
  if (last === 'mod' || (rest.length === 1 && (last === 'lib' || last === 'main'))) rest.pop();
  return ['crate', ...rest].join('::');
}
