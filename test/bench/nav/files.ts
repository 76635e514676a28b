// The corpus files an oracle and Clew both see: regular source files by extension, repo-relative, sorted.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORPORA, fetchCorpus } from '../relevance/corpora.js';

export function walkSources(root: string, extensions: string[]): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && extensions.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) out.push(relative(root, path));
    }
  };
  visit(root);
  return out.sort();
}

// A named corpus's own language; a `--tree` takes every language the nav benches read.
const CORPUS_EXTENSIONS: Record<string, string[]> = { zod: ['.ts'], flask: ['.py'], gin: ['.go'], express: ['.js'] };
const TREE_EXTENSIONS = ['.ts', '.py', '.go', '.c', '.h'];

/** A corpus by name, or the tree given (`name === 'tree'`): its first `maxFiles` sources in path order. Null (and said) when it cannot be fetched. */
export function benchSources(name: string, tree: { dir?: string; maxFiles: number; extensions?: string[] }): { root: string; files: string[] } | null {
  if (name === 'tree' && tree.dir) return { root: tree.dir, files: walkSources(tree.dir, tree.extensions ?? TREE_EXTENSIONS).slice(0, tree.maxFiles) };
  const corpus = CORPORA.find((c) => c.name === name);
  const fetched = corpus ? fetchCorpus(corpus) : { error: 'unknown corpus' };
  if ('error' in fetched) {
    console.error(`${name}: ${fetched.error}`);
    return null;
  }
  return { root: fetched.root, files: walkSources(fetched.root, CORPUS_EXTENSIONS[name] ?? TREE_EXTENSIONS) };
}
