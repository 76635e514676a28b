// Start-up checks of a database file on a connection of its own: PRAGMA quick_check, and the repo
// rows still readable from a damaged file.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { ClewFailure } from '../base/failure.js';

export type IntegrityResult = { ok: true } | { ok: false; detail: string };

const isCorruption = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
};

/** Only damage counts: a busy or unreadable file is an error, never a reason to move a database aside. */
export function quickCheck(file: string): IntegrityResult {
  if (!existsSync(file)) return { ok: true };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length ? { ok: false, detail: problems.slice(0, 3).join('; ') } : { ok: true };
  } catch (e) {
    if (isCorruption(e)) return { ok: false, detail: e instanceof Error ? e.message : String(e) };
    throw ClewFailure.fromSystem(e, `cannot check database ${file}`);
  } finally {
    try { db?.close(); } catch { /* a damaged file may refuse even to close cleanly */ }
  }
}

/** Repo rows still readable from a damaged file (often they are: the damage is usually elsewhere). */
export function readableRepos(file: string): Array<{ path: string; name: string; addedAt: number }> {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.prepare<[], { path: string; name: string; addedAt: number }>('SELECT path, name, added_at AS addedAt FROM repos ORDER BY id').all();
  } catch {
    return [];
  } finally {
    try { db?.close(); } catch { /* damaged */ }
  }
}
