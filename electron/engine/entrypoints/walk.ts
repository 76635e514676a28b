// Finds nodes by type with the runtime's native walk, once per type per tree, only for the types asked for.
import type { SyntaxNode } from '../parsers/treeSitter.js';

// Entry-point and call detection run back to back on the same root: they share what was found.
const cache = new WeakMap<SyntaxNode, Map<string, SyntaxNode[]>>();

/**
 * Nodes of the given types in document order. Types not yet looked for are found in one native walk
 * (the runtime walks in C and hands back only matches: far cheaper than a cursor walk from JS), so
 * files whose text rules a detector out never pay for the node types only that detector needs.
 */
export function nodesOf(root: SyntaxNode, types: readonly string[]): readonly SyntaxNode[] {
  const found = walked(root, types);
  if (types.length === 1) return found.get(types[0]!)!;
  return types.flatMap((t) => found.get(t)!).sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * Finds the types not yet looked for in one walk, without returning them: for a detector about to ask for each
 * in turn (a walk costs about the same for one type as for several, and most of a Go detector's time was walks).
 */
export function prefetchNodes(root: SyntaxNode, types: readonly string[]): void {
  walked(root, types);
}

function walked(root: SyntaxNode, types: readonly string[]): Map<string, SyntaxNode[]> {
  let found = cache.get(root);
  if (!found) cache.set(root, (found = new Map()));
  const missing = types.filter((t) => !found.has(t));
  if (missing.length) {
    for (const t of missing) found.set(t, []);
    for (const node of root.descendantsOfType(missing)) if (node) found.get(node.type)?.push(node);
  }
  return found;
}
