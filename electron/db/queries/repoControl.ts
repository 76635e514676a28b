// The per-repo watch/pause flags and the engine-wide "sync paused" flag (migration 004).
import type { Db } from '../connection.js';

export interface RepoControlRow {
  id: number;
  path: string;
  watch: boolean;
  paused: boolean;
}

export function repoControls(db: Db): RepoControlRow[] {
  return db.prepare<[], { id: number; path: string; watch: number; paused: number }>('SELECT id, path, watch, paused FROM repos ORDER BY id').all()
    .map((r) => ({ id: r.id, path: r.path, watch: r.watch === 1, paused: r.paused === 1 }));
}

export function setRepoWatch(db: Db, repoId: number, watch: boolean): void {
  db.prepare('UPDATE repos SET watch = ? WHERE id = ?').run(watch ? 1 : 0, repoId);
}

export function setRepoPaused(db: Db, repoId: number, paused: boolean): void {
  db.prepare('UPDATE repos SET paused = ? WHERE id = ?').run(paused ? 1 : 0, repoId);
}

export function syncPaused(db: Db): boolean {
  return db.prepare<[], number>("SELECT value FROM engine_flags WHERE name = 'sync_paused'").pluck().get() === 1;
}

export function setSyncPaused(db: Db, paused: boolean): void {
  db.prepare("INSERT INTO engine_flags(name, value) VALUES ('sync_paused', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value").run(paused ? 1 : 0);
}
