// Finds a repo by what a person types: its id, its path (or a path inside it), or its folder name.
import { realpathSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import type { RepoSummary } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import type { ReadDb } from '../connection.js';

export interface RepoRef {
  id: number;
  key: string;
  path: string;
  name: string;
}

function canonical(path: string): string {
  try { return realpathSync(path); } catch { return resolve(path); }
}

export function findRepo(db: ReadDb, ref: string): RepoRef {
  const repos = db.prepare<[], RepoRef>('SELECT id, key, path, name FROM repos ORDER BY id').all();
  if (/^\d+$/.test(ref)) {
    const byId = repos.find((r) => r.id === Number(ref));
    if (byId) return byId;
  }
  const looksLikePath = isAbsolute(ref) || ref.startsWith('.') || ref.includes('/') || ref.includes(sep);
  if (looksLikePath) {
    const target = canonical(ref);
    const owner = repos.filter((r) => target === r.path || target.startsWith(r.path + sep)).sort((a, b) => b.path.length - a.path.length)[0];
    if (owner) return owner;
    throw new ClewFailure('OUTSIDE_REPO', `${ref} is not inside any indexed repo (index it first with \`clew index ${ref}\`)`);
  }
  const byName = repos.filter((r) => r.name === ref);
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) throw new ClewFailure('BAD_REQUEST', `several repos are named ${ref}: ${byName.map((r) => `${r.id} (${r.path})`).join(', ')}; pass an id or path`);
  throw new ClewFailure('NOT_FOUND', `no indexed repo matches "${ref}" (known: ${repos.map((r) => r.name).join(', ') || 'none'})`);
}

/** @param watching ids of repos with a live watcher (known to the writing process only). */
export function listRepos(db: ReadDb, watching: ReadonlySet<number> = new Set()): RepoSummary[] {
  return db.prepare<[], Omit<RepoSummary, 'watch' | 'paused' | 'watching' | 'lastRun'> & { watch: number; paused: number }>(
    `SELECT r.id, r.path, r.name, r.indexed_at AS indexedAt, r.last_index_ms AS lastIndexMs, r.watch, r.paused,
       r.file_count AS files, r.symbol_count AS symbols, r.entry_point_count AS entryPoints
     FROM repos r ORDER BY r.id`,
  ).all().map((r) => ({ ...r, watch: r.watch === 1, paused: r.paused === 1, watching: watching.has(r.id), lastRun: null }));
}
