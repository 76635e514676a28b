// pyright (npm), gopls and clangd (Debian) as oracles through their language servers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient, type LspLocation } from './lspClient.js';
import type { Oracle, Place } from './oracle.js';

/** `root` is the corpus (places are relative to it); the server may see a wider workspace around it. */
function lspOracle(name: string, client: LspClient, root: string, languageId: string): Oracle {
  const opened = new Set<string>();
  const ensureOpen = (file: string): string => {
    const path = join(root, file);
    if (!opened.has(path)) {
      client.open(path, languageId, readFileSync(path, 'utf8'));
      opened.add(path);
    }
    return path;
  };
  const places = (locations: LspLocation[]): Place[] => locations
    .map((l) => ({ path: fileURLToPath(l.uri), start: l.range.start }))
    .filter((l) => !relative(root, l.path).startsWith('..'))
    .map((l) => ({ file: relative(root, l.path), line: l.start.line, character: l.start.character }));
  return {
    name,
    async definition(at) {
      return places(await client.definition(ensureOpen(at.file), at.line, at.character));
    },
    async references(at) {
      return places(await client.references(ensureOpen(at.file), at.line, at.character));
    },
    close: () => client.close(),
  };
}

/** pyright's workspace is the folder holding the package, so `import typing` is the standard library, not the package's own typing.py. */
export async function pyrightOracle(root: string): Promise<Oracle> {
  const require = createRequire(import.meta.url);
  const server = join(require.resolve('pyright/package.json'), '..', 'langserver.index.js');
  const version = (require('pyright/package.json') as { version: string }).version;
  const workspace = dirname(root);
  const client = new LspClient(process.execPath, [server, '--stdio'], { cwd: workspace });
  await client.initialize(workspace);
  return lspOracle(`pyright ${version}`, client, root, 'python');
}

/** gopls in GOPATH mode: Debian's Go sources sit in a GOPATH tree, with no module cache offline. */
export async function goplsOracle(root: string, gopath: string): Promise<Oracle> {
  const client = new LspClient('gopls', ['serve'], { cwd: root, env: { GOPATH: gopath, GO111MODULE: 'off', GOFLAGS: '' } });
  await client.initialize(root);
  await client.idle(1000, 120_000);
  return lspOracle('gopls (Debian)', client, root, 'go');
}

/** How clangd compiles a corpus: the language, its flags (include folders are the corpus's, relative), and which files are translation units. */
export interface ClangdSetup { languageId: 'c' | 'cpp'; includeDirs: string[]; flags: string[]; units: string[] }

/**
 * clangd over a C or C++ corpus: a compile database written outside the corpus (so Clew indexes the same files) names
 * every translation unit with the corpus's include folders; headers take their flags from a neighbour. References
 * across files need the background index, which is waited for.
 */
export async function clangdOracle(root: string, files: string[], setup: ClangdSetup): Promise<Oracle> {
  const dbDir = mkdtempSync(join(tmpdir(), 'clew-clangd-'));
  const flags = [...setup.flags, ...setup.includeDirs.map((d) => `-I${join(root, d)}`)];
  const units = files.filter((f) => setup.units.some((ext) => f.endsWith(ext)));
  const compiler = setup.languageId === 'c' ? 'cc' : 'c++';
  writeFileSync(join(dbDir, 'compile_commands.json'), JSON.stringify(units.map((f) => ({ directory: root, file: join(root, f), arguments: [compiler, ...flags, '-c', join(root, f)] }))));
  const client = new LspClient('clangd', [`--compile-commands-dir=${dbDir}`, '--background-index', '--log=error', '-j=2'], { cwd: root });
  await client.initialize(root);
  // The background index starts once a file is open; ask once, then wait for it to go quiet.
  client.open(join(root, units[0]!), setup.languageId, readFileSync(join(root, units[0]!), 'utf8'));
  await client.idle(3000, 300_000);
  return lspOracle('clangd 14 (Debian)', client, root, setup.languageId);
}
