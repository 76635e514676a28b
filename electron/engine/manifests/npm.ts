// package.json: the four dependency maps, plus `bin` and `main` as runnable targets.
import { ManifestCollector } from './collector.js';
import { readJsonObject } from './json.js';
import type { ManifestResult, PackageScope } from './types.js';
import { isRecord, textOrNull } from './values.js';

const SCOPES = new Map<string, PackageScope>([
  ['dependencies', 'runtime'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
  ['optionalDependencies', 'optional'],
]);

export function parsePackageJson(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'npm');
  const json = readJsonObject(text, out, 'package.json');
  if (json === null) return out.result();
  const packageName = textOrNull(json.name);
  // Object key order is the file's order, so sections come out as written.
  for (const [key, value] of Object.entries(json)) {
    const scope = SCOPES.get(key);
    if (scope !== undefined) readDependencies(out, key, value, scope);
    else if (key === 'bin') readBin(out, value, packageName);
    else if (key === 'main') readMain(out, value, packageName);
  }
  return out.result();
}

function readDependencies(out: ManifestCollector, key: string, value: unknown, scope: PackageScope): void {
  if (!isRecord(value)) {
    out.fail(`"${key}" is not an object`);
    return;
  }
  for (const [name, version] of Object.entries(value)) out.addPackage(name, textOrNull(version), scope);
}

function readBin(out: ManifestCollector, value: unknown, packageName: string | null): void {
  const single = textOrNull(value);
  if (single !== null) {
    out.addMain(binNameFor(packageName, single), single);
    return;
  }
  if (!isRecord(value)) {
    out.fail('"bin" is neither a string nor an object');
    return;
  }
  for (const [name, target] of Object.entries(value)) {
    const path = textOrNull(target);
    if (path !== null) out.addMain(name, path);
  }
}

function readMain(out: ManifestCollector, value: unknown, packageName: string | null): void {
  const path = textOrNull(value);
  if (path === null) {
    out.fail('"main" is not a path');
    return;
  }
  out.addMain(packageName ?? 'main', path);
}

/** npm names a string `bin` after the package, without its `@scope/`; a nameless package falls back to the file's stem. */
function binNameFor(packageName: string | null, target: string): string {
  if (packageName !== null) return packageName.replace(/^@[^/]+\//, '');
  const file = target.split('/').pop() ?? target;
  return file.replace(/\.[^.]*$/, '');
}
