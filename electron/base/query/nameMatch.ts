// How a symbol name matches the name a person typed: exact, then the same name spelled differently, prefix,
// the same parts, one typo. Ranking turns the strength into a score; the label explains it.
import { identifierParts } from '../identifiers.js';

export type NameMatchKind = 'exact' | 'spelling' | 'prefix' | 'parts' | 'typo';

export interface NameMatch {
  kind: NameMatchKind;
  /** 1 for exact down to 0.4 for one typo. */
  strength: number;
}

const STRENGTH: Record<NameMatchKind, number> = { exact: 1, spelling: 0.8, prefix: 0.6, parts: 0.5, typo: 0.4 };
// Shorter names are too easy to reach with one edit (get → set, id → io).
const MIN_TYPO_LENGTH = 4;

/** Letters and digits only, lower-cased: parse_config, parseConfig and PARSE-CONFIG all become parseconfig. */
export function normalizeIdentifier(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      // A swap of two neighbours counts as one edit (JsonObejct → JsonObject).
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How `candidate` (a symbol's name) matches `query` (a name typed by a person), or null. */
export function matchName(query: string, candidate: string): NameMatch | null {
  const q = query.trim();
  if (!q || !candidate) return null;
  const of = (kind: NameMatchKind): NameMatch => ({ kind, strength: STRENGTH[kind] });
  if (q === candidate) return of('exact');
  const nq = normalizeIdentifier(q);
  const nc = normalizeIdentifier(candidate);
  if (!nq || !nc) return null;
  if (nq === nc) return of('spelling');
  if (nc.startsWith(nq)) return of('prefix');
  const qParts = identifierParts(q);
  const cParts = new Set(identifierParts(candidate));
  if (qParts.length > 1 && qParts.every((p) => cParts.has(p))) return of('parts');
  if (nq.length >= MIN_TYPO_LENGTH && editDistance(nq, nc, 1) <= 1) return of('typo');
  return null;
}
