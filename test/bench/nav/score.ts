// Scoring against the oracle: a definition is right when Clew's first answer names the oracle's
// file and line; references are compared as sets of places (file, line, column).
import type { DefinitionHit, ReferencesAnswer } from '../../../shared/nav.js';
import { placeKey, type Place } from './oracle.js';

export interface DefCase { at: Place; expected: Place[] }
export interface RefCase { at: Place; expected: Place[] }

const sameLine = (hit: { file: string; line: number }, p: Place): boolean => hit.file === p.file && hit.line === p.line + 1;

export interface DefScore { top1: number; any: number; exactShare: number; misses: string[] }

/** Scores every case, and separately the cases whose definition is in another file (imports, packages: the hard half). */
/** `generated`: the corpus's generated files; `intoGenerated` scores the cases whose definitions are all in them. */
export function scoreDefinitionsSplit(cases: DefCase[], answers: DefinitionHit[][], generated: ReadonlySet<string> = new Set()):
  { all: DefScore; crossFile: DefScore & { n: number }; intoGenerated: DefScore & { n: number } } {
  const pairs = cases.map((c, i) => [c, answers[i] ?? []] as const);
  const part = (keep: (c: DefCase) => boolean): DefScore & { n: number } => {
    const kept = pairs.filter(([c]) => keep(c));
    return { ...scoreDefinitions(kept.map(([c]) => c), kept.map(([, a]) => a)), n: kept.length };
  };
  return {
    all: scoreDefinitions(cases, answers),
    crossFile: part((c) => c.expected.every((p) => p.file !== c.at.file)),
    intoGenerated: part((c) => c.expected.every((p) => generated.has(p.file))),
  };
}

export function scoreDefinitions(cases: DefCase[], answers: DefinitionHit[][]): DefScore {
  let top1 = 0;
  let any = 0;
  let exact = 0;
  const misses: string[] = [];
  cases.forEach((c, i) => {
    const hits = answers[i] ?? [];
    const first = hits[0];
    if (first && c.expected.some((p) => sameLine(first, p))) top1++;
    else misses.push(`${c.at.file}:${c.at.line + 1}:${c.at.character + 1} → expected ${c.expected.map((p) => `${p.file}:${p.line + 1}`).join(', ')}, got ${first ? `${first.file}:${first.line} (${first.confidence})` : 'nothing'}`);
    if (hits.some((h) => c.expected.some((p) => sameLine(h, p)))) any++;
    if (first?.confidence === 'exact') exact++;
  });
  const n = Math.max(1, cases.length);
  return { top1: top1 / n, any: any / n, exactShare: exact / n, misses };
}

/** Micro-averaged over every expected and returned place (definitions and declarations, the asked place among them, excluded on both sides). */
/**
 * `keepDefinitions`: the oracle lists a variable's other assignments as references (pyright: a Python variable is one
 * symbol, each assignment a declaration of it), so Clew's definition rows other than the asked place are compared too;
 * other oracles leave every declaration out, and so does the score.
 */
export function scoreReferences(cases: RefCase[], answers: Array<ReferencesAnswer | null>, keepDefinitions = false): { precision: number; recall: number } {
  let returned = 0;
  let expected = 0;
  let correct = 0;
  cases.forEach((c, i) => {
    const want = new Set(c.expected.map(placeKey));
    // The asked place is the declaration (an import binding is its own): not a reference.
    const got = new Set((answers[i]?.refs ?? []).filter((r) => keepDefinitions || r.role !== 'definition').map((r) => placeKey({ file: r.file, line: r.line - 1, character: r.column - 1 })));
    got.delete(placeKey(c.at));
    expected += want.size;
    returned += got.size;
    for (const k of got) if (want.has(k)) correct++;
  });
  return { precision: returned ? correct / returned : 0, recall: expected ? correct / expected : 0 };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
