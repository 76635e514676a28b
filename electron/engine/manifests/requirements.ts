// requirements*.txt and requirements/*.txt: one PEP 508 requirement a line; pip options and paths are not packages.
import { ManifestCollector } from './collector.js';
import { baseName } from './paths.js';
import { parseRequirement } from './pep508.js';
import type { ManifestResult } from './types.js';

export function parseRequirementsTxt(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'pypi');
  const scope = /dev|test/i.test(baseName(relPath)) ? 'dev' : 'runtime';
  for (const { line, number } of logicalLines(text)) {
    const requirement = stripOptions(stripComment(line)).trim();
    if (requirement === '' || requirement.startsWith('-') || isPathOrUrl(requirement)) continue;
    const parsed = parseRequirement(requirement);
    if (parsed === null) out.fail(`line ${number}: cannot read "${requirement}"`);
    else out.addPackage(parsed.name, parsed.version, scope);
  }
  return out.result();
}

/** Physical lines joined where one ends in a backslash, each with the number of its first line. */
function logicalLines(text: string): { line: string; number: number }[] {
  const result: { line: string; number: number }[] = [];
  const physical = text.split(/\r?\n/);
  for (let index = 0; index < physical.length; index++) {
    const current = { line: '', number: index + 1 };
    let part = physical[index] ?? '';
    while (part.endsWith('\\') && index + 1 < physical.length) {
      current.line += part.slice(0, -1);
      index++;
      part = physical[index] ?? '';
    }
    current.line += part.endsWith('\\') ? part.slice(0, -1) : part;
    result.push(current);
  }
  return result;
}

/** pip's rule: `#` starts a comment at the line start or after whitespace. */
function stripComment(line: string): string {
  return line.replace(/(^|\s)#.*$/, '');
}

/** Per-requirement options such as `--hash=sha256:…` follow the requirement after whitespace. */
function stripOptions(line: string): string {
  return line.replace(/\s--?[A-Za-z].*$/, '');
}

function isPathOrUrl(requirement: string): boolean {
  return /^[./\\~]/.test(requirement) || /^[A-Za-z][\w+.-]*:\/\//.test(requirement) || /^git\+/.test(requirement);
}
