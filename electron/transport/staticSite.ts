// The built renderer, read into memory once: only files that exist at start-up can be served, so a
// request path can never reach anything else on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { ClewFailure } from '../base/failure.js';
import { contentType } from './contentTypes.js';

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** URL path (`/assets/index-abc.js`) → file. */
export function loadSite(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const abs = join(folder, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) files.set(`/${relative(dir, abs).split(sep).join('/')}`, { body: readFileSync(abs), type: contentType(extname(entry.name)) });
    }
  };
  try {
    walk(dir);
  } catch (e) {
    throw ClewFailure.fromSystem(e, `cannot read the built UI in ${dir} (run \`npm run build\`)`);
  }
  if (!files.has('/index.html')) throw new ClewFailure('NOT_FOUND', `no index.html in ${dir} (run \`npm run build\`)`);
  return files;
}
