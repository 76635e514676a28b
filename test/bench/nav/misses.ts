// `--misses`: every definition and references miss, grouped by a cause read off the source (a member
// after a dot, a call, a plain name; nothing found, a guess or a wrong exact answer) with its line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionHit, ReferencesAnswer } from '../../../shared/nav.js';
import { placeKey, type Place } from './oracle.js';
import type { DefCase, RefCase } from './score.js';

class Lines {
  private readonly files = new Map<string, string[]>();
  constructor(private readonly root: string) {}
  line(file: string, line: number): string {
    let lines = this.files.get(file);
    if (!lines) this.files.set(file, (lines = readFileSync(join(this.root, file), 'utf8').split('\n')));
    return lines[line] ?? '';
  }
}

/** How the name at a place is written: `member` after a dot, `call` before a paren, else `plain`. */
function shape(text: string, character: number): string {
  const before = text.slice(0, character).trimEnd();
  const name = /^[\p{L}\p{N}_$]*/u.exec(text.slice(character))?.[0] ?? '';
  const after = text.slice(character + name.length).trimStart();
  const member = before.endsWith('.') ? 'member' : 'plain';
  const call = after.startsWith('(') ? '-call' : after.startsWith('{') ? '-literal' : after.startsWith(':') && !after.startsWith(':=') ? '-key' : '';
  return member + call;
}

function group(into: Map<string, string[]>, cause: string, line: string): void {
  let list = into.get(cause);
  if (!list) into.set(cause, (list = []));
  list.push(line);
}

function print(title: string, groups: Map<string, string[]>, perGroup: number): void {
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  console.error(`  ${title}:`);
  for (const [cause, lines] of sorted) {
    console.error(`    ${cause}: ${lines.length}`);
    for (const l of lines.slice(0, perGroup)) console.error(`      ${l}`);
  }
}

const sameLine = (hit: { file: string; line: number }, p: Place): boolean => hit.file === p.file && hit.line === p.line + 1;

export function printDefinitionMisses(root: string, cases: DefCase[], answers: DefinitionHit[][], perGroup: number): void {
  const lines = new Lines(root);
  const groups = new Map<string, string[]>();
  cases.forEach((c, i) => {
    const first = answers[i]?.[0];
    if (first && c.expected.some((p) => sameLine(first, p))) return;
    const text = lines.line(c.at.file, c.at.line);
    const got = !first ? 'nothing' : (answers[i] ?? []).some((h) => c.expected.some((p) => sameLine(h, p))) ? `right one not first (${first.confidence})` : `wrong ${first.confidence}`;
    const where = c.expected.every((p) => p.file !== c.at.file) ? 'other file' : 'same file';
    const want = c.expected[0]!;
    group(groups, `${shape(text, c.at.character)}, ${where}, ${got}`,
      `${c.at.file}:${c.at.line + 1}:${c.at.character + 1}  ${text.trim().slice(0, 110)}  → want ${want.file}:${want.line + 1} «${lines.line(want.file, want.line).trim().slice(0, 60)}», got ${first ? `${first.file}:${first.line}` : '-'}`);
  });
  print('definition misses by cause', groups, perGroup);
}

export function printReferenceMisses(root: string, cases: RefCase[], answers: Array<ReferencesAnswer | null>, perGroup: number): void {
  const lines = new Lines(root);
  const missing = new Map<string, string[]>();
  const extra = new Map<string, string[]>();
  cases.forEach((c, i) => {
    const target = `${c.at.file}:${c.at.line + 1} «${lines.line(c.at.file, c.at.line).trim().slice(0, 50)}»`;
    const got = new Map((answers[i]?.refs ?? []).filter((r) => r.role !== 'definition').map((r) => [placeKey({ file: r.file, line: r.line - 1, character: r.column - 1 }), r] as const));
    const want = new Set(c.expected.map(placeKey));
    got.delete(placeKey(c.at));
    const noTarget = !answers[i]?.targets.length;
    for (const p of c.expected) {
      if (got.has(placeKey(p))) continue;
      const text = lines.line(p.file, p.line);
      const cause = `${shape(text, p.character)}, ${p.file === c.at.file ? 'same file' : 'other file'}${noTarget ? ', no target resolved' : ''}`;
      group(missing, cause, `${p.file}:${p.line + 1}:${p.character + 1}  ${text.trim().slice(0, 100)}  (of ${target})`);
    }
    for (const [key, r] of got) {
      if (want.has(key)) continue;
      const text = lines.line(r.file, r.line - 1);
      group(extra, `${shape(text, r.column - 1)}, ${r.role}, ${r.confidence}`, `${r.file}:${r.line}:${r.column}  ${text.trim().slice(0, 100)}  (of ${target})`);
    }
  });
  print('references missed by cause', missing, perGroup);
  print('references wrongly returned by cause', extra, perGroup);
}
