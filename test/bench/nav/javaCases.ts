// The hand-checked Java cases (java-cases.json): places written `path:line:column` (1-based) with
// `@main/` and `@test/` standing for the app's main and test Java roots. Each case names the
// identifier it asks about, so a case that no longer points at that name fails loudly instead of
// measuring the wrong thing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Place } from './oracle.js';
import type { DefCase, RefCase } from './score.js';

/** `heldOut`: the batch (1, 2) written after resolver changes the earlier cases led to, to see whether those generalise; 0 for the first cases. */
interface JsonDef { at: string; name: string; expected: string[]; why: string; heldOut?: number }
interface JsonRef { at: string; name: string; expected: string[]; why: string; heldOut?: number }
interface JsonCases { definitions: JsonDef[]; references: JsonRef[] }

export interface JavaCases { defs: DefCase[]; refs: RefCase[]; labels: { defs: string[]; refs: string[] }; heldOut: { defs: number[]; refs: number[] } }

const PREFIXES: Record<string, string> = {
  '@main/': 'src/main/java/org/clew/clinic/',
  '@test/': 'src/test/java/org/clew/clinic/',
};

const expand = (path: string): string => {
  for (const [short, long] of Object.entries(PREFIXES)) if (path.startsWith(short)) return long + path.slice(short.length);
  return path;
};

/** `path:line[:column]` → a 0-based place (column 1 when not given: definitions are compared by line). */
export function parsePlace(text: string): Place {
  const m = /^(.+?):(\d+)(?::(\d+))?$/u.exec(text);
  if (!m) throw new Error(`java-cases.json: bad place ${text}`);
  return { file: expand(m[1]!), line: Number(m[2]) - 1, character: Number(m[3] ?? 1) - 1 };
}

/** Throws when the identifier at a place isn't the one the case names. */
function checkName(root: string, lines: Map<string, string[]>, at: Place, name: string): void {
  let text = lines.get(at.file);
  if (!text) lines.set(at.file, (text = readFileSync(join(root, at.file), 'utf8').split('\n')));
  const found = /^[\p{L}\p{N}_$]*/u.exec((text[at.line] ?? '').slice(at.character))?.[0] ?? '';
  if (found !== name) throw new Error(`java-cases.json: ${at.file}:${at.line + 1}:${at.character + 1} reads '${found}', the case says '${name}'`);
}

export function loadJavaCases(root: string): JavaCases {
  const json = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'java-cases.json'), 'utf8')) as JsonCases;
  const lines = new Map<string, string[]>();
  const defs = json.definitions.map((d): DefCase => {
    const at = parsePlace(d.at);
    checkName(root, lines, at, d.name);
    return { at, expected: d.expected.map(parsePlace) };
  });
  const refs = json.references.map((r): RefCase => {
    const at = parsePlace(r.at);
    checkName(root, lines, at, r.name);
    const expected = r.expected.map(parsePlace);
    for (const p of expected) checkName(root, lines, p, r.name);
    return { at, expected };
  });
  return {
    defs,
    refs,
    labels: { defs: json.definitions.map((d) => `${d.name} (${d.why})`), refs: json.references.map((r) => `${r.name} (${r.why})`) },
    heldOut: { defs: json.definitions.map((d) => d.heldOut ?? 0), refs: json.references.map((r) => r.heldOut ?? 0) },
  };
}
