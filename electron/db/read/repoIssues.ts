// What the last index of a repo skipped (counts by reason) and the files it could not read or parse.
import type { IndexIssue, RepoIssues, SkipReason } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { findRepo } from './repos.js';

export function repoIssues(db: ReadDb, repoRef: string): RepoIssues {
  const repo = findRepo(db, repoRef);
  const row = db.prepare<[number], { skipped_json: string; issues_json: string }>('SELECT skipped_json, issues_json FROM repos WHERE id = ?').get(repo.id);
  return {
    repo: repo.path,
    skipped: JSON.parse(row?.skipped_json ?? '{}') as Partial<Record<SkipReason, number>>,
    issues: JSON.parse(row?.issues_json ?? '[]') as IndexIssue[],
  };
}
