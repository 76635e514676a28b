// Whether a writer's start-up may skip reading every page of clew.db for damage. PRAGMA quick_check reads the whole file
// (2.5 s for a 600 MB index, at every start of the app, `clew serve` or `clew index`), yet damage needs a kill or crash
// mid-write, someone else's write, or the disk failing. A writer that closes cleanly stamps the file as it left it (size,
// modification time, inode, no WAL left); the next writer skips the check only when the file is exactly as stamped.
// The stamp is taken away before the file is opened again, so a session that ends any other way leaves the next start to
// check, and any process that meets damage leaves a mark that makes the next start check and stops the stamp.
import { existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { databaseFile } from './dataDir.js';

const stampFile = (dataDir: string): string => join(dataDir, 'clean-close.json');
const damageFile = (dataDir: string): string => join(dataDir, 'damage-seen');

const STAMP = z.object({ size: z.number(), mtimeMs: z.number(), ino: z.number() });
type Stamp = z.infer<typeof STAMP>;

function stampOf(file: string): Stamp {
  const stat = statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
}

/** A WAL with frames in it: the last connection did not fold it back (it was killed, or another one is still open). */
function walLeft(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** Damage was seen or a WAL is left: the next start must read every page, whatever a stamp says. */
const mustCheck = (dataDir: string, file: string): boolean => existsSync(damageFile(dataDir)) || walLeft(file);

const remove = (file: string): void => {
  try {
    unlinkSync(file);
  } catch { /* not there, or not ours to remove (a read-only data directory) */ }
};

/** After every connection to clew.db is closed: stamps the file, unless damage was seen or a WAL is left. */
export function stampCleanClose(dataDir: string): void {
  const file = databaseFile(dataDir);
  try {
    if (mustCheck(dataDir, file)) return;
    writeFileSync(stampFile(dataDir), JSON.stringify(stampOf(file)));
  } catch { /* without a stamp the next start checks the file, as it always did */ }
}

/**
 * At a writer's start, before clew.db is opened: whether the last writer closed it cleanly and nothing touched it since.
 * Takes the stamp away either way (this session has not closed yet).
 */
export function closedCleanly(dataDir: string): boolean {
  const file = databaseFile(dataDir);
  let stamp: Stamp;
  try {
    stamp = STAMP.parse(JSON.parse(readFileSync(stampFile(dataDir), 'utf8')));
  } catch {
    return false;
  } finally {
    remove(stampFile(dataDir));
  }
  if (mustCheck(dataDir, file)) return false;
  try {
    const now = stampOf(file);
    return now.size === stamp.size && now.mtimeMs === stamp.mtimeMs && now.ino === stamp.ino;
  } catch {
    return false;
  }
}

/** Any process that meets a damaged clew.db: the next writer's start checks it (and moves it aside), whoever closes last. */
export function markDamageSeen(dataDir: string): void {
  remove(stampFile(dataDir));
  try {
    writeFileSync(damageFile(dataDir), '');
  } catch { /* a read-only data directory: its writer cannot run anyway */ }
}

/** After a full check at start-up (whatever it found): the mark has done its work. */
export function clearDamageSeen(dataDir: string): void {
  remove(damageFile(dataDir));
}
