// The order a person reads an index's issues in: what went wrong before what was skipped on purpose.
import type { IndexIssue, SkipReason } from './types.js';

const CONCERN: Record<SkipReason, number> = {
  unreadable: 0, 'parse-error': 1, 'not-utf8': 2, 'symlink-loop': 3, 'symlink-broken': 4, vanished: 5, special: 6,
  'symlink-outside': 7, 'too-large': 8, language: 9, binary: 10, ignored: 11,
};

/** Skips by design (binary files, ignore rules): counted, not listed one by one where space is short. */
export const isDesignedSkip = (issue: IndexIssue): boolean => issue.reason === 'binary' || issue.reason === 'ignored';

/** `issues` with the most worrying reasons first, each reason's files in their walk order. */
export function byConcern(issues: readonly IndexIssue[]): IndexIssue[] {
  return issues.map((issue, i) => ({ issue, i }))
    .sort((a, b) => CONCERN[a.issue.reason] - CONCERN[b.issue.reason] || a.i - b.i)
    .map((x) => x.issue);
}
