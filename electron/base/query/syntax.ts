// Filters written in a query (`repo:gin lang:go -path:test handler`), parsed once for every mode:
// known keys become filters, anything else (`http:`, `std::`) stays part of the words searched for.
import type { QueryFilter } from '../../../shared/types.js';

const KEYS: ReadonlySet<string> = new Set<QueryFilter['key']>(['repo', 'lang', 'file', 'path', '-file', '-path']);

export interface QuerySyntax {
  /** The query with the filters cut out, its other spacing kept (a regex's spaces mean something). */
  text: string;
  filters: QueryFilter[];
}

/** A filter token starts the query or follows whitespace; its value is `"quoted"` or runs to the next whitespace,
 * which is cut with it so that `a repo:x b` leaves `a b`. */
const TOKEN = /(?<=^|\s)(-?[a-z]+):(?:"([^"]*)"|(\S+))\s*/g;

const isKey = (key: string): key is QueryFilter['key'] => KEYS.has(key);

export function parseQuerySyntax(query: string): QuerySyntax {
  const filters: QueryFilter[] = [];
  const text = query.replace(TOKEN, (whole, key: string, quoted: string | undefined, bare: string | undefined) => {
    const value = quoted ?? bare ?? '';
    if (!isKey(key) || value === '') return whole;
    filters.push({ key, value });
    return '';
  });
  return { text: filters.length ? text.trim() : query, filters };
}
