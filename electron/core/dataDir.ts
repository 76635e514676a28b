// Where data lives: the same per-user folder the desktop app uses (Electron's userData for "Clew").
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Clew';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CLEW_DATA_DIR) return env.CLEW_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'clew.db');
export const lockFile = (dataDir: string): string => join(dataDir, 'clew.lock');
export const settingsFile = (dataDir: string): string => join(dataDir, 'settings.json');
export const notesFile = (dataDir: string): string => join(dataDir, 'notes.db');
