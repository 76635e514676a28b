// Errors cross every boundary as data, never as thrown objects.
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'NOT_A_FOLDER',
  'OUTSIDE_REPO',
  'LOCKED',
  'DB_TOO_NEW',
  'DISK_FULL',
  'READ_ONLY',
  'INVALID_REGEX',
  'UNAVAILABLE',
  // A query ran past its time limit (a search with matches answers them, marked `timedOut`, instead).
  'TIMEOUT',
  'CORRUPT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Whether a value read from elsewhere (an error that crossed a thread) is one of the codes. */
export const isErrorCode = (value: unknown): value is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(value);

export interface ClewError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ClewError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** An error Result thrown, for code that works with exceptions; it keeps the code, so a boundary turns it back into the same error. */
export class ResultError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'ResultError';
  }
}

/** The value, or the error thrown as a ResultError (its message prefixed with `what failed: ` when given). */
export function unwrap<T>(result: Result<T>, what?: string): T {
  if (result.ok) return result.value;
  throw new ResultError(result.error.code, what ? `${what} failed: ${result.error.message}` : result.error.message);
}
