// pyproject.toml: PEP 621 [project], PEP 735 [dependency-groups] and Poetry's [tool.poetry] tables.
import { ManifestCollector } from './collector.js';
import { parseRequirement } from './pep508.js';
import { readToml } from './toml.js';
import type { ManifestResult, PackageScope } from './types.js';
import { isRecord, textOrNull } from './values.js';

export function parsePyproject(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'pypi');
  const doc = readToml(text, out);
  if (doc === null) return out.result();
  // Tables come back in the order they first appear, so walking keys keeps file order.
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'project' && isRecord(value)) readProject(out, value);
    else if (key === 'dependency-groups' && isRecord(value)) readGroups(out, value, 'dev');
    else if (key === 'tool' && isRecord(value) && isRecord(value.poetry)) readPoetry(out, value.poetry);
  }
  return out.result();
}

function readProject(out: ManifestCollector, project: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(project)) {
    if (key === 'dependencies') readRequirementList(out, value, 'runtime', 'project.dependencies');
    else if (key === 'optional-dependencies' && isRecord(value)) readGroups(out, value, 'optional');
    else if (key === 'scripts' || key === 'gui-scripts') readScripts(out, value);
  }
}

function readGroups(out: ManifestCollector, groups: Record<string, unknown>, scope: PackageScope): void {
  for (const [group, list] of Object.entries(groups)) readRequirementList(out, list, scope, group);
}

/** An array of PEP 508 strings; tables in it (PEP 735 `{include-group = …}`) declare no package. */
function readRequirementList(out: ManifestCollector, list: unknown, scope: PackageScope, where: string): void {
  if (!Array.isArray(list)) {
    out.fail(`${where} is not an array`);
    return;
  }
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const requirement = parseRequirement(item);
    if (requirement === null) out.fail(`${where}: cannot read "${item}"`);
    else out.addPackage(requirement.name, requirement.version, scope);
  }
}

function readPoetry(out: ManifestCollector, poetry: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(poetry)) {
    if (key === 'dependencies') readPoetryDependencies(out, value, 'runtime');
    else if (key === 'dev-dependencies') readPoetryDependencies(out, value, 'dev');
    else if (key === 'group' && isRecord(value)) {
      for (const group of Object.values(value)) if (isRecord(group)) readPoetryDependencies(out, group.dependencies, 'dev');
    } else if (key === 'scripts') readScripts(out, value);
  }
}

/** `name = "^1.2"` or `name = { version = "^1.2", optional = true }`; `python` is the interpreter, not a package. */
function readPoetryDependencies(out: ManifestCollector, table: unknown, scope: PackageScope): void {
  if (!isRecord(table)) return;
  for (const [name, spec] of Object.entries(table)) {
    if (name.toLowerCase() === 'python') continue;
    if (!isRecord(spec)) {
      out.addPackage(name, textOrNull(spec), scope);
      continue;
    }
    const optional = spec.optional === true && scope === 'runtime';
    out.addPackage(name, textOrNull(spec.version), optional ? 'optional' : scope);
  }
}

/** `name = "pkg.mod:func"` → a guess at the module's file, `pkg/mod.py`, next to the manifest. */
function readScripts(out: ManifestCollector, scripts: unknown): void {
  if (!isRecord(scripts)) return;
  for (const [name, spec] of Object.entries(scripts)) {
    const reference = textOrNull(isRecord(spec) ? spec.callable : spec);
    const modulePath = reference?.split(':')[0]?.trim();
    if (modulePath) out.addMain(name, `${modulePath.replace(/\./g, '/')}.py`);
  }
}
