// What the last explicit index run of each repo did, kept for this process's life: the sidebar says
// "cancelled (incomplete: 2,293 of 3,138 files)" only if it knows how many files the walk found.
import type { IndexProgress, IndexReport, RepoRunOutcome, RepoSummary } from '../../shared/types.js';

export class RepoRuns {
  private readonly walked = new Map<string, number>();
  private readonly outcomes = new Map<string, RepoRunOutcome>();

  progressed(p: IndexProgress): void {
    if (p.filesTotal > 0) this.walked.set(p.repoPath, p.filesTotal);
  }

  finished(report: IndexReport): void {
    const filesTotal = this.walked.get(report.repo.path) ?? report.files;
    this.outcomes.set(report.repo.path, { filesTotal, cancelled: report.cancelled === true, changed: report.changed });
  }

  annotate(repos: RepoSummary[]): RepoSummary[] {
    return repos.map((r) => ({ ...r, lastRun: this.outcomes.get(r.path) ?? null }));
  }
}
