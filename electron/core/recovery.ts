// What start-up does about a damaged or missing index database: decide, move the damaged file
// aside, and say which repos to bring back (from the damaged file if readable, else from notes.db).
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { NotesCopyReset, RecoveryNotice } from '../../shared/types.js';
import { type KeptRepo, readKeptRepos } from '../db/read/keptRepos.js';
import { databaseFile, notesFile } from './dataDir.js';
import { quickCheck, readableRepos } from '../db/integrity.js';
import { clearDamageSeen, closedCleanly } from './cleanClose.js';
import { moveAside } from './integrity.js';

export interface RecoveryPlan {
  notice: RecoveryNotice;
  repos: KeptRepo[];
}

// A rebuild cut short (the process was killed) resumes at the next start: restore and index are idempotent.
const pendingFile = (dataDir: string): string => join(dataDir, 'recovery.json');
const PENDING = z.object({
  notice: z.object({ at: z.number(), reason: z.enum(['corrupt', 'missing']), detail: z.string(), movedTo: z.string().nullable(), repos: z.array(z.string()) }),
  repos: z.array(z.object({ path: z.string(), name: z.string(), addedAt: z.number() })),
});

function pendingPlan(dataDir: string): RecoveryPlan | null {
  try {
    const saved = PENDING.parse(JSON.parse(readFileSync(pendingFile(dataDir), 'utf8')));
    return { notice: { ...saved.notice, reindexed: 0, notesRestored: 0, state: 'rebuilding', error: null }, repos: saved.repos };
  } catch {
    return null;
  }
}

/** The rebuild finished (or failed for reasons a restart would not change): nothing to resume. */
export function clearPendingRecovery(dataDir: string): void {
  try { unlinkSync(pendingFile(dataDir)); } catch { /* not there */ }
}

/** Runs before clew.db is opened for writing; null when the database is fine (or new with nothing to bring back). */
export function planRecovery(dataDir: string): RecoveryPlan | null {
  const file = databaseFile(dataDir);
  // Read only when clew.db needs rebuilding: a healthy start opens notes.db once, for its own check.
  const kept = (): KeptRepo[] => readKeptRepos(notesFile(dataDir));
  let reason: RecoveryNotice['reason'];
  let detail: string;
  let movedTo: string | null = null;
  let repos: KeptRepo[];
  if (!existsSync(file)) {
    repos = kept();
    if (repos.length === 0) return null;
    reason = 'missing';
    detail = 'clew.db was not there, but notes.db lists repos and notes';
  } else {
    // Every page is read only when the last writer did not close the file cleanly, or it changed since (cleanClose.ts).
    const check = closedCleanly(dataDir) ? { ok: true as const } : quickCheck(file);
    clearDamageSeen(dataDir);
    if (check.ok) return existsSync(pendingFile(dataDir)) ? pendingPlan(dataDir) : null;
    reason = 'corrupt';
    detail = check.detail;
    const fromFile = readableRepos(file);
    movedTo = moveAside(file);
    // Union by path: the damaged file may list repos notes.db missed (and the other way round).
    const byPath = new Map<string, KeptRepo>([...kept(), ...fromFile].map((r) => [r.path, r]));
    repos = [...byPath.values()];
  }
  const plan: RecoveryPlan = {
    notice: { at: Date.now(), reason, detail, movedTo, repos: repos.map((r) => r.path), reindexed: 0, notesRestored: 0, state: 'rebuilding', error: null },
    repos,
  };
  try {
    writeFileSync(pendingFile(dataDir), JSON.stringify({ notice: plan.notice, repos }));
  } catch { /* best effort: without it an interrupted rebuild is not resumed, nothing worse */ }
  return plan;
}

/**
 * Runs after planRecovery (which reads notes.db first): a damaged notes.db is moved aside, kept, and
 * the engine writes a fresh copy from clew.db when it attaches one. A damaged copy would otherwise
 * stop the engine, or fail every note write after clew.db had committed it.
 */
export function setAsideDamagedNotesCopy(dataDir: string): NotesCopyReset | null {
  const file = notesFile(dataDir);
  const check = quickCheck(file);
  return check.ok ? null : { at: Date.now(), detail: check.detail, movedTo: moveAside(file) };
}

export function describeNotesCopyReset(n: NotesCopyReset): string {
  return `notes.db, the copy of your notes, was damaged (${n.detail}); it was moved aside to ${n.movedTo} and written again from the index: no note was lost`;
}

export function describeRecovery(n: RecoveryNotice): string {
  const what = n.reason === 'corrupt' ? `the index database was damaged (${n.detail}); it was moved aside to ${n.movedTo ?? '?'}` : 'the index database was missing';
  return `${what}; rebuilding ${n.repos.length} repo${n.repos.length === 1 ? '' : 's'} and restoring notes from notes.db`;
}
