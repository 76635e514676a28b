// .NET project files (*.csproj, *.fsproj, *.vbproj), Directory.Packages.props and packages.config: NuGet references,
// and the project itself as a runnable target when it builds an executable.
import { ManifestCollector } from './collector.js';
import { baseName } from './paths.js';
import type { ManifestResult, PackageScope } from './types.js';
import type { XmlElement } from './xml.js';
import { childElements, parseXml } from './xml.js';

// SDKs whose projects are executables unless they say otherwise.
const EXE_SDKS = /^Microsoft\.NET\.Sdk\.(Web|Worker|BlazorWebAssembly)\b/i;

export function parseProjectFile(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'nuget');
  const project = readRoot(out, text, 'Project');
  if (project === null) return out.result();
  const properties = readProperties(project);
  for (const item of items(project, 'PackageReference')) readReference(out, item, properties, 'runtime');
  const outputType = property(properties, 'OutputType') ?? (EXE_SDKS.test(attribute(project, 'Sdk') ?? '') ? 'Exe' : null);
  if (outputType !== null && /^(Exe|WinExe)$/i.test(outputType)) {
    const file = baseName(relPath);
    out.addMain(property(properties, 'AssemblyName') ?? file.replace(/\.[^.]+$/, ''), file);
  }
  return out.result();
}

/** Central package management: the versions every project of the tree uses, plus references added to all of them. */
export function parsePackagesProps(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'nuget');
  const project = readRoot(out, text, 'Project');
  if (project === null) return out.result();
  const properties = readProperties(project);
  for (const item of items(project, 'PackageVersion')) readReference(out, item, properties, 'runtime');
  // Global references are meant for analyzers and build tooling, which never ship with the application.
  for (const item of items(project, 'GlobalPackageReference')) readReference(out, item, properties, 'dev');
  return out.result();
}

/** The pre-SDK format: `<package id="X" version="1.2" developmentDependency="true" />`. */
export function parsePackagesConfig(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'nuget');
  const packages = readRoot(out, text, 'packages');
  if (packages === null) return out.result();
  for (const item of childElements(packages, 'package')) {
    const id = attribute(item, 'id');
    if (id === null) out.fail('a <package> without id');
    else out.addPackage(id, attribute(item, 'version'), attribute(item, 'developmentDependency') === 'true' ? 'dev' : 'runtime');
  }
  return out.result();
}

function readRoot(out: ManifestCollector, text: string, expected: string): XmlElement | null {
  const doc = parseXml(text.replace(/^\uFEFF/, ''));
  if (doc.error !== null) out.fail(`malformed XML: ${doc.error}`);
  if (doc.root !== null && doc.root.name !== expected) {
    out.fail(`root element is <${doc.root.name}>, not <${expected}>`);
    return null;
  }
  return doc.root;
}

/** `Include` items only: `Update` changes an item declared elsewhere (often by the SDK) and `Remove` drops one. */
function readReference(out: ManifestCollector, item: XmlElement, properties: Map<string, string>, scope: PackageScope): void {
  const include = attribute(item, 'Include');
  if (include === null) {
    if (attribute(item, 'Update') === null && attribute(item, 'Remove') === null) out.fail(`a <${item.name}> without Include`);
    return;
  }
  const version = metadata(item, 'Version') ?? metadata(item, 'VersionOverride');
  // PrivateAssets="all" keeps the package out of consumers: analyzers, source generators, build tasks.
  const privateAssets = metadata(item, 'PrivateAssets')?.split(';').some((part) => part.trim().toLowerCase() === 'all') ?? false;
  for (const name of include.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
    out.addPackage(expand(name, properties), version === null ? null : expand(version, properties), privateAssets ? 'dev' : scope);
  }
}

/** Every `<ItemGroup>` item called `name`, including those under `<Choose>`/`<When>`/`<Otherwise>` and in targets. */
function items(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (child.name === 'ItemGroup') found.push(...childElements(child, name));
    else found.push(...items(child, name));
  }
  return found;
}

/** `<PropertyGroup>` values, the last definition winning as in MSBuild; conditions are not evaluated. */
function readProperties(project: XmlElement): Map<string, string> {
  const properties = new Map<string, string>();
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (child.name === 'PropertyGroup') {
        for (const entry of child.children) properties.set(entry.name.toLowerCase(), entry.text.trim());
      } else if (child.name !== 'ItemGroup') visit(child);
    }
  };
  visit(project);
  return properties;
}

function property(properties: Map<string, string>, name: string): string | null {
  const value = properties.get(name.toLowerCase());
  return value === undefined || value === '' ? null : expand(value, properties);
}

/** Substitutes `$(Name)` from the file's own properties; unknown ones (from imports or the SDK) stay as written. */
function expand(value: string, properties: Map<string, string>): string {
  let current = value;
  for (let round = 0; round < 8 && current.includes('$('); round++) {
    const next = current.replace(/\$\(([^()]+)\)/g, (whole, key: string) => properties.get(key.trim().toLowerCase()) || whole);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Item metadata may be an attribute or a child element; MSBuild matches both names without regard to case. */
function metadata(item: XmlElement, name: string): string | null {
  const child = item.children.find((entry) => entry.name.toLowerCase() === name.toLowerCase())?.text.trim();
  return attribute(item, name) ?? (child === undefined || child === '' ? null : child);
}

function attribute(element: XmlElement, name: string): string | null {
  for (const [key, value] of element.attributes) {
    if (key.toLowerCase() === name.toLowerCase()) return value.trim() === '' ? null : value.trim();
  }
  return null;
}
