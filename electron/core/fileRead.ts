// Reads one file of a registered repo for the code view. The path must stay inside the repo (links are
// judged without probing their targets); only regular files are opened, within a time limit; huge files
// are cut and binary files are flagged, never sent as text. A path through a folder alias finds the file
// the index holds under its real path.
import type { FileContent } from '../../shared/types.js';
import { indexedFile } from '../db/read/files.js';
import { findRepo } from '../db/read/repos.js';
import type { ReadDb } from '../db/connection.js';
import { decodeSource } from '../base/source.js';
import { languageOf } from '../base/languages.js';
import { readRepoFile } from '../files/repoFile.js';

/** Enough for any source file a person reads; CodeMirror stays smooth well past this. */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

export async function readFileContent(db: ReadDb, repoRef: string, relPath: string, maxBytes = MAX_READ_BYTES, timeoutMs?: number): Promise<FileContent> {
  const repo = findRepo(db, repoRef);
  const { rel, bytes, stat } = await readRepoFile(repo.path, relPath, maxBytes, timeoutMs);
  const decoded = decodeSource(bytes);
  const indexed = indexedFile(db, repo.id, rel);
  return {
    repo: repo.path,
    path: relPath,
    language: indexed?.language ?? languageOf(rel),
    text: decoded.kind === 'text' ? decoded.text : '',
    size: stat.size,
    truncated: stat.size > bytes.length,
    binary: decoded.kind === 'binary',
    changedSinceIndex: indexed ? indexed.size !== stat.size || indexed.mtime_ms !== Math.trunc(stat.mtimeMs) : false,
  };
}
