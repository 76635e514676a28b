// Why a file did not open, in words for a person: a repo removed from Clew is said so, not
// "index it first with `clew index …`" (a CLI command the app's user never needs).
import type { RepoSummary } from '../../shared/types.js';
import { errorMessage } from '../api.js';

export function openError(e: unknown, repo: string, repos: readonly RepoSummary[]): string {
  if (repos.length > 0 && !repos.some((r) => r.path === repo)) return 'This repository is no longer in Clew (it was removed). Add it again to open its files.';
  return errorMessage(e);
}
