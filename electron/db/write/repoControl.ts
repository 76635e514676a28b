// Setting the per-repo watch/pause flags and the engine-wide "sync paused" flag (migration 004).
import type { WriteDb } from '../connection.js';

export function setRepoWatch(db: WriteDb, repoId: number, watch: boolean): void {
  db.prepare('UPDATE repos SET watch = ? WHERE id = ?').run(watch ? 1 : 0, repoId);
}

export function setRepoPaused(db: WriteDb, repoId: number, paused: boolean): void {
  db.prepare('UPDATE repos SET paused = ? WHERE id = ?').run(paused ? 1 : 0, repoId);
}

export function setSyncPaused(db: WriteDb, paused: boolean): void {
  db.prepare("INSERT INTO engine_flags(name, value) VALUES ('sync_paused', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value").run(paused ? 1 : 0);
}
