// pom.xml: the project's own <dependencies>; dependencyManagement and plugins declare nothing used directly.
import { ManifestCollector } from './collector.js';
import type { ManifestResult, PackageScope } from './types.js';
import type { XmlElement } from './xml.js';
import { childElements, childText, parseXml } from './xml.js';

const SCOPES = new Map<string, PackageScope>([
  ['compile', 'runtime'],
  ['runtime', 'runtime'],
  ['test', 'test'],
  ['provided', 'build'],
  ['system', 'build'],
]);

export function parsePom(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'maven');
  const doc = parseXml(text);
  if (doc.error !== null) out.fail(`malformed XML: ${doc.error}`);
  const project = doc.root;
  if (project === null || project.name !== 'project') {
    if (project !== null) out.fail(`root element is <${project.name}>, not <project>`);
    return out.result();
  }
  const properties = readProperties(project);
  for (const list of childElements(project, 'dependencies')) {
    for (const dependency of childElements(list, 'dependency')) readDependency(out, dependency, properties);
  }
  return out.result();
}

function readDependency(out: ManifestCollector, dependency: XmlElement, properties: Map<string, string>): void {
  const artifactId = childText(dependency, 'artifactId');
  if (artifactId === null) {
    out.fail('a <dependency> without <artifactId>');
    return;
  }
  const groupId = childText(dependency, 'groupId');
  const name = resolveProperties(groupId === null ? artifactId : `${groupId}:${artifactId}`, properties);
  const version = childText(dependency, 'version');
  const scope = childText(dependency, 'scope') ?? 'compile';
  // `import` only means something inside dependencyManagement; an unknown scope is still a runtime dependency.
  if (scope === 'import') return;
  out.addPackage(name, version === null ? null : resolveProperties(version, properties), SCOPES.get(scope) ?? 'runtime');
}

/** `<properties>` plus the `project.*` coordinates that `${…}` commonly refers to. */
function readProperties(project: XmlElement): Map<string, string> {
  const properties = new Map<string, string>();
  const parent = childElements(project, 'parent')[0];
  for (const key of ['groupId', 'artifactId', 'version']) {
    const value = childText(project, key) ?? (parent === undefined ? null : childText(parent, key));
    if (value !== null) properties.set(`project.${key}`, value);
  }
  for (const list of childElements(project, 'properties')) {
    for (const property of list.children) properties.set(property.name, property.text.trim());
  }
  return properties;
}

/** Substitutes `${name}` repeatedly (properties may refer to properties); unknown names stay as written. */
function resolveProperties(value: string, properties: Map<string, string>): string {
  let current = value;
  for (let round = 0; round < 8 && current.includes('${'); round++) {
    const next = current.replace(/\$\{([^}]+)\}/g, (whole, key: string) => properties.get(key.trim()) ?? whole);
    if (next === current) break;
    current = next;
  }
  return current;
}
