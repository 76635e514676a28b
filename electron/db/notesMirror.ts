// notes.db: a second SQLite file holding every note and the list of repos, so a corrupt clew.db
// cannot take them down with it. Its tables come from its own migrations (notesMigrations/). It is
// ATTACHed to the writer's connection and kept by TEMP triggers (only TEMP triggers may write another
// schema), so each note write lands in both files in the same transaction, and no write path can forget it.
import { realpathSync, statSync } from 'node:fs';
import { migrateNotesDatabase, type WriteDb } from './connection.js';

export const MIRROR_SCHEMA = 'kept';

// Unqualified names in a TEMP trigger body resolve to the attached schema (the tables are unique there).
const TRIGGERS = /* sql */ `
CREATE TEMP TRIGGER IF NOT EXISTS keep_repo_insert AFTER INSERT ON main.repos BEGIN
  INSERT INTO kept_repos(path, name, added_at) VALUES (new.path, new.name, new.added_at)
  ON CONFLICT(path) DO UPDATE SET name = excluded.name;
END;
CREATE TEMP TRIGGER IF NOT EXISTS keep_repo_update AFTER UPDATE OF name, path ON main.repos BEGIN
  DELETE FROM kept_repos WHERE path = old.path;
  INSERT INTO kept_repos(path, name, added_at) VALUES (new.path, new.name, new.added_at)
  ON CONFLICT(path) DO UPDATE SET name = excluded.name;
END;
CREATE TEMP TRIGGER IF NOT EXISTS keep_repo_delete AFTER DELETE ON main.repos BEGIN
  DELETE FROM kept_repos WHERE path = old.path;
  DELETE FROM kept_notes WHERE repo_path = old.path;
END;
CREATE TEMP TRIGGER IF NOT EXISTS keep_note_insert AFTER INSERT ON main.notes BEGIN
  INSERT INTO kept_notes(id, repo_path, fqn, text, state, stale_reason, anchor_hash, created_at, updated_at)
  VALUES (new.id, (SELECT path FROM main.repos WHERE id = new.repo_id), new.fqn, new.text, new.state, new.stale_reason, new.anchor_hash, new.created_at, new.updated_at)
  ON CONFLICT(id) DO UPDATE SET repo_path = excluded.repo_path, fqn = excluded.fqn, text = excluded.text, state = excluded.state,
    stale_reason = excluded.stale_reason, anchor_hash = excluded.anchor_hash, created_at = excluded.created_at, updated_at = excluded.updated_at;
END;
CREATE TEMP TRIGGER IF NOT EXISTS keep_note_update AFTER UPDATE ON main.notes BEGIN
  UPDATE kept_notes SET repo_path = (SELECT path FROM main.repos WHERE id = new.repo_id), fqn = new.fqn, text = new.text, state = new.state,
    stale_reason = new.stale_reason, anchor_hash = new.anchor_hash, updated_at = new.updated_at WHERE id = new.id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS keep_note_delete AFTER DELETE ON main.notes BEGIN
  DELETE FROM kept_notes WHERE id = old.id;
END;`;

// With clew.db in WAL mode SQLite commits each attached file on its own, clew.db first: a full disk
// (or any write error) can fail notes.db's commit after clew.db's has landed. The write then happened
// (clew.db is the truth) and only the copy missed it; it is refreshed before the next command.
const attached = new WeakMap<WriteDb, string>();
const behind = new WeakSet<WriteDb>();

/** Migrates notes.db (on its own connection), attaches it to the writer's and installs the triggers that keep it. */
export function attachNotesMirror(db: WriteDb, file: string): void {
  migrateNotesDatabase(file);
  db.prepare(`ATTACH DATABASE ? AS ${MIRROR_SCHEMA}`).run(file);
  db.pragma(`${MIRROR_SCHEMA}.journal_mode = WAL`);
  db.pragma(`${MIRROR_SCHEMA}.synchronous = NORMAL`);
  db.exec(TRIGGERS);
  // SQLite keeps the WAL beside the file a symlink points to.
  attached.set(db, realpathSync(file));
  // The copy catches up on anything it missed (a notes.db that is new, or a crash between the two files' commits);
  // on a full disk it stays marked and catches up before a later command.
  behind.add(db);
  catchUpNotesMirror(db);
}

