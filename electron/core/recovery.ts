// What start-up does about a damaged or missing index database: decide, move the damaged file
// aside, and say which repos to bring back (from the damaged file if readable, else from notes.db).
import { existsSync } from 'node:fs';
import type { RecoveryNotice } from '../../shared/types.js';
import { type KeptRepo, readKeptRepos } from '../db/notesMirror.js';
import { databaseFile, notesFile } from './dataDir.js';
import { moveAside, quickCheck, readableRepos } from './integrity.js';

export interface RecoveryPlan {
  notice: RecoveryNotice;
  repos: KeptRepo[];
}

/** Runs before clew.db is opened for writing; null when the database is fine (or new with nothing to bring back). */
export function planRecovery(dataDir: string): RecoveryPlan | null {
  const file = databaseFile(dataDir);
  const kept = readKeptRepos(notesFile(dataDir));
  let reason: RecoveryNotice['reason'];
  let detail: string;
  let movedTo: string | null = null;
  let repos: KeptRepo[];
  if (!existsSync(file)) {
    if (kept.length === 0) return null;
    reason = 'missing';
    detail = 'clew.db was not there, but notes.db lists repos and notes';
    repos = kept;
  } else {
    const check = quickCheck(file);
    if (check.ok) return null;
    reason = 'corrupt';
    detail = check.detail;
    const fromFile = readableRepos(file);
    movedTo = moveAside(file);
    // Union by path: the damaged file may list repos notes.db missed (and the other way round).
    const byPath = new Map<string, KeptRepo>([...kept, ...fromFile].map((r) => [r.path, r]));
    repos = [...byPath.values()];
  }
  return {
    notice: { at: Date.now(), reason, detail, movedTo, repos: repos.map((r) => r.path), reindexed: 0, notesRestored: 0, state: 'rebuilding', error: null },
    repos,
  };
}

export function describeRecovery(n: RecoveryNotice): string {
  const what = n.reason === 'corrupt' ? `the index database was damaged (${n.detail}); it was moved aside to ${n.movedTo ?? '?'}` : 'the index database was missing';
  return `${what}; rebuilding ${n.repos.length} repo${n.repos.length === 1 ? '' : 's'} and restoring notes from notes.db`;
}
