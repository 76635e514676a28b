// Real damage to a closed SQLite file: bytes overwritten in place, as a failing disk or a stray write leaves them.
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Backend } from '../../electron/core/backend.js';
import type { RecoveryNotice } from '../../shared/types.js';
import { call } from './backend.js';
import { waitFor } from './chroma.js';

/** Overwrites `length` bytes at `at` with a pattern no SQLite page holds. */
export function clobber(file: string, at: number, length: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, at);
  closeSync(fd);
}

/** Overwrites every page of one table: where damage lands by offset depends on the layout, a table's pages do not. */
export function clobberTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare<[string], number>('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(table);
  db.close();
  for (const page of pages) clobber(file, (page - 1) * pageSize, pageSize);
}

/** The recovery a writer's start began, once it is no longer rebuilding. */
export const recoverySettled = (backend: Backend): Promise<RecoveryNotice> => waitFor('the rebuild to finish', async () => {
  const recovery = (await call(backend, 'status:get', {})).recovery;
  return recovery && recovery.state !== 'rebuilding' ? recovery : null;
}, 120_000);
