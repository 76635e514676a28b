// Fails when backend folders import each other in a circle (files may be fine one by one, folders not).
// usage: node scripts/check-folder-cycles.mjs [root]   — exits 1 and names the circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(name)) yield full;
  }
}

const edges = new Map();
for (const base of ['electron', 'shared']) {
  let files;
  try { files = [...sources(path.join(root, base))]; } catch { continue; }
  for (const file of files) {
    const from = path.relative(root, path.dirname(file));
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = path.relative(root, path.dirname(path.resolve(path.dirname(file), m[1] ?? m[2])));
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
    }
  }
}

const state = new Map();
const stack = [];
function visit(node) {
  state.set(node, 'open');
  stack.push(node);
  for (const next of edges.get(node) ?? []) {
    if (state.get(next) === 'open') {
      const circle = [...stack.slice(stack.indexOf(next)), next];
      console.error(`folder import cycle: ${circle.join(' -> ')}`);
      process.exit(1);
    }
    if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
}
for (const node of edges.keys()) if (!state.has(node)) visit(node);
console.log(`no folder import cycles (${edges.size} folders)`);
