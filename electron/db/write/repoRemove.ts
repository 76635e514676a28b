// Removes a repo through the schema's cascades, so the outbox trigger records a tombstone for every
// vector it had (symbols, chunks and notes). Runs on the engine worker.
import type { RepoRemoved } from '../../../shared/types.js';
import type { WriteDb } from '../connection.js';
import { commitMirrored } from '../notesMirror.js';
import { findRepo } from '../read/repos.js';

export function removeRepo(db: WriteDb, repoRef: string): RepoRemoved {
  const repo = findRepo(db, repoRef);
  const outboxSize = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM vector_outbox');
  const tombstones = commitMirrored(db, () => {
    const before = outboxSize.get()?.n ?? 0;
    // entry_points.symbol_id has no index: clearing them first saves a table scan per deleted symbol.
    db.prepare('DELETE FROM entry_points WHERE repo_id = ?').run(repo.id);
    db.prepare('DELETE FROM repos WHERE id = ?').run(repo.id);
    return (outboxSize.get()?.n ?? 0) - before;
  }, () => db.prepare<[number]>('SELECT 1 FROM repos WHERE id = ?').get(repo.id) === undefined);
  return { repo: repo.path, tombstones };
}
