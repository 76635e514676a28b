// Above a per-repo list (entry points, dependencies): the repo's index run under way, so an empty or short
// list reads as "not read yet", not "none". The list re-reads as the run's batches commit.
import { useStore } from '../store/index.js';
import { runUnderWay } from '../store/repos.js';
import { repoName } from './repoName.js';

// A watched save re-reads a few files and is done within a blink: a line for it would only flicker.
const MIN_FILES = 100;

export function RunUnderWay({ repo }: { repo: string | null }) {
  const run = useStore((s) => (repo ? runUnderWay(s.progress, repo) : undefined));
  const repos = useStore((s) => s.repos);
  if (!repo || !run || run.filesTotal < MIN_FILES) return null;
  return (
    <div className="warn" role="status" data-testid="view-indexing">
      {repoName(repo, repos)} is still being indexed ({run.filesDone.toLocaleString()} of {run.filesTotal.toLocaleString()} files): this list grows as files are read.
    </div>
  );
}
