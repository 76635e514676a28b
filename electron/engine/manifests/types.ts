// What reading one manifest yields: declared packages, runnable targets and any problem met on the way.
import type { DeclaredPackage } from '../../base/fileAnalysis.js';

export type Ecosystem = DeclaredPackage['ecosystem'];
export type PackageScope = DeclaredPackage['scope'];

export interface ManifestMain {
  /** The command or package name the target runs as, e.g. an npm `bin` key or a `[[bin]]` name. */
  name: string;
  /** Repo-relative target file, normalised, with no leading `./`. */
  path: string;
  /** Repo-relative path of the manifest that declares it. */
  manifest: string;
}

export interface ManifestResult {
  /** In file order. Versions are kept as written (`^1.2`, `>=2,<3`, `v1.4.0`); null when none is declared. */
  packages: DeclaredPackage[];
  mains: ManifestMain[];
  /** What could not be read, or null; whatever was readable is still returned. */
  error: string | null;
}
