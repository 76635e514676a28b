// `clew pause|resume <repo>`, `clew pause|resume --sync` and `clew watch <repo> on|off`.
import { call } from '../shared/contract.js';
import type { RepoSummary } from '../shared/types.js';
import type { Backend } from './core/backend.js';
import { ClewFailure } from './base/failure.js';

export const CONTROL_COMMANDS = new Set(['pause', 'resume', 'watch']);

export type ControlResult = { repo: RepoSummary } | { sync: { paused: boolean } };

/** The arguments' usage mistakes, found before the data directory is opened. */
export function checkControlArgs(command: string, args: readonly string[], sync: boolean, usage: string): void {
  const [repo, onOff] = args;
  if (command === 'watch') {
    if (!repo || (onOff !== 'on' && onOff !== 'off')) throw new ClewFailure('BAD_REQUEST', `watch needs <repo> on|off\n${usage}`);
  } else if (sync) {
    if (repo) throw new ClewFailure('BAD_REQUEST', `${command} takes a repo or --sync, not both\n${usage}`);
  } else if (!repo) throw new ClewFailure('BAD_REQUEST', `${command} needs a repo (id, path or name) or --sync\n${usage}`);
}

export async function controlCommand(backend: Backend, command: string, args: readonly string[], sync: boolean, usage: string): Promise<ControlResult> {
  checkControlArgs(command, args, sync, usage);
  const [repo, onOff] = args;
  if (command === 'watch') return { repo: await call(backend, 'repo:watch', { repo: repo ?? '', on: onOff === 'on' }) };
  const pause = command === 'pause';
  if (sync) return { sync: await call(backend, pause ? 'sync:pause' : 'sync:resume', {}) };
  return { repo: await call(backend, pause ? 'repo:pause' : 'repo:resume', { repo: repo ?? '' }) };
}

export function formatControl(result: ControlResult): string {
  if ('sync' in result) return `vector sync ${result.sync.paused ? 'paused' : 'resumed'}`;
  const r = result.repo;
  return `${r.name}: ${r.paused ? 'paused' : 'active'}, watch ${r.watch ? 'on' : 'off'} (${r.path})`;
}
