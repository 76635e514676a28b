// The built `clew` binary run as its own process against one data dir, as a person or a script runs it.
import { execFileSync, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const CLI = join(process.cwd(), 'dist/cli.js');

/** Builds dist/cli.js when a test runs without `npm run build` first. */
export function ensureBuiltCli(): void {
  if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

export interface CliRunner {
  run(...args: string[]): SpawnSyncReturns<string>;
  /** Runs with --json, expects exit 0, and parses the one JSON document printed. */
  json<T>(...args: string[]): T;
}

export function cliFor(dataDir: string): CliRunner {
  const run = (...args: string[]): SpawnSyncReturns<string> => spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8' });
  return {
    run,
    json<T>(...args: string[]): T {
      const r = run('--json', ...args);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as T;
    },
  };
}
