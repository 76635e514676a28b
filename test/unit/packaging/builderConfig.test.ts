// Checks electron-builder.yml without building: what goes in, what stays out of the asar, the fuses,
// and every target — so a broken packaging config fails `npm test`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKERS } from '../../../electron/base/rpc/workerTable.js';
import { bindingPackage } from '../../../electron/sidecar/bindingPackage.js';
import { GRAMMAR_MODULES } from '../../../electron/engine/parsers/treeSitter.js';

const root = process.cwd();
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface PlatformConfig {
  target?: string[];
  files?: string[];
}
interface BuilderConfig extends PlatformConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  linux?: PlatformConfig & { maintainer?: string };
  mac?: PlatformConfig;
  win?: PlatformConfig;
}
interface PackageJson {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

/** The glob subset electron-builder patterns here use (minimatch semantics with dot: true). */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob.slice(i + 1, end).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a file (relative to the app dir) is packed, given ordered include/exclude patterns. */
function included(file: string, patterns: string[]): boolean {
  let match = false;
  for (const pattern of patterns) {
    const negate = pattern.startsWith('!');
    if (match !== negate) continue; // once matched, only an exclusion can change it, and vice versa
    if (globToRegExp(negate ? pattern.slice(1) : pattern).test(file)) match = !negate;
  }
  return match;
}

const filesFor = (platform: 'linux' | 'mac' | 'win'): string[] => [...(config.files ?? []), ...(config[platform]?.files ?? [])];
const unpacked = (file: string): boolean => (config.asarUnpack ?? []).some((p) => globToRegExp(p).test(file));
/** electron-builder copies node_modules separately and then applies `files`; the app's own files must match them. */
const packed = (platform: 'linux' | 'mac' | 'win', file: string): boolean => (file.startsWith('node_modules/') ? included(file, ['**/*', ...filesFor(platform)]) : included(file, filesFor(platform)));

const PLATFORMS = [
  { key: 'linux', os: 'linux', arches: ['x64', 'arm64'] },
  { key: 'mac', os: 'darwin', arches: ['x64', 'arm64'] },
  { key: 'win', os: 'win32', arches: ['x64'] },
] as const;

describe('electron-builder.yml', () => {
  it('names the app and builds every target: AppImage and deb, dmg, nsis', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Clew');
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux?.maintainer).toBeTruthy(); // deb refuses to build without one
    expect(config.mac?.target).toEqual(expect.arrayContaining(['dmg']));
    expect(config.win?.target).toEqual(expect.arrayContaining(['nsis']));
  });

  it('packs the built main, preload, workers, CLI and renderer, and package.json', () => {
    const workers = Object.values(WORKERS).map((w) => `dist/${w.bundle}.js`);
    expect(workers).toEqual(expect.arrayContaining(['dist/engine-worker.js', 'dist/parse-worker.js', 'dist/sync-worker.js', 'dist/search-worker.js']));
    const built = [pkg.main, 'dist/preload.cjs', ...workers, 'dist/chroma-server.js', 'dist/cli.js', 'dist-renderer/index.html', 'dist-renderer/assets/index-abc123.js', 'dist-renderer/assets/index-abc123.css', 'package.json'];
    for (const { key } of PLATFORMS) for (const file of built) expect(packed(key, file), `${key}: ${file}`).toBe(true);
    expect(pkg.main).toBe('dist/main.js');
  });

  it('leaves out source maps, TypeScript sources, tests and dev files', () => {
    const left = ['dist/main.js.map', 'dist/preload.cjs.map', 'dist-renderer/assets/index-abc123.js.map', 'node_modules/chromadb/dist/index.js.map', 'electron/main.ts', 'renderer/main.tsx', 'test/unit/ipc.test.ts', 'scripts/build.mjs', 'electron-builder.yml', 'tsconfig.json', 'README.md', 'node_modules/zod/README.md'];
    for (const { key } of PLATFORMS) for (const file of left) expect(packed(key, file), `${key}: ${file}`).toBe(false);
  });

