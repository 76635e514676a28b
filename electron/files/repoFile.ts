// Resolves a repo-relative path one name at a time, as the kernel would, but decides about every
// symlink from its text alone: one that points out of the repo is refused before anything at its
// target is looked at, so the answer never tells whether that target exists. Too many links is a
// loop. The file found is opened as a regular file only (files/regularFile.ts).
import { constants, type Stats } from 'node:fs';
import { lstat, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, posix, relative, sep } from 'node:path';
import { ClewFailure } from '../base/failure.js';
import { encodeFsName, joinBytes, rawBytesOf } from './pathBytes.js';
import { NotRegularFile, readRegularFile, ReadTimeout } from './regularFile.js';

/** Linux's limit: past this many links in one path, it is a loop. */
const MAX_SYMLINK_HOPS = 40;

export interface ResolvedRepoPath {
  /** The file as bytes, for fs. */
  abs: Buffer;
  /** Its real repo-relative path, in the index's form ('/' separated, non-UTF-8 names escaped). */
  rel: string;
}

const outside = (relPath: string): ClewFailure => new ClewFailure('OUTSIDE_REPO', `${relPath} is outside the repository`);
const parts = (path: string): string[] => path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');

/** `base` (repo-relative names) followed by `path`, with `..` applied by text; null when it climbs out. */
function lexical(base: readonly string[], path: string): string[] | null {
  const out = [...base];
  for (const part of parts(path)) {
    if (part !== '..') out.push(part);
    else if (out.pop() === undefined) return null;
  }
  return out;
}

async function lstatName(dir: Buffer, name: string): Promise<{ abs: Buffer; info: Stats }> {
  const raw = rawBytesOf(name);
  for (const bytes of raw ? [raw, Buffer.from(name)] : [Buffer.from(name)]) {
    const abs = joinBytes(dir, bytes);
    try {
      return { abs, info: await lstat(abs) };
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ENOENT' || bytes !== raw) throw e;
    }
  }
  throw new Error('unreachable');
}

/** Where `relPath` leads inside the repo, refusing `..`, absolute paths, links out and loops. */
export async function resolveInsideRepo(root: string, relPath: string): Promise<ResolvedRepoPath> {
  if (relPath.includes('\0') || isAbsolute(relPath) || posix.isAbsolute(relPath)) throw new ClewFailure('OUTSIDE_REPO', `${relPath} is not a path inside the repo`);
  const realRoot = await realpath(root).catch((e: unknown) => { throw ClewFailure.fromSystem(e, `repo folder ${root}`); });
  const rootBytes = Buffer.from(realRoot);
  let pending = lexical([], relPath);
  if (!pending) throw new ClewFailure('OUTSIDE_REPO', `${relPath} leaves the repo`);
  const done: string[] = [];
  let abs: Buffer = rootBytes;
  let hops = 0;
  while (pending.length > 0) {
    const name = pending.shift() as string;
    let found;
    try {
      found = await lstatName(abs, name);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new ClewFailure('NOT_FOUND', `cannot open ${relPath}: no such file`);
      throw ClewFailure.fromSystem(e, `cannot open ${relPath}`);
    }
    if (!found.info.isSymbolicLink()) {
      done.push(name);
      abs = found.abs;
      continue;
    }
    if (++hops > MAX_SYMLINK_HOPS) throw new ClewFailure('BAD_REQUEST', `cannot open ${relPath}: a symlink loop (more than ${MAX_SYMLINK_HOPS} links)`);
    const target = encodeFsName(await readlink(found.abs, { encoding: 'buffer' }));
    // Judged by its text: an absolute target must name a place under the repo's real path.
    const from = isAbsolute(target) ? relative(realRoot, target) : null;
    const next = from === null ? lexical(done, target) : from.startsWith('..') || isAbsolute(from) ? null : lexical([], from.split(sep).join('/'));
    if (!next) throw outside(relPath);
    pending = [...next, ...pending];
    done.length = 0;
    abs = rootBytes;
  }
  return { abs, rel: done.join('/') };
}

export interface RepoFileRead {
  rel: string;
  bytes: Buffer;
  stat: Stats;
}

/** Reads up to `maxBytes` of a regular file of the repo, within `timeoutMs`. */
export async function readRepoFile(root: string, relPath: string, maxBytes: number, timeoutMs?: number): Promise<RepoFileRead> {
  const { abs, rel } = await resolveInsideRepo(root, relPath);
  try {
    // O_NOFOLLOW: the last name was no link a moment ago; if it became one, refuse rather than follow.
    const { bytes, stat } = await readRegularFile([abs], maxBytes, timeoutMs, constants.O_NOFOLLOW ?? 0);
    return { rel, bytes, stat };
  } catch (e) {
    if (e instanceof NotRegularFile) throw new ClewFailure('BAD_REQUEST', `${relPath} is ${e.message}`);
    if (e instanceof ReadTimeout) throw new ClewFailure('UNAVAILABLE', `cannot read ${relPath}: ${e.message}`);
    if ((e as { code?: unknown }).code === 'ELOOP') throw new ClewFailure('BAD_REQUEST', `cannot open ${relPath}: it was replaced by a symlink`);
    throw ClewFailure.fromSystem(e, `cannot open ${relPath}`);
  }
}
