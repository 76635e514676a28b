// Recognises SQL text and names the first table it reads or writes.
import type { SyntaxNode } from '../parsers/treeSitter.js';
import { prefixOf } from './literals.js';

const SQL_START = /^\s*\(?\s*(select|insert|update|delete|with|merge|replace|upsert|create|alter|drop|truncate|call|exec)\b/i;
const TABLE = /\b(?:from|into|update|join|table(?:\s+if\s+(?:not\s+)?exists)?)\s+((?:[`"[]?[\w$]+[`"\]]?\.)*[`"[]?[\w$]+[`"\]]?)/gi;
const NOT_TABLES = new Set(['select', 'set', 'where', 'values', 'lateral', 'unnest', 'only', 'table']);

export function looksLikeSql(text: string): boolean {
  return SQL_START.test(text) && /\s/.test(text.trim());
}

/**
 * `SELECT * FROM users u` → `users`; null when no table is named (or the first is a sub-query).
 * In an incomplete prefix a name running to its end may continue (`FROM cache_v${n}`): no guess then.
 */
export function sqlTable(text: string, complete = true): string | null {
  TABLE.lastIndex = 0;
  for (let m = TABLE.exec(text); m; m = TABLE.exec(text)) {
    if (!complete && m.index + m[0].length === text.length) return null;
    const name = m[1]!.replace(/[`"[\]]/g, '');
    if (!NOT_TABLES.has(name.toLowerCase())) return name;
  }
  return null;
}

/** The SQL a string node holds (its literal prefix when built), with its first table; null if it is not SQL. */
export function sqlIn(node: SyntaxNode | null | undefined): { text: string; table: string | null } | null {
  const prefix = prefixOf(node);
  if (!prefix || !looksLikeSql(prefix.text)) return null;
  return { text: prefix.text, table: sqlTable(prefix.text, prefix.complete) };
}
