// A symbol named by the end of its FQN. FQNs begin with a module path nobody types
// (`usr.lib.python3.dist-packages.django.core.handlers.base.BaseHandler.load_middleware`,
// `protobuf/protoc-gen-gogo:main.main`), so a name that is no FQN is matched against FQN tails: `BaseHandler.load_middleware`.
import { ClewFailure } from '../../base/failure.js';
import type { ReadDb } from '../connection.js';

const SEPARATOR = /[.:#/\\]/u;
const NAME = /[^.:#/\\]+/gu;
const PARAMETERS = /\(.*$/su;
// Candidates listed in the error for a tail several FQNs end with.
const LISTED = 6;

/** Whether `tail` is the end of `fqn` from a separator on (`Handler.run` ends `a.b.Handler.run`, not `a.b.MyHandler.run`);
 * all of it is no end: a whole FQN is found by its key. */
export function fqnEndsWith(fqn: string, tail: string): boolean {
  if (fqn.length <= tail.length || !fqn.endsWith(tail)) return false;
  return SEPARATOR.test(fqn.charAt(fqn.length - tail.length - 1)) || SEPARATOR.test(tail.charAt(0));
}

interface Candidate { fqn: string; path: string; line: number }

/** The one FQN of `repoId` (or any repo) that `tail` is the end of, null when none; several are a BAD_REQUEST naming them. */
export function fqnEndingWith(db: ReadDb, tail: string, repoId?: number): string | null {
  // A Java method's FQN ends with its parameters (`get(long)`); its name is what comes before them.
  const name = tail.replace(PARAMETERS, '').match(NAME)?.at(-1);
  if (!name) return null;
  // `name` is NOCASE: the index finds every spelling, the exact one is kept below.
  const rows = db.prepare<[string, ...number[]], Candidate & { name: string }>(
    `SELECT s.name, s.fqn, f.path, s.start_line AS line FROM symbols s JOIN files f ON f.id = s.file_id
     WHERE s.name = ?${repoId === undefined ? '' : ' AND s.repo_id = ?'} LIMIT 20000`,
  ).all(name, ...(repoId === undefined ? [] : [repoId]));
  const byFqn = new Map<string, Candidate>();
  // `UserController.get` names `…UserController.get(long)` too.
  const ends = (fqn: string): boolean => {
    const named = fqn.replace(PARAMETERS, '');
    return fqnEndsWith(fqn, tail) || (named !== fqn && (named === tail || fqnEndsWith(named, tail)));
  };
  for (const row of rows) if (row.name === name && ends(row.fqn) && !byFqn.has(row.fqn)) byFqn.set(row.fqn, row);
  const found = [...byFqn.values()];
  if (found.length <= 1) return found[0]?.fqn ?? null;
  found.sort((a, b) => a.fqn.length - b.fqn.length || a.fqn.localeCompare(b.fqn));
  const listed = found.slice(0, LISTED).map((c) => `${c.fqn} (${c.path}:${c.line})`);
  if (found.length > LISTED) listed.push(`… ${found.length - LISTED} more`);
  // One line: the CLI prints an error's first line only.
  throw new ClewFailure('BAD_REQUEST', `${tail} ends ${found.length} symbols' FQNs; give more of the one you mean: ${listed.join(', ')}`);
}
