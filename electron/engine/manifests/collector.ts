// Accumulates what one manifest declares; problems are collected as text, never thrown.
import type { DeclaredPackage } from '../../base/fileAnalysis.js';
import type { Ecosystem, ManifestMain, ManifestResult, PackageScope } from './types.js';
import { resolveFromManifest } from './paths.js';

export class ManifestCollector {
  private readonly packages: DeclaredPackage[] = [];
  private readonly mains: ManifestMain[] = [];
  private readonly errors: string[] = [];

  constructor(
    private readonly manifest: string,
    private readonly ecosystem: Ecosystem,
  ) {}

  addPackage(name: string, version: string | null, scope: PackageScope): void {
    this.packages.push({ manifest: this.manifest, ecosystem: this.ecosystem, name, version, scope });
  }

  /** `target` is relative to the manifest's directory; targets outside the repository are dropped. */
  addMain(name: string, target: string): void {
    const path = resolveFromManifest(this.manifest, target);
    if (path === null) {
      this.fail(`"${name}" points outside the repository: ${target}`);
      return;
    }
    this.mains.push({ name, path, manifest: this.manifest });
  }

  fail(message: string): void {
    this.errors.push(message);
  }

  result(): ManifestResult {
    return { packages: this.packages, mains: this.mains, error: this.errors.length === 0 ? null : this.errors.join('; ') };
  }
}