/** Rewrites notes.db from a healthy clew.db, in one transaction of notes.db alone. An empty clew.db never wipes the copy. */
function refreshNotesMirror(db: WriteDb): void {
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM main.repos)').pluck().get() !== 1) return;
  db.transaction(() => {
    db.exec(`DELETE FROM ${MIRROR_SCHEMA}.kept_notes; DELETE FROM ${MIRROR_SCHEMA}.kept_repos;
      INSERT INTO ${MIRROR_SCHEMA}.kept_repos(path, name, added_at) SELECT path, name, added_at FROM main.repos;
      INSERT INTO ${MIRROR_SCHEMA}.kept_notes(id, repo_path, fqn, text, state, stale_reason, anchor_hash, created_at, updated_at)
        SELECT n.id, r.path, n.fqn, n.text, n.state, n.stale_reason, n.anchor_hash, n.created_at, n.updated_at FROM main.notes n JOIN main.repos r ON r.id = n.repo_id;`);
  }).immediate();
}

/** After a failed write: notes.db may have missed a commit clew.db kept, so refresh it before the next command. */
export function notesMirrorMayBeBehind(db: WriteDb): void {
  if (attached.has(db)) behind.add(db);
}

/** Refreshes notes.db if a failed write may have left it behind; while the disk is still full it stays marked. */
export function catchUpNotesMirror(db: WriteDb): void {
  if (!behind.has(db)) return;
  try {
    refreshNotesMirror(db);
    behind.delete(db);
  } catch {
    // Still failing (full or read-only): the command that follows reports that itself; try again before the next.
  }
}

// notes.db's WAL is emptied once commands pause (a burst of saves never waits for an fsync), or at
// once when it has grown large; the writer never checkpoints on commit (see connection.ts).
const CHECKPOINT_IDLE_MS = 1000;
const CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024;
const checkpointTimers = new WeakMap<WriteDb, NodeJS.Timeout>();

/** After each command: schedules (or, for a large WAL, runs) the checkpoint of notes.db. */
export function checkpointNotesMirrorSoon(db: WriteDb): void {
  const file = attached.get(db);
  if (!file) return;
  clearTimeout(checkpointTimers.get(db));
  let walBytes = 0;
  try {
    walBytes = statSync(`${file}-wal`).size;
  } catch {
    return; // no WAL: nothing to fold back
  }
  if (walBytes >= CHECKPOINT_WAL_BYTES) checkpointNotesMirror(db);
  else if (walBytes > 0) checkpointTimers.set(db, setTimeout(() => checkpointNotesMirror(db), CHECKPOINT_IDLE_MS).unref());
}

function checkpointNotesMirror(db: WriteDb): void {
  try {
    db.pragma(`${MIRROR_SCHEMA}.wal_checkpoint(TRUNCATE)`);
  } catch {
    // Busy, full or closed: the next command schedules it again.
  }
}

/**
 * Runs a mirrored write in one transaction. When its commit fails after the body ran, asks `landed`
 * whether clew.db kept it all the same (see above): then the write is reported as done, not as failed.
 */
export function commitMirrored<T>(db: WriteDb, body: () => T, landed: (attempt: T) => boolean): T {
  let attempt: { value: T } | undefined;
  try {
    return db.transaction(() => {
      const value = body();
      attempt = { value };
      return value;
    }).immediate();
  } catch (e) {
    if (!attempt || !attached.has(db) || !keptAnyway(landed, attempt.value)) throw e;
    behind.add(db);
    return attempt.value;
  }
}

/** A check that cannot run counts as "not kept": the caller then reports the original failure. */
function keptAnyway<T>(landed: (attempt: T) => boolean, attempt: T): boolean {
  try {
    return landed(attempt);
  } catch {
    return false;
  }
}
