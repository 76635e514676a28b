// A query's matches read as plain numbers from the buffer the WASM side fills: web-tree-sitter's
// `Query.matches` builds a match object, a capture object and a Node object for every capture (a quarter of the
// occurrence pass, and its garbage), when most captures are only needed for where they start. The layout read
// here is web-tree-sitter's own (`unmarshalCaptures`); queryMatches.test.ts checks it against `Query.matches`.
// Text predicates (#eq?, #match?) are not applied: for queries without them.
import { type Query, type SyntaxNode, wasmRuntime } from './treeSitter.js';

/** Numbers before a match's captures: the pattern index, the capture count. */
export const MATCH_HEADER = 2;
/** Numbers per capture: the capture index, then the node as web-tree-sitter marshals it. */
export const CAPTURE_SIZE = 6;
/** Offsets inside a capture. */
export const CAPTURE_NAME = 0;
const NODE_ID = 1;
export const CAPTURE_START = 2;
export const CAPTURE_ROW = 3;
export const CAPTURE_COLUMN = 4;
const NODE_HANDLE = 5;
/** What the library passes for "no limit" (matchLimit, maxStartDepth). */
const UNLIMITED = 0xffffffff;

/** web-tree-sitter keeps each object's C pointer at index 0 (not in its typings). */
interface Handle {
  0: number;
}
const handle = (o: object): number => (o as Handle)[0];

let transferWords = -1;

/**
 * All matches of `query` under `node`, in the order `Query.matches` gives them: per match MATCH_HEADER numbers,
 * then CAPTURE_SIZE per capture. A copy: the WASM heap may move once other calls grow it.
 */
export function rawMatches(query: Query, node: SyntaxNode): Int32Array {
  const rt = wasmRuntime();
  if (transferWords < 0) transferWords = rt._ts_init() >> 2;
  const at = transferWords;
  // The node the cursor starts at, as web-tree-sitter's marshalNode writes it.
  const before = rt.HEAP32;
  before[at] = node.id;
  before[at + 1] = node.startIndex;
  before[at + 2] = node.startPosition.row;
  before[at + 3] = node.startPosition.column;
  before[at + 4] = handle(node);
  rt._ts_query_matches_wasm(handle(query), handle(node.tree), 0, 0, 0, 0, 0, 0, UNLIMITED, UNLIMITED, 0);
  // Read the heap view only now: the call may have grown (and so replaced) it.
  const heap = rt.HEAP32;
  const count = heap[at]!;
  const address = heap[at + 1]!;
  const first = address >> 2;
  let end = first;
  for (let m = 0; m < count; m++) end += MATCH_HEADER + heap[end + 1]! * CAPTURE_SIZE;
  const out = heap.slice(first, end);
  rt._free(address);
  return out;
}

/** A plain constructor for web-tree-sitter's Node (whose own constructor is closed to callers), made per prototype. */
type NodeMaker = new (handle: number, id: number, tree: SyntaxNode['tree'], startIndex: number, row: number, column: number) => SyntaxNode;
let makerProto: object | null = null;
let Maker: NodeMaker | null = null;

function makerFor(proto: object): NodeMaker {
  if (Maker && makerProto === proto) return Maker;
  // The fields unmarshalNode sets, in its order (one hidden class); Node's methods and getters come from its prototype.
  class LeanNode {
    // Declared, not initialised: the constructor sets each once.
    declare 0: number;
    declare id: number;
    declare tree: SyntaxNode['tree'];
    declare startIndex: number;
    declare startPosition: { row: number; column: number };
    constructor(handle: number, id: number, tree: SyntaxNode['tree'], startIndex: number, row: number, column: number) {
      this[0] = handle;
      this.id = id;
      this.tree = tree;
      this.startIndex = startIndex;
      this.startPosition = { row, column };
    }
  }
  Object.setPrototypeOf(LeanNode.prototype, proto);
  makerProto = proto;
  Maker = LeanNode as unknown as NodeMaker;
  return Maker;
}

/**
 * The Node of the capture at `at` in `data` (from rawMatches over `root` or a node of its tree): made as
 * web-tree-sitter's unmarshalNode makes it, for the few captures whose text or children are read.
 */
export function captureNode(root: SyntaxNode, data: Int32Array, at: number): SyntaxNode {
  const Make = makerFor(Object.getPrototypeOf(root) as object);
  return new Make(data[at + NODE_HANDLE]!, data[at + NODE_ID]!, root.tree, data[at + CAPTURE_START]!, data[at + CAPTURE_ROW]!, data[at + CAPTURE_COLUMN]!);
}
