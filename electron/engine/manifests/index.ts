// Which files are package manifests, and what each declares: the one entry point of this folder.
import { parseCargoToml } from './cargo.js';
import { parseComposerJson } from './composer.js';
import { parsePackagesConfig, parsePackagesProps, parseProjectFile } from './dotnet.js';
import { parseGemfile } from './gemfile.js';
import { parseGemspec } from './gemspec.js';
import { parseGoMod } from './gomod.js';
import { parseGradle } from './gradle.js';
import { parsePom } from './maven.js';
import { parsePackageJson } from './npm.js';
import { baseName, parentDirName } from './paths.js';
import { parsePyproject } from './pyproject.js';
import { parseRequirementsTxt } from './requirements.js';
import type { ManifestResult } from './types.js';
import { errorMessage } from './values.js';

export type { ManifestMain, ManifestResult } from './types.js';

type ManifestParser = (relPath: string, text: string) => ManifestResult;

const BY_NAME = new Map<string, ManifestParser>([
  ['package.json', parsePackageJson],
  ['pom.xml', parsePom],
  ['build.gradle', parseGradle],
  ['build.gradle.kts', parseGradle],
  ['pyproject.toml', parsePyproject],
  ['go.mod', parseGoMod],
  ['Cargo.toml', parseCargoToml],
  ['composer.json', parseComposerJson],
  ['Gemfile', parseGemfile],
  ['Directory.Packages.props', parsePackagesProps],
  ['packages.config', parsePackagesConfig],
]);

function parserFor(relPath: string): ManifestParser | null {
  const name = baseName(relPath);
  const exact = BY_NAME.get(name);
  if (exact !== undefined) return exact;
  if (/^requirements.*\.txt$/.test(name)) return parseRequirementsTxt;
  if (/^[^.].*\.gemspec$/.test(name)) return parseGemspec;
  if (/^[^.].*\.(cs|fs|vb)proj$/.test(name)) return parseProjectFile;
  if (name.endsWith('.txt') && parentDirName(relPath) === 'requirements') return parseRequirementsTxt;
  return null;
}

export function isManifest(relPath: string): boolean {
  return parserFor(relPath) !== null;
}

/** Never throws: unreadable input yields whatever could be read plus `error`. */
export function parseManifest(relPath: string, text: string): ManifestResult {
  const parser = parserFor(relPath);
  if (parser === null) return { packages: [], mains: [], error: `not a recognised manifest: ${relPath}` };
  try {
    return parser(relPath, text);
  } catch (error) {
    // A bug in one reader must not stop indexing; say so instead.
    return { packages: [], mains: [], error: `could not read ${relPath}: ${errorMessage(error)}` };
  }
}
