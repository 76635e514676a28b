// notes.db's own migrations. Append-only: never edit a shipped migration, add the next file.
import type { Migration } from '../migrations/index.js';
import { n001KeptTables } from './001_kept_tables.js';

export const NOTES_MIGRATIONS: readonly Migration[] = [n001KeptTables];

export const LATEST_NOTES_VERSION = NOTES_MIGRATIONS.length;
