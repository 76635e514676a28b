// Index runs per repo, from the engine's progress events and run reports, kept for this process's life:
// the runs under way (a search answered meanwhile says its results come from the files committed so far;
// a reader in another process reads them from the repo rows instead, db/read/runProgress.ts)
// and what each repo's last explicit run did (the sidebar says "cancelled (incomplete: 2,293 of 3,138
// files)" only if it knows how many files the walk found).
import type { IndexingRuns } from '../../shared/indexingNote.js';
import type { IndexProgress, IndexReport, RepoRunOutcome, RepoSummary, SearchQuery, SearchResponse } from '../../shared/types.js';

export class IndexRuns {
  private readonly live = new Map<string, IndexProgress>();
  private readonly walked = new Map<string, number>();
  private readonly outcomes = new Map<string, RepoRunOutcome>();

  progressed(p: IndexProgress): void {
    if (p.filesTotal > 0) this.walked.set(p.repoPath, p.filesTotal);
    if (p.phase === 'done') this.live.delete(p.repoPath);
    else this.live.set(p.repoPath, p);
  }

  finished(report: IndexReport): void {
    const filesTotal = this.walked.get(report.repo.path) ?? report.files;
    this.outcomes.set(report.repo.path, { filesTotal, cancelled: report.cancelled === true, changed: report.changed });
  }

  /** The runs this process has under way, as their progress last said. */
  underWay(): IndexingRuns {
    return [...this.live.values()].map((p) => ({ repo: p.repoPath, filesDone: p.filesDone, filesTotal: p.filesTotal }));
  }

  /** The repos, each with its last run's outcome (null when none ran in this process). */
  annotateRepos(repos: RepoSummary[]): RepoSummary[] {
    return repos.map((r) => ({ ...r, lastRun: this.outcomes.get(r.path) ?? null }));
  }
}

/** The response, marked with the runs under way in the repos it searched. */
export function withRunsUnderWay(query: SearchQuery, response: SearchResponse, runs: IndexingRuns): SearchResponse {
  const searched = runs.filter((r) => !query.repo || r.repo === query.repo || r.repo.endsWith(`/${query.repo}`));
  return searched.length === 0 ? response : { ...response, indexing: searched };
}
