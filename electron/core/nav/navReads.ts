// What the by-name answers and the call trees read through the navigation service. They depend on this, not on the
// service that builds them, so the three stay out of an import loop.
import type { DefinitionHit, NavConfidence } from '../../../shared/nav.js';
import type { ReadDb } from '../../db/connection.js';
import type { NavOccurrence, NavRows, NavSymbol } from '../../db/read/nav/navRows.js';
import type { RepoRef } from '../../db/read/repos.js';
import type { Resolver, Target } from './resolver.js';

export interface NavReads {
  readonly db: ReadDb;
  readonly rows: NavRows;
  /** A target as an answer row: where its name is written, its signature and doc. */
  hit(repo: RepoRef, resolver: Resolver, target: Target, confidence: NavConfidence): DefinitionHit;
  /** Where a symbol's own name is written. */
  namePosition(s: NavSymbol): { line: number; col: number };
  /** Occurrences of `name` that resolve to one of the targets (exact) or could (candidate), exact ones first. */
  uses(resolver: Resolver, name: string, targets: readonly Target[], limit: number, roles?: ReadonlySet<number>): { uses: Array<{ occ: NavOccurrence; confidence: NavConfidence }>; truncated: boolean };
}
