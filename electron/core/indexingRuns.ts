// Which repos an index run is working on right now, from the engine's progress events, so a search
// answered meanwhile can say its results come from the files committed so far (x of y).
import type { IndexProgress, SearchQuery, SearchResponse } from '../../shared/types.js';

export class IndexingRuns {
  private readonly runs = new Map<string, IndexProgress>();

  update(progress: IndexProgress): void {
    if (progress.phase === 'done') this.runs.delete(progress.repoPath);
    else this.runs.set(progress.repoPath, progress);
  }

  /** The response, marked with the runs under way in the repos it searched. */
  annotate(query: SearchQuery, response: SearchResponse): SearchResponse {
    const runs = [...this.runs.values()].filter((p) => !query.repo || p.repoPath === query.repo || p.repoPath.endsWith(`/${query.repo}`));
    if (runs.length === 0) return response;
    return { ...response, indexing: runs.map((p) => ({ repo: p.repoPath, filesDone: p.filesDone, filesTotal: p.filesTotal })) };
  }
}
