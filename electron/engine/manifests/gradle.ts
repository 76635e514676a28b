// build.gradle / build.gradle.kts: `configuration 'g:a:v'` and `configuration(group: …, name: …, version: …)` declarations.
import { ManifestCollector } from './collector.js';
import { blankComments } from './sourceComments.js';
import type { ManifestResult, PackageScope } from './types.js';

const CONFIGURATIONS = new Map<string, PackageScope>([
  ['implementation', 'runtime'],
  ['api', 'runtime'],
  ['compile', 'runtime'],
  ['runtimeOnly', 'runtime'],
  ['runtime', 'runtime'],
  ['compileOnly', 'build'],
  ['compileOnlyApi', 'build'],
  ['annotationProcessor', 'build'],
  ['kapt', 'build'],
  ['ksp', 'build'],
  ['developmentOnly', 'dev'],
  ['testImplementation', 'test'],
  ['testApi', 'test'],
  ['testCompile', 'test'],
  ['testCompileOnly', 'test'],
  ['testRuntimeOnly', 'test'],
  ['testRuntime', 'test'],
  ['testAnnotationProcessor', 'test'],
  ['kaptTest', 'test'],
  ['androidTestImplementation', 'test'],
]);

// A configuration name used as a call, not as a property (`configurations.implementation`).
const CONFIGURATION_CALL = new RegExp(`(?<![\\w.$])(${[...CONFIGURATIONS.keys()].join('|')})\\b\\s*(?:\\(\\s*)?`, 'g');
const STRING_NOTATION = /(?:(?:platform|enforcedPlatform)\s*\(\s*)?(["'])([^"'\n]*)\1/y;
const MORE_STRINGS = /\s*,\s*(["'])([^"'\n]*)\1/y;
const MAP_NOTATION = /group\s*[:=]\s*(["'])([^"'\n]*)\1\s*,\s*name\s*[:=]\s*(["'])([^"'\n]*)\3(?:\s*,\s*version\s*[:=]\s*(["'])([^"'\n]*)\5)?/y;

export function parseGradle(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'gradle');
  const code = blankComments(text);
  for (const call of code.matchAll(CONFIGURATION_CALL)) {
    const scope = CONFIGURATIONS.get(call[1] ?? '');
    if (scope !== undefined) readArguments(out, code, call.index + call[0].length, scope);
  }
  return out.result();
}

/** Reads the coordinates after a configuration name; anything else (`project(':x')`, `libs.foo`, `files(…)`) is skipped. */
function readArguments(out: ManifestCollector, code: string, at: number, scope: PackageScope): void {
  MAP_NOTATION.lastIndex = at;
  const map = MAP_NOTATION.exec(code);
  if (map !== null) {
    out.addPackage(`${map[2] ?? ''}:${map[4] ?? ''}`, map[6] || null, scope);
    return;
  }
  STRING_NOTATION.lastIndex = at;
  const first = STRING_NOTATION.exec(code);
  if (first === null) return;
  addCoordinates(out, first[2] ?? '', scope);
  MORE_STRINGS.lastIndex = STRING_NOTATION.lastIndex;
  for (let more = MORE_STRINGS.exec(code); more !== null; more = MORE_STRINGS.exec(code)) addCoordinates(out, more[2] ?? '', scope);
}

/** `group:artifact[:version[:classifier]][@extension]`; strings that are not coordinates are ignored. */
function addCoordinates(out: ManifestCollector, notation: string, scope: PackageScope): void {
  const [group, artifact, version] = notation.replace(/@[^@:]*$/, '').split(':').map((part) => part.trim());
  if (!group || !artifact || /\s/.test(group + artifact)) return;
  out.addPackage(`${group}:${artifact}`, version || null, scope);
}
