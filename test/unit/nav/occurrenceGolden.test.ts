// The occurrence pass gives the very rows it gave before its extraction was made cheaper: for a small real
// file per language (zod, flask, gin, express, the JHipster clinic, Clew's own TSX), names, rows and imports
// equal the goldens written by the pass at a7665bc (occurrenceGolden/write.ts). Any changed row fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../electron/engine/analyze.js';
import { languageOf } from '../../../electron/base/languages.js';
import { goldenJson } from './occurrenceGolden/golden.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'occurrenceGolden');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length));

describe('occurrence rows against their goldens', () => {
  it('has a fixture for each language the pass reads', () => {
    expect(new Set(fixtures.map(languageOf))).toEqual(new Set(['typescript', 'tsx', 'javascript', 'python', 'go', 'java']));
  });

  it.each(fixtures)('%s: the same names, rows and imports', async (name) => {
    const language = languageOf(name);
    if (!language) throw new Error(`no language for ${name}`);
    const occ = (await analyzeFile(language, name, readFileSync(join(dir, `${name}.txt`), 'utf8'))).occurrences;
    if (!occ) throw new Error(`no occurrences for ${name}`);
    expect(occ.rows.length).toBeGreaterThan(600);
    expect(goldenJson(occ)).toBe(readFileSync(join(dir, `${name}.json`), 'utf8'));
  });
});
