// Human-readable output of the navigation commands (--json prints the shared/nav.ts shapes as they are).
import type { CallTreeNode, DefinitionHit, FlowAnswer, ReferencesAnswer, TreeEntry } from '../shared/nav.js';

export function formatDefinitions(hits: DefinitionHit[]): string {
  if (!hits.length) return 'no definition found';
  return hits.map((h) => `${h.file}:${h.line}:${h.column}  ${h.kind} ${h.fqn}  [${h.confidence}]\n    ${h.signature}`).join('\n');
}

export function formatReferences(r: ReferencesAnswer): string {
  if (!r.targets.length) return 'nothing to find references of there';
  const lines = [`references of ${r.targets.map((t) => `${t.fqn} (${t.file}:${t.line})`).join(', ')}:`];
  for (const ref of r.refs) lines.push(`${ref.file}:${ref.line}:${ref.column}  ${ref.role.padEnd(10)} ${ref.snippet}${ref.confidence === 'candidate' ? '  [candidate]' : ''}${ref.enclosing ? `   in ${ref.enclosing}` : ''}`);
  lines.push(`${r.refs.length} reference${r.refs.length === 1 ? '' : 's'}${r.truncated ? ' (cut at the limit; --limit N for more)' : ''}`);
  return lines.join('\n');
}

export function formatCallTree(root: CallTreeNode): string {
  const lines: string[] = [];
  const walk = (node: CallTreeNode, indent: string): void => {
    const marks = [node.confidence === 'candidate' ? 'candidate' : '', node.cycle ? 'cycle' : '', node.more ? 'more…' : ''].filter(Boolean).join(', ');
    lines.push(`${indent}${node.fqn}  ${node.file}:${node.line}${marks ? `  [${marks}]` : ''}`);
    for (const e of node.external) lines.push(`${indent}  ⇢ ${e.kind} ${e.client}${e.target ? ` → ${e.target}` : ''} (line ${e.line})`);
    for (const child of node.children) walk(child, `${indent}  `);
  };
  walk(root, '');
  return lines.join('\n');
}

export function formatFlow(flow: FlowAnswer): string {
  const e = flow.entry;
  const head = `${e.kind} ${e.method ?? ''} ${e.path ?? e.schedule ?? e.queue ?? ''}`.replace(/\s+/gu, ' ').trim();
  return [`${head}  → ${e.symbol ?? '?'}  (${e.file}:${e.line})`, flow.root ? formatCallTree(flow.root) : 'the handler could not be resolved to a symbol'].join('\n');
}

export function formatTree(entries: TreeEntry[]): string {
  if (!entries.length) return 'no indexed files there';
  return entries.map((t) => (t.kind === 'dir' ? `${t.name}/  ${t.files} files, ${t.symbols} symbols` : `${t.name}  ${t.symbols} symbols${t.language ? ` (${t.language})` : ''}`)).join('\n');
}
