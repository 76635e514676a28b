// Callers and callees as trees: from call occurrences and the symbols that enclose them (read from the text, by
// NavByName, in files without occurrences). Each symbol is expanded once per path (a cycle is shown, marked, and not
// followed), depth and size are bounded.
import type { CallTreeNode, NavConfidence } from '../../../shared/nav.js';
import type { NavSymbol } from '../../db/read/nav/navRows.js';
import type { RepoRef } from '../../db/read/repos.js';
import { NavByName } from './byName.js';
import { ROLE, type Resolver } from './resolver.js';
import { isCFamily } from './cGlobals.js';
import type { NavReads } from './navReads.js';

export const DEFAULT_DEPTH = 2;
export const MAX_DEPTH = 6;
/** Children kept per node and nodes per tree: a tree stays readable and its answer small. */
const MAX_CHILDREN = 50;
const MAX_NODES = 400;
const CALLERS_PER_NODE = 500;
const CALLS = new Set<number>([ROLE.call]);
/** A tree's text searches together (callers read by text, one search per node) stop after this long. */
const TEXT_SEARCH_BUDGET_MS = 2000;

export function clampDepth(depth: number | undefined): number {
  return Math.min(MAX_DEPTH, Math.max(0, depth ?? DEFAULT_DEPTH));
}

export class CallTrees {
  private nodes = 0;
  private readonly started = performance.now();
  private readonly byName: NavByName;

  constructor(private readonly nav: NavReads, private readonly resolver: Resolver, repo: RepoRef) {
    this.byName = new NavByName(nav, repo, resolver);
  }

  /** A symbol of a file without an occurrence pass: its calls are read from the text, as candidates. */
  private byText(s: NavSymbol): boolean {
    return !this.nav.rows.hasOccurrences(s.fileId);
  }

  private node(s: NavSymbol, confidence: NavConfidence, cycle: boolean): CallTreeNode {
    this.nodes++;
    return { fqn: s.fqn, name: s.name, kind: s.kind, file: s.path, line: this.nav.namePosition(s).line, confidence, cycle, more: false, external: [], children: [] };
  }

  /** What `s` calls: each call resolved (exact targets, or the nearest candidate), in the order first called. */
  private calledBy(s: NavSymbol): Array<{ symbol: NavSymbol; confidence: NavConfidence }> {
    if (this.byText(s)) return this.byName.callsOf(s).map((symbol) => ({ symbol, confidence: 'candidate' }));
    const out = new Map<number | string, { symbol: NavSymbol; confidence: NavConfidence }>();
    for (const call of this.nav.rows.callsIn(s.fileId, s.startLine, s.endLine)) {
      const r = this.resolver.resolve(call);
      const picked = r.confidence === 'exact' ? r.targets : r.targets.slice(0, 1);
      for (const t of picked) {
        if (!t.symbol) continue;
        // A C or C++ function's body and its declarations (in a header, in its class) are one callee: the body, first.
        const key = isCFamily(t.symbol.language) ? t.symbol.fqn : t.symbol.id;
        const seen = out.get(key);
        if (!seen) out.set(key, { symbol: t.symbol, confidence: r.confidence });
        else if (r.confidence === 'exact') seen.confidence = 'exact';
      }
    }
    return [...out.values()];
  }

  callees(root: NavSymbol, confidence: NavConfidence, depth: number): CallTreeNode {
    const expand = (s: NavSymbol, c: NavConfidence, left: number, path: ReadonlySet<number>): CallTreeNode => {
      const node = this.node(s, c, false);
      node.external = this.nav.rows.externals(s.id);
      const children = this.calledBy(s);
      if (left <= 0 || this.nodes >= MAX_NODES) {
        node.more = children.length > 0;
        return node;
      }
      const below = new Set(path).add(s.id);
      for (const child of children.slice(0, MAX_CHILDREN)) {
        if (below.has(child.symbol.id)) node.children.push(this.node(child.symbol, child.confidence, true));
        else node.children.push(expand(child.symbol, child.confidence, left - 1, below));
      }
      if (children.length > MAX_CHILDREN) node.more = true;
      return node;
    };
    return expand(root, confidence, depth, new Set());
  }

  /** Symbols whose calls resolve to `s` (exact, or as a candidate), grouped by the calling symbol. */
  private callersOf(s: NavSymbol): Array<{ symbol: NavSymbol; confidence: NavConfidence }> {
    if (this.byText(s)) {
      const budgetMs = TEXT_SEARCH_BUDGET_MS - (performance.now() - this.started);
      return budgetMs <= 0 ? [] : this.byName.callersOf(s, CALLERS_PER_NODE, budgetMs).map((symbol) => ({ symbol, confidence: 'candidate' }));
    }
    const found = this.nav.uses(this.resolver, s.name, [{ symbol: s }], CALLERS_PER_NODE, CALLS);
    const out = new Map<number, { symbol: NavSymbol; confidence: NavConfidence }>();
    for (const { occ, confidence } of found.uses) {
      const caller = this.resolver.symbol(occ.symbolId);
      if (!caller) continue;
      const seen = out.get(caller.id);
      if (!seen) out.set(caller.id, { symbol: caller, confidence });
      else if (confidence === 'exact') seen.confidence = 'exact';
    }
    return [...out.values()];
  }

  callers(root: NavSymbol, depth: number): CallTreeNode {
    const expand = (s: NavSymbol, c: NavConfidence, left: number, path: ReadonlySet<number>): CallTreeNode => {
      const node = this.node(s, c, false);
      const parents = this.callersOf(s);
      if (left <= 0 || this.nodes >= MAX_NODES) {
        node.more = parents.length > 0;
        return node;
      }
      const below = new Set(path).add(s.id);
      for (const parent of parents.slice(0, MAX_CHILDREN)) {
        if (below.has(parent.symbol.id)) node.children.push(this.node(parent.symbol, parent.confidence, true));
        else node.children.push(expand(parent.symbol, parent.confidence, left - 1, below));
      }
      if (parents.length > MAX_CHILDREN) node.more = true;
      return node;
    };
    return expand(root, 'exact', depth, new Set());
  }
}
