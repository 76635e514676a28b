// Where the cursor is: repo › folders › file › enclosing symbol. A folder opens in the file tree;
// the symbol picks it in the outline.
import { Fragment } from 'react';
import { symbolAt } from '../store/code.js';
import { useStore } from '../store/index.js';

const repoName = (repo: string): string => repo.split(/[\\/]/).filter(Boolean).pop() ?? repo;

export function Breadcrumbs() {
  const file = useStore((s) => s.file);
  const outline = useStore((s) => s.outline);
  const line = useStore((s) => s.cursorLine ?? s.target?.line ?? 1);
  if (!file) return null;
  const parts = file.path.split('/');
  const name = parts.pop() ?? file.path;
  const symbol = symbolAt(outline, line);
  const s = useStore.getState;
  return (
    <nav className="crumbs" aria-label="Breadcrumbs" data-testid="breadcrumbs">
      <button type="button" className="link" title={file.repo} onClick={() => s().showFolder('')}>{repoName(file.repo)}</button>
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span className="sep" aria-hidden="true">›</span>
          <button type="button" className="link" data-testid="crumb-folder" onClick={() => s().showFolder(parts.slice(0, i + 1).join('/'))}>{part}</button>
        </Fragment>
      ))}
      <span className="sep" aria-hidden="true">›</span>
      <span className="crumb-file">{name}</span>
      {symbol && (
        <>
          <span className="sep" aria-hidden="true">›</span>
          <button type="button" className="link" data-testid="crumb-symbol" title={symbol.fqn} onClick={() => void s().selectSymbol(symbol)}>{symbol.name}</button>
        </>
      )}
    </nav>
  );
}
