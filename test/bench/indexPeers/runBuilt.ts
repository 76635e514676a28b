// Runs a bench from bundles, as the app runs: from TypeScript, every worker thread compiles its sources
// through tsx when it starts, which on a busy machine took tens of seconds no user ever waits for
// (it dominated the bench's "first result"). Bundles the bench and the worker threads (the same esbuild
// settings as scripts/build.mjs) into dist/, where the spawn code finds the worker bundles, and runs it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import workers from '../../../electron/base/rpc/workers.json' with { type: 'json' };

// As in scripts/build.mjs: native modules and the WASM grammars stay in node_modules.
const external = ['better-sqlite3', '@vscode/tree-sitter-wasm', 'electron', 'chromadb', 'chromadb-js-bindings-*', '@huggingface/transformers', 'onnxruntime-node', 'sharp', 'ws', 'bufferutil', 'utf-8-validate'];
const banner = { js: "import { createRequire as __clewCreateRequire } from 'node:module'; const require = __clewCreateRequire(import.meta.url);" };

/** True when this process already runs a bundle (or was asked to stay on the sources). */
export const runningBuilt = (moduleUrl: string): boolean => !moduleUrl.endsWith('.ts') || process.argv.includes('--source');

/** Bundles `moduleUrl` as dist/<name>.js beside fresh worker bundles, runs it with this process's arguments, exits with its status. */
export async function rerunBuilt(moduleUrl: string, name: string): Promise<never> {
  const entryPoints = { [name]: fileURLToPath(moduleUrl), ...Object.fromEntries(Object.values(workers).map((w) => [w.bundle, w.source])) };
  await build({ entryPoints, outdir: 'dist', bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: 'linked', external, banner, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [`dist/${name}.js`, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
