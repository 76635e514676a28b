// Moving a damaged database aside (renamed with a timestamp, with its WAL and shared-memory files;
// kept, never deleted). The check itself is SQL and lives in db/integrity.ts.
import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ClewFailure } from '../base/failure.js';

/** Renames clew.db (and -wal/-shm) to clew.corrupt-<timestamp>.db…; returns the new path. */
export function moveAside(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const ext = extname(file);
  const target = join(dirname(file), `${basename(file, ext)}.corrupt-${stamp}${ext}`);
  try {
    renameSync(file, target);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  } catch (e) {
    throw ClewFailure.fromSystem(e, `cannot move the damaged database ${file} aside`);
  }
  return target;
}
