// Reads one file of a registered repo for the code view. The path must stay inside the repo root
// after resolving symlinks; huge files are cut and binary files are flagged, never sent as text.
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileContent } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import { decodeSource } from '../../base/source.js';
import { languageOf } from '../../base/languages.js';
import type { ReadDb } from '../connection.js';
import { indexedFile } from '../read/files.js';
import { findRepo } from '../read/repos.js';

/** Enough for any source file a person reads; CodeMirror stays smooth well past this. */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

const inside = (root: string, target: string): boolean => target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);

/** Resolves `relPath` under the repo root, refusing anything that leaves it (.., absolute paths, symlinks out). */
export async function resolveInsideRepo(root: string, relPath: string): Promise<string> {
  if (relPath.includes('\0') || isAbsolute(relPath)) throw new ClewFailure('OUTSIDE_REPO', `${relPath} is not a path inside the repo`);
  const realRoot = await realpath(root).catch((e: unknown) => { throw ClewFailure.fromSystem(e, `repo folder ${root}`); });
  const lexical = resolve(realRoot, relPath);
  if (!inside(realRoot, lexical)) throw new ClewFailure('OUTSIDE_REPO', `${relPath} leaves the repo`);
  const real = await realpath(lexical).catch((e: unknown) => { throw ClewFailure.fromSystem(e, `cannot open ${relPath}`); });
  if (!inside(realRoot, real)) throw new ClewFailure('OUTSIDE_REPO', `${relPath} links outside the repo (${relative(realRoot, real)})`);
  return real;
}

export async function readFileContent(db: ReadDb, repoRef: string, relPath: string, maxBytes = MAX_READ_BYTES): Promise<FileContent> {
  const repo = findRepo(db, repoRef);
  const abs = await resolveInsideRepo(repo.path, relPath);
  const handle = await open(abs, 'r').catch((e: unknown) => { throw ClewFailure.fromSystem(e, `cannot open ${relPath}`); });
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ClewFailure('BAD_REQUEST', `${relPath} is not a regular file`);
    const length = Math.min(stat.size, maxBytes);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const decoded = decodeSource(buffer.subarray(0, read));
    const indexed = indexedFile(db, repo.id, relPath);
    return {
      repo: repo.path,
      path: relPath,
      language: indexed?.language ?? languageOf(relPath),
      text: decoded.kind === 'text' ? decoded.text : '',
      size: stat.size,
      truncated: stat.size > read,
      binary: decoded.kind === 'binary',
      changedSinceIndex: indexed ? indexed.size !== stat.size || indexed.mtime_ms !== Math.trunc(stat.mtimeMs) : false,
    };
  } finally {
    await handle.close();
  }
}
