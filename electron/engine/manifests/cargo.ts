// Cargo.toml: [dependencies], [dev-dependencies], [build-dependencies] (also per target) and [[bin]] targets.
import { ManifestCollector } from './collector.js';
import { readToml } from './toml.js';
import type { ManifestResult, PackageScope } from './types.js';
import { isRecord, textOrNull } from './values.js';

const SECTIONS = new Map<string, PackageScope>([
  ['dependencies', 'runtime'],
  ['dev-dependencies', 'dev'],
  ['dev_dependencies', 'dev'],
  ['build-dependencies', 'build'],
  ['build_dependencies', 'build'],
]);

export function parseCargoToml(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'cargo');
  const doc = readToml(text, out);
  if (doc === null) return out.result();
  const packageName = isRecord(doc.package) ? textOrNull(doc.package.name) : null;
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'target' && isRecord(value)) {
      for (const platform of Object.values(value)) if (isRecord(platform)) readSections(out, platform);
    } else if (key === 'bin') readBins(out, value, packageName);
    else readSection(out, key, value);
  }
  return out.result();
}

function readSections(out: ManifestCollector, table: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(table)) readSection(out, key, value);
}

function readSection(out: ManifestCollector, key: string, value: unknown): void {
  const scope = SECTIONS.get(key);
  if (scope === undefined || !isRecord(value)) return;
  for (const [name, spec] of Object.entries(value)) readDependency(out, name, spec, scope);
}

/** `foo = "1"`, `foo = { version = "1", package = "real-name", optional = true }` or `foo.workspace = true` (no version here). */
function readDependency(out: ManifestCollector, key: string, spec: unknown, scope: PackageScope): void {
  if (!isRecord(spec)) {
    out.addPackage(key, textOrNull(spec), scope);
    return;
  }
  const optional = spec.optional === true && scope === 'runtime';
  out.addPackage(textOrNull(spec.package) ?? key, textOrNull(spec.version), optional ? 'optional' : scope);
}

/** Cargo's default when `path` is omitted: `src/main.rs` for the package's own name, else `src/bin/<name>.rs`. */
function readBins(out: ManifestCollector, bins: unknown, packageName: string | null): void {
  if (!Array.isArray(bins)) {
    out.fail('bin is not an array of tables ([[bin]])');
    return;
  }
  for (const bin of bins) {
    const name = isRecord(bin) ? textOrNull(bin.name) : null;
    if (!isRecord(bin) || name === null) {
      out.fail('a [[bin]] without a name');
      continue;
    }
    out.addMain(name, textOrNull(bin.path) ?? (name === packageName ? 'src/main.rs' : `src/bin/${name}.rs`));
  }
}
