// Where the benchmark asks "go to definition": identifier occurrences tree-sitter sees in the corpus,
// picked by a hash of their place (deterministic, spread over every file, no hand-picking).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import type { Language } from '../../../shared/types.js';
import type { Place } from './oracle.js';

const IDENTIFIER_TYPES = new Set(['identifier', 'property_identifier', 'type_identifier', 'field_identifier', 'shorthand_property_identifier']);

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Up to `limit` identifier places, every `1/stride`-th by hash, in a stable order. */
export async function identifierPlaces(root: string, files: string[], language: Language, limit: number, stride = 23): Promise<Place[]> {
  const picked: Array<Place & { h: number }> = [];
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    const tree = await parse(language, source);
    try {
      const cursor = tree.walk();
      const visit = (): void => {
        do {
          const node = cursor.currentNode;
          if (IDENTIFIER_TYPES.has(node.type) && node.endIndex - node.startIndex >= 2) {
            const place = { file, line: node.startPosition.row, character: utf16Column(source, node.startIndex, node.startPosition.column) };
            const h = fnv(`${file}:${place.line}:${place.character}`);
            if (h % stride === 0) picked.push({ ...place, h });
          }
          if (cursor.gotoFirstChild()) {
            visit();
            cursor.gotoParent();
          }
        } while (cursor.gotoNextSibling());
      };
      visit();
    } finally {
      tree.delete();
    }
  }
  return picked.sort((a, b) => a.h - b.h).slice(0, limit).map(({ file, line, character }) => ({ file, line, character }));
}

/** The column in UTF-16 units, from the node's string index (the convention of LSP, the TS service and Clew). */
function utf16Column(source: string, startIndex: number, column: number): number {
  const lineStart = source.lastIndexOf('\n', startIndex - 1) + 1;
  const byIndex = startIndex - lineStart;
  return byIndex >= 0 ? byIndex : column;
}
