// rawMatches reads the buffer web-tree-sitter's Query.matches reads: the same matches, in the same order,
// with the same captures (name, node id, start, row, column), and captureNode gives a Node that answers as
// the library's own (type, text, end). If a web-tree-sitter update changes the buffer's layout, this fails.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/types.js';
import { occurrenceQuery } from '../../../electron/engine/parsers/occurrences.js';
import { CAPTURE_COLUMN, CAPTURE_NAME, CAPTURE_ROW, CAPTURE_SIZE, CAPTURE_START, MATCH_HEADER, captureNode, rawMatches } from '../../../electron/engine/parsers/queryMatches.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';

const golden = join(dirname(fileURLToPath(import.meta.url)), '../nav/occurrenceGolden');
const FILES: Array<{ language: Language; file: string }> = [
  { language: 'typescript', file: 'registries.ts.txt' },
  { language: 'python', file: 'views.py.txt' },
  { language: 'go', file: 'routergroup.go.txt' },
  { language: 'java', file: 'PetResource.java.txt' },
];

describe('rawMatches', () => {
  it.each(FILES)('$language: the matches and captures Query.matches gives, as numbers', async ({ language, file }) => {
    const query = await occurrenceQuery(language);
    if (!query) throw new Error(`no query for ${language}`);
    const tree = await parse(language, readFileSync(join(golden, file), 'utf8'));
    try {
      const root = tree.rootNode;
      const expected = query.matches(root).map((m) => [m.patternIndex, ...m.captures.map((c) => `${c.name} ${c.node.id} ${c.node.startIndex} ${c.node.startPosition.row}:${c.node.startPosition.column} ${c.node.type} ${c.node.endIndex} ${c.node.text}`)]);
      const data = rawMatches(query, root);
      const got: Array<Array<number | string>> = [];
      for (let m = 0; m < data.length; ) {
        const captures: string[] = [];
        const end = m + MATCH_HEADER + data[m + 1]! * CAPTURE_SIZE;
        for (let c = m + MATCH_HEADER; c < end; c += CAPTURE_SIZE) {
          const node = captureNode(root, data, c);
          captures.push(`${query.captureNames[data[c + CAPTURE_NAME]!]} ${node.id} ${data[c + CAPTURE_START]} ${data[c + CAPTURE_ROW]}:${data[c + CAPTURE_COLUMN]} ${node.type} ${node.endIndex} ${node.text}`);
        }
        got.push([data[m]!, ...captures]);
        m = end;
      }
      expect(expected.length).toBeGreaterThan(100);
      expect(got).toEqual(expected);
    } finally {
      tree.delete();
    }
  });

  it('a node made by captureNode walks the tree like the library\'s (parent, fields, children)', async () => {
    const query = await occurrenceQuery('java');
    if (!query) throw new Error('no query for java');
    const source = 'class A { void f() { new Owner().name("x").city("y"); } }\n';
    const tree = await parse('java', source);
    try {
      const root = tree.rootNode;
      const data = rawMatches(query, root);
      const library = query.matches(root).flatMap((m) => m.captures.map((c) => c.node));
      let i = 0;
      for (let m = 0; m < data.length; ) {
        const end = m + MATCH_HEADER + data[m + 1]! * CAPTURE_SIZE;
        for (let c = m + MATCH_HEADER; c < end; c += CAPTURE_SIZE, i++) {
          const node = captureNode(root, data, c);
          const own = library[i]!;
          expect([node.parent?.type, node.childForFieldName('name')?.text, node.namedChildren.map((n) => n?.type)]).toEqual([own.parent?.type, own.childForFieldName('name')?.text, own.namedChildren.map((n) => n?.type)]);
        }
        m = end;
      }
      expect(i).toBe(library.length);
    } finally {
      tree.delete();
    }
  });
});
