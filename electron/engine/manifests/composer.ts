// composer.json: `require` and `require-dev`, minus platform requirements, plus `bin` scripts as runnable targets.
import { ManifestCollector } from './collector.js';
import { readJsonObject } from './json.js';
import { baseName } from './paths.js';
import type { ManifestResult, PackageScope } from './types.js';
import { isRecord, textOrNull } from './values.js';

const SCOPES = new Map<string, PackageScope>([
  ['require', 'runtime'],
  ['require-dev', 'dev'],
]);

// The PHP runtime, its extensions and libraries, and Composer itself: requirements on the platform, not packages.
const PLATFORM = /^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|composer(-plugin-api|-runtime-api)?|ext-.+|lib-.+)$/i;

export function parseComposerJson(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'composer');
  const json = readJsonObject(text, out, 'composer.json');
  if (json === null) return out.result();
  // Object key order is the file's order, so sections come out as written.
  for (const [key, value] of Object.entries(json)) {
    const scope = SCOPES.get(key);
    if (scope !== undefined) readRequirements(out, key, value, scope);
    else if (key === 'bin') readBin(out, value);
  }
  return out.result();
}

function readRequirements(out: ManifestCollector, key: string, value: unknown, scope: PackageScope): void {
  if (!isRecord(value)) {
    // Composer writes an empty section as `[]` when it round-trips through PHP arrays.
    if (!(Array.isArray(value) && value.length === 0)) out.fail(`"${key}" is not an object`);
    return;
  }
  for (const [name, version] of Object.entries(value)) {
    if (!PLATFORM.test(name)) out.addPackage(name, textOrNull(version), scope);
  }
}

/** Composer links each script into vendor/bin under the script's own file name. */
function readBin(out: ManifestCollector, value: unknown): void {
  const targets = Array.isArray(value) ? value : [value];
  for (const target of targets) {
    const path = textOrNull(target);
    if (path === null) out.fail('"bin" holds something other than a path');
    else out.addMain(baseName(path), path);
  }
}
