// Adding a repo: a path field everywhere; in the desktop app also "Open folder…" and dropping a
// folder (the host gives the dropped item's path). A dropped file, or a drop in a browser, says why not.
import { type DragEvent, type FormEvent, useState } from 'react';
import { api } from '../api.js';
import { useStore } from '../store/index.js';

/** Absolute on POSIX or Windows; relative paths would resolve against the host's working folder. */
export const looksAbsolute = (path: string): boolean => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\') || path.startsWith('~');

export function AddRepo() {
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const addRepo = useStore((s) => s.addRepo);
  const host = api().host;

  const submit = (e?: FormEvent): void => {
    e?.preventDefault();
    const trimmed = path.trim();
    if (!trimmed) return setProblem('Type the folder of a repository.');
    if (!looksAbsolute(trimmed)) return setProblem('Use a full path, like /home/me/src/project.');
    setProblem(null);
    void addRepo(trimmed).then((ok) => { if (ok) setPath(''); });
  };

  const drop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    const item = e.dataTransfer.items[0];
    const file = e.dataTransfer.files[0];
    if (!item || !file) return setProblem('Nothing was dropped. Drop a repository folder.');
    if (!host.pathForFile) return setProblem('Dropping folders works in the desktop app. Here, type the folder’s path.');
    if (item.kind !== 'file' || item.webkitGetAsEntry()?.isDirectory !== true) return setProblem(`“${file.name}” is not a folder. Drop a repository folder instead.`);
    setProblem(null);
    void addRepo(host.pathForFile(file));
  };

  const pick = async (): Promise<void> => {
    const chosen = await host.pickFolder?.();
    if (chosen) void addRepo(chosen);
  };

  return (
    <div className="add">
      <form className="row" onSubmit={submit}>
        <input className="grow" aria-label="Repository folder" data-testid="repo-path" placeholder="/path/to/repository" value={path} onChange={(e) => setPath(e.target.value)} />
        <button type="submit" className="primary" data-testid="repo-add">Add</button>
      </form>
      {host.pickFolder && <button type="button" onClick={() => void pick()}>Open folder…</button>}
      {/* Only the desktop app learns a dropped folder's path: a browser shows no drop zone. */}
      {host.pathForFile && (
        <div
          className={`drop${over ? ' over' : ''}`}
          onDragOver={(e) => { e.preventDefault(); setOver(true); }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        >
          Drop a repository folder here
        </div>
      )}
      {problem && <div className="error" role="alert" data-testid="add-problem">{problem}</div>}
    </div>
  );
}
