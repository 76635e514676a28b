// The app is already running when a person adds a repo: its threads are up, so a one-file repo is indexed and
// searched first, and the figures that follow time adding the real repo, not starting the app.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../../../electron/core/backend.js';
import { unwrap } from '../../../shared/result.js';

export async function bringAppUp(backend: Backend, work: string): Promise<void> {
  const warm = join(work, 'warm-up');
  mkdirSync(warm, { recursive: true });
  writeFileSync(join(warm, 'main.go'), 'package main\n\nfunc main() {}\n');
  unwrap(await backend.invoke('repo:index', { path: warm }));
  unwrap(await backend.invoke('search:query', { query: 'main', mode: 'keyword', limit: 1 }));
}
