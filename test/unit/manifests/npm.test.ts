import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const PACKAGE_JSON = `{
  "name": "@acme/cli-tools",
  "version": "2.3.0",
  "main": "./dist/index.js",
  "bin": {
    "acme": "./bin/acme.js",
    "acme-lint": "bin/lint.js"
  },
  "scripts": { "build": "tsc" },
  "dependencies": {
    "commander": "^12.0.0",
    "zod": "3.23.8"
  },
  "devDependencies": {
    "typescript": "~5.4.0",
    "vitest": "^1.6.0"
  },
  "peerDependencies": { "react": ">=18" },
  "optionalDependencies": { "fsevents": "2.3.3" }
}`;

describe('package.json', () => {
  it('reads every dependency map in file order, with bin and main as mains', () => {
    expect(parseManifest('tools/cli/package.json', PACKAGE_JSON)).toEqual({
      packages: [
        { manifest: 'tools/cli/package.json', ecosystem: 'npm', name: 'commander', version: '^12.0.0', scope: 'runtime' },
        { manifest: 'tools/cli/package.json', ecosystem: 'npm', name: 'zod', version: '3.23.8', scope: 'runtime' },
        { manifest: 'tools/cli/package.json', ecosystem: 'npm', name: 'typescript', version: '~5.4.0', scope: 'dev' },
        { manifest: 'tools/cli/package.json', ecosystem: 'npm', name: 'vitest', version: '^1.6.0', scope: 'dev' },
        { manifest: 'tools/cli/package.json', ecosystem: 'npm', name: 'react', version: '>=18', scope: 'peer' },
        { manifest: 'tools/cli/package.json', ecosystem: 'npm', name: 'fsevents', version: '2.3.3', scope: 'optional' },
      ],
      mains: [
        { name: '@acme/cli-tools', path: 'tools/cli/dist/index.js', manifest: 'tools/cli/package.json' },
        { name: 'acme', path: 'tools/cli/bin/acme.js', manifest: 'tools/cli/package.json' },
        { name: 'acme-lint', path: 'tools/cli/bin/lint.js', manifest: 'tools/cli/package.json' },
      ],
      error: null,
    });
  });

  it('names a string bin after the package without its scope', () => {
    const result = parseManifest('package.json', '{ "name": "@acme/tool", "bin": "./cli.js" }');
    expect(result.mains).toEqual([{ name: 'tool', path: 'cli.js', manifest: 'package.json' }]);
  });

  it('names a string bin of a nameless package after the file', () => {
    const result = parseManifest('package.json', '{ "bin": "bin/run.mjs" }');
    expect(result.mains).toEqual([{ name: 'run', path: 'bin/run.mjs', manifest: 'package.json' }]);
  });

  it('drops targets that leave the repository and says so', () => {
    const result = parseManifest('pkg/package.json', '{ "name": "x", "main": "../../outside.js" }');
    expect(result.mains).toEqual([]);
    expect(result.error).toBe('"x" points outside the repository: ../../outside.js');
  });

  it('keeps non-string versions as null', () => {
    const result = parseManifest('package.json', '{ "dependencies": { "a": "", "b": 1 } }');
    expect(result.packages.map((p) => [p.name, p.version])).toEqual([['a', null], ['b', null]]);
  });

  it('returns nothing and an error for invalid JSON', () => {
    const result = parseManifest('package.json', '{ "name": "broken", ');
    expect(result.packages).toEqual([]);
    expect(result.mains).toEqual([]);
    expect(result.error).toMatch(/^invalid JSON: /);
  });

  it('rejects a non-object document', () => {
    expect(parseManifest('package.json', '[1, 2]')).toEqual({ packages: [], mains: [], error: 'package.json is not a JSON object' });
  });

  it('reads the good sections when another is malformed', () => {
    const result = parseManifest('package.json', '{ "dependencies": ["left-pad"], "devDependencies": { "jest": "29" }, "bin": 3 }');
    expect(result.packages).toEqual([{ manifest: 'package.json', ecosystem: 'npm', name: 'jest', version: '29', scope: 'dev' }]);
    expect(result.error).toBe('"dependencies" is not an object; "bin" is neither a string nor an object');
  });

  it('tolerates a byte-order mark', () => {
    expect(parseManifest('package.json', '\uFEFF{ "dependencies": { "a": "1" } }').packages).toHaveLength(1);
  });
});
