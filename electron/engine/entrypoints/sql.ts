// Recognises SQL text and names the first table it reads or writes.
const SQL_START = /^\s*\(?\s*(select|insert|update|delete|with|merge|replace|upsert|create|alter|drop|truncate|call|exec)\b/i;
const TABLE = /\b(?:from|into|update|join|table(?:\s+if\s+(?:not\s+)?exists)?)\s+((?:[`"[]?[\w$]+[`"\]]?\.)*[`"[]?[\w$]+[`"\]]?)/gi;
const NOT_TABLES = new Set(['select', 'set', 'where', 'values', 'lateral', 'unnest', 'only', 'table']);

export function looksLikeSql(text: string): boolean {
  return SQL_START.test(text) && /\s/.test(text.trim());
}

/** `SELECT * FROM users u` → `users`; null when no table is named (or the first is a sub-query). */
export function sqlTable(text: string): string | null {
  TABLE.lastIndex = 0;
  for (let m = TABLE.exec(text); m; m = TABLE.exec(text)) {
    const name = m[1]!.replace(/[`"[\]]/g, '');
    if (!NOT_TABLES.has(name.toLowerCase())) return name;
  }
  return null;
}
