// Repo-relative path arithmetic for manifests: always `/`-separated, never escaping the repository.
import { posix } from 'node:path';

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

export function baseName(relPath: string): string {
  return posix.basename(toPosix(relPath));
}

/** The manifest's directory name (not path), e.g. `requirements` for `requirements/dev.txt`. */
export function parentDirName(relPath: string): string {
  return posix.basename(posix.dirname(toPosix(relPath)));
}

/** `target` as written in the manifest, resolved against the manifest's directory; null when it leaves the repo. */
export function resolveFromManifest(manifest: string, target: string): string | null {
  const dir = posix.dirname(toPosix(manifest));
  // Leading slashes mean "package root" in npm and friends, not the filesystem root.
  const relative = toPosix(target.trim()).replace(/^\/+/, '');
  if (relative === '') return null;
  const joined = posix.normalize(posix.join(dir, relative));
  if (joined === '.' || joined === '..' || joined.startsWith('../')) return null;
  return joined.replace(/^\.\//, '').replace(/\/$/, '');
}
