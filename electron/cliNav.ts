// The navigation commands of the CLI: def, refs, callers, callees, flow, tree. Positions are written
// `path:line:column`, the path absolute or relative to the working folder; the repo holding it is found.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { call } from '../shared/contract.js';
import type { NavPosition } from '../shared/nav.js';
import type { Backend } from './core/backend.js';
import { ClewFailure } from './base/failure.js';
import { need, type CliValues } from './cliArgs.js';
import { formatCallTree, formatDefinitions, formatFlow, formatReferences, formatTree } from './cliNavFormat.js';

export const NAV_COMMANDS = new Set(['def', 'refs', 'callers', 'callees', 'flow', 'tree']);

const POSITION = /^(.+):(\d+):(\d+)$/u;

function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** `src/a.ts:12:5` → a position in the repo that contains the file; null when the text is no position. */
export function parsePosition(text: string): NavPosition | null {
  const m = POSITION.exec(text);
  if (!m?.[1]) return null;
  const path = realPath(m[1]);
  return { repo: path, path, line: Number(m[2]), column: Number(m[3]) };
}

/** A depth of 0 or more (the Backend caps it at 6). */
export function depthOf(values: CliValues): number | undefined {
  const depth = values.depth;
  if (depth === undefined) return undefined;
  if (!/^\d+$/u.test(depth)) throw new ClewFailure('BAD_REQUEST', `--depth must be a whole number, got ${JSON.stringify(depth)}`);
  return Number(depth);
}

/** The repo an FQN or entry lives in: --repo, else the repo holding the working folder. */
const repoOf = (values: CliValues): string => values.repo ?? realPath(process.cwd());

/** Prints a value: as JSON with --json, else through the formatter (given the value with control characters escaped). */
export type Print = <T>(value: T, human: (v: T) => string) => void;

export async function navCommand(backend: Backend, command: string, rest: string[], values: CliValues, limit: number | undefined, print: Print): Promise<void> {
  const depth = depthOf(values);
  switch (command) {
    case 'def': {
      const where = need(rest[0], 'position path:line:column');
      const position = parsePosition(where);
      if (!position) throw new ClewFailure('BAD_REQUEST', `def needs path:line:column, got ${JSON.stringify(where)}`);
      const hits = await call(backend, 'nav:def', position);
      return print(hits, formatDefinitions);
    }
    case 'refs': {
      const what = need(rest[0], 'FQN or path:line:column');
      const position = parsePosition(what);
      const answer = await call(backend, 'nav:refs', position
        ? { repo: position.repo, position, ...(limit ? { limit } : {}) }
        : { repo: repoOf(values), fqn: what, ...(limit ? { limit } : {}) });
      return print(answer, (a) => (a.targets.length > 0 || position ? formatReferences(a) : `no symbol ${what} (find one with \`clew search --mode symbol\`)`));
    }
    case 'callers':
    case 'callees': {
      const fqn = need(rest[0], 'symbol FQN');
      const tree = await call(backend, command === 'callers' ? 'nav:callers' : 'nav:callees', { repo: repoOf(values), fqn, ...(depth === undefined ? {} : { depth }) });
      return print(tree, (t) => (t ? formatCallTree(t) : `no symbol ${fqn} (find one with \`clew search --mode symbol\`)`));
    }
    case 'flow': {
      const entry = need(rest.join(' ').trim() || undefined, 'entry point id or route');
      const flow = await call(backend, 'nav:flow', { repo: repoOf(values), entry, ...(depth === undefined ? {} : { depth }) });
      return print(flow, (f) => (f ? formatFlow(f) : `no entry point ${entry} (\`clew entrypoints <repo>\` lists them)`));
    }
    default: {
      const repo = need(rest[0], 'repo');
      const entries = await call(backend, 'nav:tree', rest[1] ? { repo, path: rest[1], from: realPath(process.cwd()) } : { repo });
      return print(entries, formatTree);
    }
  }
}
