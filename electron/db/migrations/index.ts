// Append-only: never edit a shipped migration, add the next file.
import { m001Initial } from './001_initial.js';

export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001Initial];
