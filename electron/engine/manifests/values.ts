// Narrowing helpers for parsed JSON/TOML values, which arrive as `unknown`.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string, else null. */
export function textOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