  it('uses asar, rebuilds native modules for Electron, and keeps them (and the WASM grammars) unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    for (const file of [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/lib/database.js',
      'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.42',
      'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-java.wasm',
      'node_modules/anything/build/Release/addon.node',
    ]) expect(unpacked(file), file).toBe(true);
    expect(unpacked('dist/main.js')).toBe(false);
    expect(unpacked('dist-renderer/index.html')).toBe(false);
  });

  it('unpacks every grammar the parser loads, each from a production dependency that ships it', () => {
    for (const file of Object.values(GRAMMAR_MODULES)) {
      if (!file) continue;
      expect(unpacked(`node_modules/${file}`), file).toBe(true);
      const pkgName = file.startsWith('@') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0]!;
      expect(pkg.dependencies[pkgName], pkgName).toBeDefined();
      expect(existsSync(require.resolve(file)), file).toBe(true);
    }
  });

  it('packs and unpacks the Chroma server binding of the target platform only', () => {
    const all = PLATFORMS.flatMap(({ os, arches }) => arches.map((arch) => bindingPackage(os, arch)));
    for (const { key, os, arches } of PLATFORMS) {
      const own = arches.map((arch) => bindingPackage(os, arch));
      for (const name of all) {
        const file = `node_modules/${name}/${name.replace('chromadb-js-bindings-', 'chromadb-js-bindings.')}.node`;
        expect(packed(key, file), `${key}: ${name}`).toBe(own.includes(name));
        if (own.includes(name)) expect(unpacked(file), name).toBe(true);
      }
    }
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspect flags, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('package.json for packaging', () => {
  it('has `npm run dist` (build, then electron-builder) and `npm start` (build, then electron)', () => {
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder\b/);
    expect(pkg.scripts.start).toBe('npm run build && electron .');
    expect(pkg.devDependencies['electron-builder']).toBeTruthy();
    expect(pkg.devDependencies.electron).toBeTruthy();
    expect(pkg.dependencies.electron).toBeUndefined(); // electron-builder refuses electron as a runtime dependency
  });

  it('ships every module the bundles leave external (electron-builder packs production dependencies only)', () => {
    const source = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    const externals = JSON.parse((/const external = (\[[^\]]*\])/.exec(source)?.[1] ?? '[]').replace(/'/g, '"')) as string[];
    expect(externals).toContain('better-sqlite3');
    // Every production dependency and, through installed package.json files, what they depend on.
    const closure = new Set<string>();
    const queue = Object.keys(pkg.dependencies);
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (closure.has(name)) continue;
      closure.add(name);
      const file = join(root, 'node_modules', name, 'package.json');
      if (!existsSync(file)) continue;
      const dep = JSON.parse(readFileSync(file, 'utf8')) as Partial<PackageJson>;
      queue.push(...Object.keys({ ...dep.dependencies, ...dep.optionalDependencies, ...dep.peerDependencies }));
    }
    for (const external of externals.filter((e) => e !== 'electron')) {
      const pattern = globToRegExp(external);
      expect([...closure].some((name) => pattern.test(name)), external).toBe(true);
    }
  });

  it('finds every installed native addon of the production dependencies unpacked', () => {
    const natives: string[] = [];
    const walk = (dir: string, rel: string, depth: number): void => {
      if (depth > 6 || !existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== 'node_modules') walk(join(dir, entry.name), `${rel}/${entry.name}`, depth + 1);
        else if (entry.isFile() && entry.name.endsWith('.node')) natives.push(`${rel}/${entry.name}`);
      }
    };
    for (const name of ['better-sqlite3', ...readdirSync(join(root, 'node_modules')).filter((n) => n.startsWith('chromadb-js-bindings-'))]) walk(join(root, 'node_modules', name), `node_modules/${name}`, 0);
    expect(natives.some((f) => f.endsWith('better_sqlite3.node'))).toBe(true);
    for (const file of natives) expect(unpacked(file), file).toBe(true);
  });
});
