// The golden form of a file's occurrences: names, rows (a line of six numbers each) and imports, as JSON.
import type { FileOccurrences } from '../../../../electron/base/fileAnalysis.js';

export function goldenJson(occ: FileOccurrences): string {
  const rows: string[] = [];
  for (let i = 0; i < occ.rows.length; i += 6) rows.push(`    ${JSON.stringify(Array.from(occ.rows.subarray(i, i + 6)))}`);
  return `{\n  "names": ${JSON.stringify(occ.names)},\n  "rows": [\n${rows.join(',\n')}\n  ],\n  "imports": ${JSON.stringify(occ.imports, null, 2).replace(/\n/gu, '\n  ')}\n}\n`;
}
