// Detectors find nodes by type through one native walk per batch of types: a prefetch walks once for several
// types, and the nodes asked for afterwards are the same as a walk per type finds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodesOf, prefetchNodes } from '../../../electron/engine/entrypoints/walk.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';

const GO = `package main

import (
	"fmt"
	"net/http"
)

func main() {
	resp, err := http.Get("https://example.com")
	fmt.Println(resp, err)
	go func() { fmt.Println(len("x")) }()
}
`;

afterEach(() => vi.restoreAllMocks());

describe('nodesOf and prefetchNodes', () => {
  it('walk once for the prefetched types and give what a walk per type gives', async () => {
    const tree = await parse('go', GO);
    try {
      const alone = tree.rootNode;
      const expected = ['import_spec', 'call_expression'].map((t) => nodesOf(alone, [t]).map((n) => `${n.type}@${n.startIndex}`));
      expect(expected.map((list) => list.length)).toEqual([2, 5]);
      const root = tree.rootNode;
      const walk = vi.spyOn(Object.getPrototypeOf(root) as { descendantsOfType: (...a: unknown[]) => unknown }, 'descendantsOfType');
      prefetchNodes(root, ['import_spec', 'call_expression']);
      const got = ['import_spec', 'call_expression'].map((t) => nodesOf(root, [t]).map((n) => `${n.type}@${n.startIndex}`));
      expect(got).toEqual(expected);
      expect(walk).toHaveBeenCalledTimes(1);
      // Asked together, the types come back merged in document order, still from that one walk.
      expect(nodesOf(root, ['call_expression', 'import_spec']).map((n) => n.startIndex)).toEqual([...got[0]!, ...got[1]!].map((s) => Number(s.split('@')[1])).sort((a, b) => a - b));
      expect(walk).toHaveBeenCalledTimes(1);
    } finally {
      tree.delete();
    }
  });
});
