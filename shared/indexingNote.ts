// What a search answered during an index run says about it, in every surface (app, CLI, MCP): the repos
// still being read and how far, so a person or an agent knows hits may be missing.
import type { SearchResponse } from './types.js';

export type IndexingRuns = NonNullable<SearchResponse['indexing']>;

/** The last segment of a repo's path: its name when no list says otherwise. */
export const pathName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** `refresh`: how the surface catches up ("refresh when it is done" in the app, "search again when it is done" elsewhere). */
export function indexingNote(runs: IndexingRuns, nameOf: (repoPath: string) => string = pathName, refresh = 'search again when it is done'): string | null {
  if (runs.length === 0) return null;
  const each = runs.map((r) => `${nameOf(r.repo)} (${r.filesDone.toLocaleString()} of ${r.filesTotal.toLocaleString()} files)`);
  const who = runs.length === 1 ? `${each[0]} is` : `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]} are`;
  return `${who} still being indexed: results may be missing, and ${refresh}.`;
}
