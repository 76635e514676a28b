// A failure with a stable code: thrown inside a process, turned into an error Result at boundaries.
import { type ClewError, type ErrorCode, ResultError } from '../../shared/result.js';

// A ResultError too, so a Result unwrapped anywhere and one of these come back out of toClewError alike.
export class ClewFailure extends ResultError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'ClewFailure';
  }

  /** Maps Node/SQLite system errors to codes a person can act on. */
  static fromSystem(e: unknown, context: string): ClewFailure {
    if (e instanceof ClewFailure) return e;
    if (e instanceof ResultError) return new ClewFailure(e.code, e.message);
    const code = (e as { code?: unknown } | null)?.code;
    const message = e instanceof Error ? e.message : String(e);
    if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return new ClewFailure('DISK_FULL', `${context}: the disk is full (${message}); the failed write was rolled back: free some space and try again`);
    if (code === 'EROFS' || (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) || code === 'EACCES' || code === 'EPERM') return new ClewFailure('READ_ONLY', `${context}: not writable (${message}); check the data directory's permissions or mount, or use another --data-dir`);
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      return new ClewFailure('CORRUPT', `${context}: the index database is damaged (${message}); open Clew or run \`clew index\` to move it aside and rebuild it`);
    }
    if (code === 'ENOENT') return new ClewFailure('NOT_FOUND', `${context}: ${message}`);
    return new ClewFailure('INTERNAL', `${context}: ${message}`);
  }
}

export function toClewError(e: unknown): ClewError {
  if (e instanceof ResultError) return { code: e.code, message: e.message };
  const f = ClewFailure.fromSystem(e, 'the request failed');
  return { code: f.code, message: f.message };
}
