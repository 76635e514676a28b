// Append-only: never edit a shipped migration, add the next file.
import { m001Initial } from './001_initial.js';
import { m002VectorState } from './002_vector_state.js';
import { m003SymbolFqnIndex } from './003_symbol_fqn_index.js';
import { m004WatchAndPause } from './004_watch_and_pause.js';
import { m005SyncedAt } from './005_synced_at.js';
import { m006RepoCounts } from './006_repo_counts.js';
import { m007PathAliases } from './007_path_aliases.js';
import { m008Occurrences } from './008_occurrences.js';
import { m009FileUnits } from './009_file_units.js';
import { m010WordIndex } from './010_word_index.js';
import { m011AnalysisVersion } from './011_analysis_version.js';
import { m012NavigationIndexes } from './012_navigation_indexes.js';
import { m013LeanContentIndex } from './013_lean_content_index.js';
import { m014UnitsByRepo } from './014_units_by_repo.js';
import { m015PackedOccurrences } from './015_packed_occurrences.js';
import { m016DerivedUnitHeads } from './016_derived_unit_heads.js';
import { m017CompactKeys } from './017_compact_keys.js';
import { m018BatchFullText } from './018_batch_full_text.js';
import { m019RunProgress } from './019_run_progress.js';

export interface Migration {
  name: string;
  sql: string;
  /** Drops and re-creates tables that others refer to: run with foreign keys off, checked before its commit (migrate.ts). */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [m001Initial, m002VectorState, m003SymbolFqnIndex, m004WatchAndPause, m005SyncedAt, m006RepoCounts, m007PathAliases, m008Occurrences, m009FileUnits, m010WordIndex, m011AnalysisVersion, m012NavigationIndexes, m013LeanContentIndex, m014UnitsByRepo, m015PackedOccurrences, m016DerivedUnitHeads, m017CompactKeys, m018BatchFullText, m019RunProgress];
