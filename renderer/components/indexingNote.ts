// What a search answered during an index run says about it: the repos still being read, so a person
// knows hits may be missing (the search runs again by itself when the run ends).
import type { RepoSummary, SearchResponse } from '../../shared/types.js';
import { repoName } from './repoName.js';

type Runs = NonNullable<SearchResponse['indexing']>;

export function indexingNote(runs: Runs, repos: readonly Pick<RepoSummary, 'path' | 'name'>[]): string | null {
  if (runs.length === 0) return null;
  const each = runs.map((r) => `${repoName(r.repo, repos)} (${r.filesDone.toLocaleString()} of ${r.filesTotal.toLocaleString()} files)`);
  const who = runs.length === 1 ? `${each[0]} is` : `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]} are`;
  return `${who} still being indexed: results may be missing, and refresh when it is done.`;
}
