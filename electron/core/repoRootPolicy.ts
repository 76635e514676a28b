// Folders that are never a repository: indexing them would read the whole machine, secrets in the
// home folder, or Clew's own data (which it rewrites while indexing it).
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { ClewFailure } from '../base/failure.js';

// The folder itself is refused; inside the virtual ones nothing is a repository.
const SYSTEM_FOLDERS: Record<string, readonly string[]> = {
  posix: ['/etc', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/boot', '/var', '/opt', '/root', '/srv', '/tmp', '/System', '/Library', '/Applications', '/private', '/Users', '/home', '/Volumes', '/mnt', '/media'],
  win32: ['C:\\Windows', 'C:\\Program Files', 'C:\\Program Files (x86)', 'C:\\ProgramData', 'C:\\Users'],
};
const VIRTUAL_FOLDERS: Record<string, readonly string[]> = { posix: ['/proc', '/sys', '/dev', '/run'], win32: ['C:\\Windows'] };

const real = (path: string, win: boolean): string => {
  try {
    return realpathSync(path);
  } catch {
    return (win ? win32 : posix).resolve(path);
  }
};

/** True when `inner` is `outer` or somewhere below it. */
function within(inner: string, outer: string, win: boolean): boolean {
  const path = win ? win32 : posix;
  const rel = path.relative(win ? outer.toLowerCase() : outer, win ? inner.toLowerCase() : inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Throws BAD_REQUEST naming why `path` cannot be a repository; a missing folder is left to the indexer to report. */
export function refuseUnsafeRoot(path: string, dataDir: string, platform: NodeJS.Platform = process.platform): void {
  const win = platform === 'win32';
  const family = win ? 'win32' : 'posix';
  const root = real(path, win);
  const refuse = (why: string): never => {
    throw new ClewFailure('BAD_REQUEST', `${path} cannot be a repository: ${why}; choose the project's own folder`);
  };
  if ((win ? win32 : posix).parse(root).root === root) refuse('it is the root of the file system');
  const home = real(homedir(), win);
  if (within(home, root, win)) refuse(root === home ? 'it is your home folder' : 'it contains your home folder');
  const data = real(dataDir, win);
  if (within(root, data, win) || within(data, root, win)) refuse(`it ${within(root, data, win) ? 'is inside' : 'contains'} Clew's data directory (${data})`);
  if (SYSTEM_FOLDERS[family]?.some((folder) => (win ? folder.toLowerCase() === root.toLowerCase() : folder === root))) refuse('it is a system folder');
  if (VIRTUAL_FOLDERS[family]?.some((folder) => within(root, folder, win))) refuse('it is a system folder');
}
