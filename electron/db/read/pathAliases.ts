// Folder symlinks inside a repo (path_aliases): their files are indexed once, under the real path.
// These turn a path, a path glob or an FQN written through such a link into the real one.
import type { ReadDb } from '../connection.js';

export interface AliasRow {
  repoId: number;
  alias: string;
  target: string;
}

/** At most this many links followed in one path: a link that points into another is still resolved. */
const MAX_HOPS = 40;

/** Every alias, or those of one repo, longest first (the most specific link wins). */
export function pathAliases(db: ReadDb, repoId?: number): AliasRow[] {
  const rows = db.prepare<Array<number>, AliasRow>(
    `SELECT repo_id AS repoId, alias, target FROM path_aliases${repoId === undefined ? '' : ' WHERE repo_id = ?'}`).all(...(repoId === undefined ? [] : [repoId]));
  return rows.sort((a, b) => b.alias.length - a.alias.length);
}

/** `relPath` with every alias folder it goes through replaced by the real one. */
export function realPathOf(aliases: readonly AliasRow[], relPath: string): string {
  let path = relPath;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const link = aliases.find((a) => path === a.alias || path.startsWith(`${a.alias}/`));
    if (!link) return path;
    path = link.target + path.slice(link.alias.length);
  }
  return path;
}

/** A path glob that starts inside an alias folder, rewritten to the real folder (null when it does not). */
export function realGlobOf(aliases: readonly AliasRow[], glob: string): { repoId: number; glob: string } | null {
  const link = aliases.find((a) => glob.startsWith(`${a.alias}/`));
  return link ? { repoId: link.repoId, glob: link.target + glob.slice(link.alias.length) } : null;
}

// How FQNs spell a file's path: as is (TypeScript, bash, Go's folder), dotted (Python), with :: (Rust).
const FQN_SEPARATORS = ['/', '.', '::'];

/** The FQNs `fqn` could stand for when its path part goes through an alias folder. */
export function realFqnsOf(aliases: readonly AliasRow[], fqn: string): Array<{ repoId: number; fqn: string }> {
  const out: Array<{ repoId: number; fqn: string }> = [];
  for (const link of aliases) {
    for (const sep of FQN_SEPARATORS) {
      const alias = link.alias.split('/').join(sep);
      const rest = fqn.slice(alias.length);
      if (!fqn.startsWith(alias) || !(rest.startsWith(sep) || rest.startsWith(':'))) continue;
      out.push({ repoId: link.repoId, fqn: link.target.split('/').join(sep) + rest });
    }
  }
  return out;
}
