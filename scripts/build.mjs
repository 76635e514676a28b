// Builds the CLI, the worker threads and the Electron entry points with esbuild into dist/.
import { build } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';
// The same table the spawn code reads (electron/base/rpc/workerTable.ts), so bundle names cannot drift.
import workers from '../electron/base/rpc/workers.json' with { type: 'json' };

// Native modules and the WASM grammars stay in node_modules, loaded at run time.
const external = ['better-sqlite3', '@vscode/tree-sitter-wasm', 'electron', 'chromadb', 'chromadb-js-bindings-*', '@huggingface/transformers', 'onnxruntime-node', 'sharp', 'ws', 'bufferutil', 'utf-8-validate'];
const banner = { js: "import { createRequire as __clewCreateRequire } from 'node:module'; const require = __clewCreateRequire(import.meta.url);" };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: 'linked', external, banner, logLevel: 'warning' };

const workerEntries = Object.fromEntries(Object.values(workers).map((w) => [w.bundle, w.source]));
await build({ ...common, entryPoints: { cli: 'electron/cli.ts', 'chroma-server': 'electron/sidecar/chromaServer.ts', ...workerEntries }, outdir: 'dist' });
chmodSync('dist/cli.js', 0o755);
if (existsSync('electron/main.ts')) {
  await build({ ...common, entryPoints: { main: 'electron/main.ts' }, outdir: 'dist' });
  // The sandboxed preload must be CommonJS.
  await build({ ...common, format: 'cjs', banner: {}, entryPoints: { preload: 'electron/preload.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist' });
}
// The renderer (React UI) into dist-renderer/, with vite.config.ts.
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
