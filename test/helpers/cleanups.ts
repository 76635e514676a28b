// What a test sets up (temp folders, servers, backends) is undone after it, last first, even when it fails.
import { afterEach } from 'vitest';
import { tempDir } from './fixtures.js';

export type Cleanup = () => void | Promise<void>;

/** A list each test pushes its undo steps onto; they run after every test, in reverse order. */
export function cleanupAfterEach(): Cleanup[] {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}

/** A temp folder removed after the current test. */
export function tempPath(cleanups: Cleanup[], prefix?: string): string {
  const dir = tempDir(prefix);
  cleanups.push(dir.cleanup);
  return dir.path;
}
