// A repo's short name for labels: its listed name, else the last segment of its path.
import { pathName } from '../../shared/indexingNote.js';
import type { RepoSummary } from '../../shared/types.js';

export function repoName(path: string, repos: readonly Pick<RepoSummary, 'path' | 'name'>[] = []): string {
  return repos.find((r) => r.path === path)?.name ?? pathName(path);
}
