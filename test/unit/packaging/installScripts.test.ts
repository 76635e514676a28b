// npm 12 runs a dependency's install script only when package.json `allowScripts` names it: a new dependency with an
// unreviewed script would silently not run it there (better-sqlite3 unbuilt means nothing starts). Every installed
// package with an install step must be decided, true or false, and the ones Clew needs must be allowed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const INSTALL_STEPS = ['preinstall', 'install', 'postinstall'];

interface Manifest {
  name?: string;
  scripts?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

const readManifest = (dir: string): Manifest | null => {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
};

/** Names of the packages under node_modules (nested ones too) that have an install step: a script, or a binding.gyp
 * npm builds with node-gyp when no install script says otherwise. */
function packagesWithInstallSteps(modules: string, found = new Set<string>()): Set<string> {
  if (!existsSync(modules)) return found;
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@')
      ? readdirSync(join(modules, entry.name), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(modules, entry.name, e.name))
      : [join(modules, entry.name)];
    for (const dir of dirs) {
      const manifest = readManifest(dir);
      if (!manifest?.name) continue;
      const scripts = manifest.scripts ?? {};
      const hasStep = INSTALL_STEPS.some((step) => scripts[step] !== undefined) || existsSync(join(dir, 'binding.gyp'));
      if (hasStep) found.add(manifest.name);
      packagesWithInstallSteps(join(dir, 'node_modules'), found);
    }
  }
  return found;
}

describe('install scripts', () => {
  const allow = readManifest(root)?.allowScripts ?? {};

  it('allows the ones Clew needs to build or run', () => {
    for (const name of ['better-sqlite3', 'esbuild']) expect(allow[name], name).toBe(true);
  });

  it('decides every installed package that has an install step', () => {
    const undecided = [...packagesWithInstallSteps(join(root, 'node_modules'))].filter((name) => typeof allow[name] !== 'boolean');
    expect(undecided).toEqual([]);
  });

  it('names no package that is not installed (a stale entry hides what the list covers)', () => {
    const installed = packagesWithInstallSteps(join(root, 'node_modules'));
    expect(Object.keys(allow).filter((name) => !installed.has(name))).toEqual([]);
  });
});
