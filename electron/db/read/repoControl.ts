// The per-repo watch/pause flags and the engine-wide "sync paused" flag (migration 004).
import type { ReadDb } from '../connection.js';

export interface RepoControlRow {
  id: number;
  path: string;
  watch: boolean;
  paused: boolean;
}

export function repoControls(db: ReadDb): RepoControlRow[] {
  return db.prepare<[], { id: number; path: string; watch: number; paused: number }>('SELECT id, path, watch, paused FROM repos ORDER BY id').all()
    .map((r) => ({ id: r.id, path: r.path, watch: r.watch === 1, paused: r.paused === 1 }));
}

export function syncPaused(db: ReadDb): boolean {
  return db.prepare<[], number>("SELECT value FROM engine_flags WHERE name = 'sync_paused'").pluck().get() === 1;
}
