// Where the cursor is: repo › folders › file › enclosing symbol. A folder opens in the file tree;
// the symbol picks it in the outline.
import { Fragment } from 'react';
import { symbolAt } from '../store/code.js';
import { useStore } from '../store/index.js';
import { repoName } from './repoName.js';

/** Folders shown by name at most; deeper paths keep the first and the last two, the middle behind one "…". */
const SHOWN_FOLDERS = 4;

interface Crumb {
  label: string;
  /** The folder it opens in the file tree. */
  path: string;
  title?: string;
}

function folderCrumbs(parts: string[]): Crumb[] {
  const all = parts.map((label, i) => ({ label, path: parts.slice(0, i + 1).join('/') }));
  if (all.length <= SHOWN_FOLDERS) return all;
  const hidden = all.slice(1, -2);
  const last = hidden[hidden.length - 1] as Crumb;
  return [all[0] as Crumb, { label: '…', path: last.path, title: hidden.map((c) => c.label).join('/') }, ...all.slice(-2)];
}

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
      {folderCrumbs(parts).map((crumb) => (
        <Fragment key={crumb.path + crumb.label}>
          <span className="sep" aria-hidden="true">›</span>
          <button type="button" className="link" data-testid="crumb-folder" title={crumb.title ?? crumb.path} onClick={() => s().showFolder(crumb.path)}>{crumb.label}</button>
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
