// The corpus files an oracle and Clew both see: regular source files by extension, repo-relative, sorted.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

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
