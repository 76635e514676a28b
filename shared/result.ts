// Errors cross every boundary as data, never as thrown objects.
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'NOT_A_FOLDER'
  | 'OUTSIDE_REPO'
  | 'LOCKED'
  | 'DB_TOO_NEW'
  | 'DISK_FULL'
  | 'READ_ONLY'
  | 'INVALID_REGEX'
  | 'UNAVAILABLE'
  /** A query ran past its time limit (a search with matches answers them, marked `timedOut`, instead). */
  | 'TIMEOUT'
  | 'CORRUPT'
  | 'INTERNAL';

export interface ClewError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ClewError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
