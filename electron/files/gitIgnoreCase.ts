// Whether ignore patterns match case-insensitively, as git would for this repository: the repo's own
// `core.ignorecase` when its config sets it, else the platform's default (git sets it at clone time on
// case-insensitive file systems: macOS and Windows; Linux matches case-sensitively).
import { join, resolve } from 'node:path';
import { readRegularFileSync } from './regularFile.js';

export const PLATFORM_IGNORES_CASE = process.platform === 'darwin' || process.platform === 'win32';

function readText(path: string): string | null {
  try {
    return readRegularFileSync(path).toString('utf8');
  } catch {
    return null;
  }
}

/** The git folder whose config applies: `.git` itself, or where a `.git` file (worktree, submodule) points, then its common dir. */
function gitConfigFiles(root: string): string[] {
  const dotGit = join(root, '.git');
  const pointer = readText(dotGit);
  const gitDir = pointer === null ? dotGit : resolve(root, /^gitdir:\s*(.+?)\s*$/m.exec(pointer)?.[1] ?? dotGit);
  const common = readText(join(gitDir, 'commondir'))?.trim();
  return [join(gitDir, 'config'), ...(common ? [join(resolve(gitDir, common), 'config')] : [])];
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0', '']);

/** `core.ignorecase` from one git config text, or null when it is not set there. */
export function coreIgnoreCase(config: string): boolean | null {
  let section = '';
  let found: boolean | null = null;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)[#;].*$/, '').trim();
    const header = /^\[\s*([^\]\s"]+)(\s+"[^"]*")?\s*\]\s*(.*)$/.exec(line);
    const rest = header ? (header[3] ?? '') : line;
    // `[core "x"]` is a subsection, not core itself.
    if (header) section = header[2] ? '' : (header[1] ?? '').toLowerCase();
    if (section !== 'core' || !rest) continue;
    const entry = /^([A-Za-z][\w-]*)\s*(?:=\s*(.*))?$/.exec(rest);
    if (!entry || (entry[1] ?? '').toLowerCase() !== 'ignorecase') continue;
    const value = (entry[2] ?? '').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    // A bare key means true; the last setting wins, as in git.
    if (entry[2] === undefined || TRUE.has(value)) found = true;
    else if (FALSE.has(value)) found = false;
  }
  return found;
}

export function repoIgnoresCase(root: string): boolean {
  for (const file of gitConfigFiles(root)) {
    const text = readText(file);
    const setting = text === null ? null : coreIgnoreCase(text);
    if (setting !== null) return setting;
  }
  return PLATFORM_IGNORES_CASE;
}
