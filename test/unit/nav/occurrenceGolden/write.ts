// Writes the golden occurrence rows of each fixture here (`<file>.txt` → `<file>.json`) with the occurrence
// pass of a checkout: its names, rows and imports exactly as extractOccurrences returns them. The goldens in
// git were written by the pass as it was before its extraction was made cheaper (a7665bc), so the test
// beside them fails if any row changes. A change of rows on purpose rewrites them and says so.
//   node --import tsx test/unit/nav/occurrenceGolden/write.ts [--from <checkout>]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Analyze from '../../../../electron/engine/analyze.js';
import { languageOf } from '../../../../electron/base/languages.js';
import { goldenJson } from './golden.js';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const from = argv.includes('--from') ? resolve(argv[argv.indexOf('--from') + 1]!) : resolve(here, '../../../..');
const { analyzeFile } = (await import(pathToFileURL(join(from, 'electron/engine/analyze.ts')).href)) as typeof Analyze;

for (const fixture of readdirSync(here).filter((f) => f.endsWith('.txt'))) {
  const name = fixture.slice(0, -'.txt'.length);
  const language = languageOf(name);
  if (!language) throw new Error(`no language for ${name}`);
  const analysis = await analyzeFile(language, name, readFileSync(join(here, fixture), 'utf8'));
  if (!analysis.occurrences) throw new Error(`no occurrences for ${name}`);
  writeFileSync(join(here, `${name}.json`), goldenJson(analysis.occurrences));
  console.log(`${name}: ${analysis.occurrences.rows.length / 6} rows`);
}
