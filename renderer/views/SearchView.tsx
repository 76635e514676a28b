// Search: the box, a one-line summary of the answer, and the results.
import { indexingNote } from '../../shared/indexingNote.js';
import { repoName } from '../components/repoName.js';
import { incompleteNote } from '../components/repoState.js';
import { ResultsList } from '../components/ResultsList.js';
import { SearchBar } from '../components/SearchBar.js';
import { useStore } from '../store/index.js';
import { runsUnderWay } from '../store/repos.js';

function Summary() {
  const answered = useStore((s) => s.answered);
  const count = useStore((s) => s.results.length);
  const error = useStore((s) => s.searchError);
  const searching = useStore((s) => s.searching);
  const repos = useStore((s) => s.repos);
  const progress = useStore((s) => s.progress);
  const repoFilter = useStore((s) => s.filters.repo);
  const underWay = new Set([...(answered?.indexing ?? []).map((r) => r.repo), ...runsUnderWay(progress).map((p) => p.repoPath)]);
  const incomplete = answered ? incompleteNote(repos, underWay, repoFilter) : null;
  if (error) return <div className="error" role="alert" data-testid="search-error" style={{ padding: '4px 10px' }}>{error}</div>;
  if (!answered) return <div className="dim" style={{ padding: '4px 10px' }}>{searching ? 'Searching…' : 'Type to search; ↑/↓ to move, Enter to open, Ctrl/Cmd+P to jump to a file or symbol.'}</div>;
  return (
    <div className="dim" data-testid="search-summary" data-query={answered.query} data-mode={answered.mode} style={{ padding: '4px 10px' }}>
      {count === 0 ? 'No results' : `${answered.more ? `${count}+ results` : `${count} result${count === 1 ? '' : 's'}`} in ${answered.files}${answered.more ? '+' : ''} file${answered.files === 1 ? '' : 's'}${answered.more ? ` (the first ${count} shown; narrow the search to see the rest)` : ''}`} · {answered.mode} · {answered.tookMs} ms{answered.unindexed ? ' · scanned every file (no literal to index on)' : ''}
      {answered.notice && <div className="error" data-testid="search-notice">{answered.notice}</div>}
      {answered.indexing.length > 0 && <div className="warn" role="status" data-testid="search-indexing">{indexingNote(answered.indexing, (path) => repoName(path, repos), 'refresh when it is done')}</div>}
      {incomplete && <div className="warn" role="status" data-testid="search-incomplete">{incomplete}</div>}
    </div>
  );
}

export function SearchView() {
  return (
    <>
      <SearchBar />
      <Summary />
      <ResultsList />
    </>
  );
}
