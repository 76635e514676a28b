// A name written after a path into Rust's standard library (`std::fs::read`, `core::mem::take`) is the library's, never
// the repo's: wrappers are often named like what they wrap (tokio's `fs::read` calls `std::fs::read`), which navigation
// by text took for recursion, for a call and for a use.

/** Roots of the standard library: a path starting with one names nothing in the repo. */
export const RUST_STANDARD_ROOTS: ReadonlySet<string> = new Set(['std', 'core', 'alloc']);

const STD_PATH_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}_$])(?:${[...RUST_STANDARD_ROOTS].join('|')})\\s*::\\s*(?:[\\p{L}\\p{N}_$]+\\s*::\\s*)*$`, 'u');

/** Whether the text just before a name (`before`, up to where the name starts) makes it the standard library's. */
export function namedInStandardLibrary(language: string | null, before: string): boolean {
  return language === 'rust' && STD_PATH_BEFORE.test(before);
}
