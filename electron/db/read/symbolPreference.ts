// Among symbols a query matches equally well, the one a person means: spelled as typed, declared public, inside the
// container they named, and in the code itself rather than its tests, fixtures, examples, generated or vendored files.
import { fileRoles } from '../../base/fileRoles.js';
import { classifyQuery } from '../../base/query/index.js';

// Points on the symbol search's scale (an exact name is 1000, a name prefix at most 800, kinds add 0–30).
/** Typed `ResponseWriter`, this is `ResponseWriter` and not `responseWriter`: more than any kind's weight. */
const SAME_CASE = 20;
/** `pub struct JoinHandle` over a private stub of the same name: less than a kind step, so it only breaks ties. */
const PUBLIC = 6;
/** A test's or an example's copy of a name goes below the code's own, but stays above a mere prefix. */
const DEMOTED_FILE = 50;
/** `Engine.ServeHTTP`: a ServeHTTP inside Engine, over one inside something else (which stays above name prefixes). */
const IN_CONTAINER = 40;
const ELSEWHERE = -100;

// Rust's bare `pub` (not `pub(crate)`), Java's and C#'s `public`, TypeScript's `export`, as a modifier or leading the signature
// (Rust items inside a macro call such as `cfg_rt! { … }` keep it only in their signature).
const PUBLIC_MODIFIER = /"(?:pub|public|export)"/;
const PUBLIC_SIGNATURE = /^\s*(?:export|pub|public)\s/;
// A qualified name as people type it: `Engine.ServeHTTP`, `tokio::spawn`, `Request#trusted_proxy?`, `Monolog\Logger`.
const QUALIFIER = /\.|::|#|->|\\/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MEMBER = /^[A-Za-z_$][\w$]*[?!]?$/;
// `View.prototype.lookup` is View's lookup: `prototype` names no container of its own.
const NOT_A_CONTAINER = new Set(['prototype']);
const FQN_SEGMENTS = /\.|::|#|->|\/|:|\\/;

export interface QualifiedName {
  name: string;
  /** The innermost container named, lower-cased (`Engine` in `gin.Engine.ServeHTTP`). */
  container: string;
}

/** The name and innermost container of a qualified query; null for a plain name or anything else. */
export function qualifiedName(query: string): QualifiedName | null {
  const parts = query.split(QUALIFIER);
  const name = parts.pop();
  if (!name || parts.length === 0 || !MEMBER.test(name) || !parts.every((p) => IDENTIFIER.test(p))) return null;
  // `config.py` is a file name, not py inside config.
  if (query.includes('.') && classifyQuery(query).kind === 'path') return null;
  const container = parts.filter((p) => !NOT_A_CONTAINER.has(p)).pop();
  return container ? { name, container: container.toLowerCase() } : null;
}

export interface PreferenceRow {
  fqn: string;
  name: string;
  signature: string;
  /** The JSON array as stored. */
  modifiers: string;
  path: string;
  language: string | null;
}

/** Whether the symbol is visible outside its module as declared (Go: a capitalised name). */
export function declaredPublic(row: PreferenceRow): boolean {
  if (row.language === 'go') return /^[A-Z]/.test(row.name);
  return PUBLIC_MODIFIER.test(row.modifiers) || PUBLIC_SIGNATURE.test(row.signature);
}

/** Points added to a symbol's match score: `typed` is the name as the person typed it (a qualified query's last part). */
export function preference(row: PreferenceRow, typed: string, qualified: QualifiedName | null, roleOf: (path: string) => boolean): number {
  let points = 0;
  if (row.name === typed) points += SAME_CASE;
  if (declaredPublic(row)) points += PUBLIC;
  if (roleOf(row.path)) points -= DEMOTED_FILE;
  if (qualified) points += isInside(row.fqn, qualified.container) ? IN_CONTAINER : ELSEWHERE;
  return points;
}

/** Whether an FQN names `container` (lower-cased) among the segments before its own name: `crate::sync::mutex::Mutex` is inside `sync`. */
export function isInside(fqn: string, container: string): boolean {
  return fqn.split(FQN_SEGMENTS).slice(0, -1).some((s) => s.toLowerCase() === container);
}

/** Whether a path is a test, fixture, example, generated, vendored or other file a person rarely means, cached per call. */
export function demotedFiles(): (path: string) => boolean {
  const seen = new Map<string, boolean>();
  return (path) => {
    let demoted = seen.get(path);
    if (demoted === undefined) seen.set(path, (demoted = fileRoles(path).length > 0));
    return demoted;
  };
}
