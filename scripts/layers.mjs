// The layer order of the backend, written once: eslint.config.js enforces it and docs/ARCHITECTURE.md explains it.
// A layer may import only from layers listed before it; folders that share a layer (engine and sidecar)
// may not import each other.
export const LAYERS = [
  { name: 'shared', folders: ['shared'], job: 'the contract: channels, DTO types, Result; imports nothing' },
  { name: 'base', folders: ['electron/base'], job: 'what several layers share: failures, hashing, identifier parts, source decoding, languages, the regex prefilter, parsed-file types, worker RPC, file roles by path (tests, generated, minified, lock…)' },
  { name: 'files', folders: ['electron/files'], job: 'filesystem access that is not SQL: regular files only, reads with a time limit, lossless byte names, git\'s ignore case' },
  { name: 'db', folders: ['electron/db'], job: 'all SQL: connections, migrations, read queries and write statements' },
  { name: 'vectors', folders: ['electron/vectors'], job: 'vector access: embedders, the Chroma store, generations, semantic search' },
  { name: 'search', folders: ['electron/search'], job: 'ranking: one module that fuses keyword, symbol and semantic candidates into ranked hits and files, with reasons' },
  { name: 'engine', folders: ['electron/engine', 'electron/sidecar'], job: 'the writers (indexer, parsers, entry points, sync loop, watch) and the Chroma process supervisor' },
  { name: 'core', folders: ['electron/core'], job: 'the Backend: one object behind every host' },
  { name: 'transport', folders: ['electron/transport'], job: 'carrying the contract: Electron IPC handlers, the WebSocket server, static files, access checks' },
  { name: 'app', folders: ['electron/app'], job: 'the desktop shell, with Electron APIs injected so its wiring is unit-tested' },
  { name: 'entries', folders: ['electron/*.ts'], job: 'the programs: main.ts and preload.ts (Electron), cli.ts (`clew`), serve.ts (`clew serve`)' },
];

const glob = (folder) => (folder.endsWith('.ts') ? folder : `${folder}/**`);

/** import-x/no-restricted-paths zones: each folder may not import a later layer or a sibling folder of its own layer. */
export function layerZones() {
  const zones = [];
  LAYERS.forEach((layer, i) => {
    const later = LAYERS.slice(i + 1).flatMap((l) => l.folders);
    for (const folder of layer.folders) {
      const siblings = layer.folders.filter((f) => f !== folder);
      const from = [...later, ...siblings].map(glob);
      if (from.length === 0) continue;
      zones.push({ target: glob(folder), from, message: `Layer rule (scripts/layers.mjs): ${layer.name} (${folder}) may import only from ${LAYERS.slice(0, i).map((l) => l.name).join(', ') || 'nothing'} and itself.` });
    }
  });
  return zones;
}
