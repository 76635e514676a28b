// Regex → literal substrings every match must contain, as an FTS5 trigram MATCH, so regex search never scans all text.
import { RegExpParser } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

export type Prefilter =
  /** No usable literal: the caller must stream. */
  | { kind: 'all' }
  /** `fts` is an FTS5 MATCH expression; `literals` is the same condition as an OR of ANDs. */
  | { kind: 'match'; fts: string; literals: string[][] };

/** Trigram indexing cannot find anything shorter. */
const MIN_LITERAL = 3;
/** Longer literals only make the query bigger: any substring of a required literal is required too. */
const MAX_LITERAL = 64;
const MAX_LITERALS_PER_BRANCH = 8;
const MAX_BRANCHES = 16;

/** An OR of ANDs of required substrings; a branch with no literal means "no constraint". */
type Condition = string[][];
const ANYTHING: Condition = [[]];

/**
 * What is known about the text one regex node matches: either always the same string, or text that
 * starts with `prefix`, ends with `suffix` and satisfies `inner` (prefix/suffix may be empty).
 */
type Info = { exact: string } | { prefix: string; inner: Condition; suffix: string };
const UNKNOWN: Info = { prefix: '', inner: ANYTHING, suffix: '' };
const EMPTY: Info = { exact: '' };

interface Mode {
  ignoreCase: boolean;
  unicode: boolean;
}

export function regexPrefilter(source: string, flags: string): Prefilter {
  validate(source, flags);
  const mode: Mode = { ignoreCase: flags.includes('i'), unicode: flags.includes('u') || flags.includes('v') };
  let pattern: AST.Pattern;
  try {
    pattern = new RegExpParser().parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch {
    // Valid for this engine but newer than the parser knows: streaming is always correct.
    return { kind: 'all' };
  }
  return toPrefilter(finish(alternativesInfo(pattern.alternatives, mode)));
}

/** The engine that will run the regex decides validity; its message is already clear. */
function validate(source: string, flags: string): void {
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new SyntaxError(error instanceof Error ? error.message : `Invalid regular expression: /${source}/${flags}`);
  }
}

function toPrefilter(condition: Condition): Prefilter {
  return isAnything(condition) ? { kind: 'all' } : { kind: 'match', fts: ftsExpression(condition), literals: condition };
}

/** The OR of ANDs with the literals every branch shares pulled out front: `"foo" AND "qux" AND ("bar" OR "baz")`. */
function ftsExpression(condition: Condition): string {
  const common = (condition[0] ?? []).filter((text) => condition.every((branch) => branch.includes(text)));
  const rest = condition.map((branch) => branch.filter((text) => !common.includes(text)));
  const parts = common.map(quoteFts);
  if (rest.length === 1) parts.push(...(rest[0] ?? []).map(quoteFts));
  // A branch holding only the shared literals makes the OR always true: the shared part is the whole condition.
  else if (!rest.some((branch) => branch.length === 0)) {
    const alternatives = rest.map((branch) => (branch.length === 1 ? quoteFts(branch[0] ?? '') : `(${branch.map(quoteFts).join(' AND ')})`));
    parts.push(parts.length === 0 ? alternatives.join(' OR ') : `(${alternatives.join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/** An FTS5 string: everything inside double quotes is literal, except `"` which is doubled. */
function quoteFts(literal: string): string {
  return `"${literal.replace(/"/g, '""')}"`;
}

// ---- Walking the regex AST ----

function alternativesInfo(alternatives: AST.Alternative[], mode: Mode): Info {
  if (alternatives.length === 1) return sequenceInfo(alternatives[0]?.elements ?? [], mode);
  return { prefix: '', inner: or(alternatives.map((alternative) => finish(sequenceInfo(alternative.elements, mode)))), suffix: '' };
}

function sequenceInfo(elements: AST.Element[], mode: Mode): Info {
  return elements.reduce<Info>((info, element) => concat(info, elementInfo(element, mode)), EMPTY);
}

function elementInfo(element: AST.Element, mode: Mode): Info {
  switch (element.type) {
    case 'Character':
      return characterInfo(element.value, mode);
    case 'CharacterClass':
      return classInfo(element, mode);
    case 'Quantifier':
      return quantifierInfo(element, mode);
    case 'CapturingGroup':
      return alternativesInfo(element.alternatives, mode);
    case 'Group':
      // `(?i:…)` can only make matching looser, so take the stricter literal rules when any modifier is present.
      return alternativesInfo(element.alternatives, element.modifiers === null ? mode : { ...mode, ignoreCase: true });
    case 'Assertion':
      // Anchors and lookarounds consume nothing: the text around them joins up, their contents are dropped.
      return EMPTY;
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
    case 'Backreference':
      return UNKNOWN;
  }
}

function characterInfo(codePoint: number, mode: Mode): Info {
  return isSafeLiteral(codePoint, mode) ? { exact: String.fromCodePoint(codePoint) } : UNKNOWN;
}

/**
 * Whether the trigram index finds this character wherever the regex does. It folds case on both sides,
 * but not the way JS `i` does beyond ASCII (and `/s/iu` matches `ſ`, `/k/iu` the Kelvin sign).
 */
function isSafeLiteral(codePoint: number, mode: Mode): boolean {
  if (codePoint === 0 || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return false;
  if (!mode.ignoreCase) return true;
  if (codePoint >= 0x80) return false;
  return !(mode.unicode && /[sk]/i.test(String.fromCodePoint(codePoint)));
}

/** `[x]`, `[.]` or `[Ff]` stand for one character as far as a case-insensitive index is concerned. */
function classInfo(node: AST.CharacterClass, mode: Mode): Info {
  if (node.negate) return UNKNOWN;
  const values: number[] = [];
  for (const element of node.elements) {
    if (element.type !== 'Character') return UNKNOWN;
    values.push(element.value);
  }
  const [first] = values;
  if (first === undefined) return UNKNOWN;
  if (values.length === 1) return characterInfo(first, mode);
  // Several characters count as one only when they are ASCII case variants of each other.
  const folded = new Set(values.map((value) => (value < 0x80 ? String.fromCharCode(value).toLowerCase() : `U+${value}`)));
  const [only] = folded;
  return folded.size === 1 && only !== undefined && only.length === 1 ? characterInfo(only.charCodeAt(0), mode) : UNKNOWN;
}

function quantifierInfo(node: AST.Quantifier, mode: Mode): Info {
  // Optional text may be absent: it contributes nothing and breaks the literal run around it.
  if (node.min === 0) return UNKNOWN;
  const inner = elementInfo(node.element, mode);
  // One repetition's condition still holds, and every match starts with the first and ends with the last.
  if (!('exact' in inner)) return inner;
  const text = inner.exact;
  if (text === '') return EMPTY;
  if (node.min === node.max && text.length * node.min <= MAX_LITERAL) return { exact: text.repeat(node.min) };
  // At least `min` copies: any fewer copies are both a prefix and a suffix of every match.
  const copies = text.repeat(Math.max(1, Math.min(node.min, Math.floor(MAX_LITERAL / text.length))));
  return { prefix: copies, inner: ANYTHING, suffix: copies };
}

function concat(left: Info, right: Info): Info {
  if ('exact' in left) return 'exact' in right ? { exact: left.exact + right.exact } : { ...right, prefix: left.exact + right.prefix };
  if ('exact' in right) return { ...left, suffix: left.suffix + right.exact };
  return { prefix: left.prefix, inner: and(and(left.inner, literal(left.suffix + right.prefix)), right.inner), suffix: right.suffix };
}

/** Everything an `Info` guarantees about the matched text, as a condition. */
function finish(info: Info): Condition {
  if ('exact' in info) return literal(info.exact);
  return and(and(literal(info.prefix), info.inner), literal(info.suffix));
}

// ---- Conditions: every step may only weaken what is required, never invent a requirement ----

function literal(text: string): Condition {
  const chars = [...text];
  if (chars.length < MIN_LITERAL) return ANYTHING;
  return [[chars.slice(0, MAX_LITERAL).join('')]];
}

function isAnything(condition: Condition): boolean {
  return condition.some((branch) => branch.length === 0);
}

function and(left: Condition, right: Condition): Condition {
  if (left.length === 1 && left[0]?.length === 0) return right;
  if (right.length === 1 && right[0]?.length === 0) return left;
  // Too many combinations: keeping only one side is weaker but still necessary.
  if (left.length * right.length > MAX_BRANCHES) return strength(left) >= strength(right) ? left : right;
  return simplify(left.flatMap((a) => right.map((b) => [...a, ...b])));
}

function or(conditions: Condition[]): Condition {
  const branches = conditions.flat();
  // A branch with no literal, or too many to query, leaves nothing that every match must contain.
  if (isAnything(branches) || branches.length > MAX_BRANCHES) return ANYTHING;
  return simplify(branches);
}

/** How selective a condition is: its weakest branch's longest literal. */
function strength(condition: Condition): number {
  return Math.min(...condition.map((branch) => Math.max(0, ...branch.map((text) => text.length))));
}

function simplify(condition: Condition): Condition {
  const seen = new Set<string>();
  const branches = condition.map(trimBranch).filter((branch) => {
    const key = branch.map((text) => text.toLowerCase()).sort().join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A branch that implies another is redundant in an OR: (A and B) or A is just A.
  return branches.filter((branch, i) => !branches.some((other, j) => j !== i && implies(branch, other) && !(implies(other, branch) && j > i)));
}

/** Drops duplicates and literals contained in longer ones, then keeps the longest few, in source order. */
function trimBranch(branch: string[]): string[] {
  const lower = branch.map((text) => text.toLowerCase());
  const kept = branch.filter((_, i) => !lower.some((other, j) => j !== i && contains(other, lower[i] ?? '', j < i)));
  if (kept.length <= MAX_LITERALS_PER_BRANCH) return kept;
  const longest = new Set([...kept].sort((a, b) => b.length - a.length).slice(0, MAX_LITERALS_PER_BRANCH));
  return kept.filter((text) => longest.has(text));
}

/** Whether `outer` holds `inner`; of two equal literals, only the earlier one counts as holding the later. */
function contains(outer: string, inner: string, outerIsEarlier: boolean): boolean {
  return outer === inner ? outerIsEarlier : outer.includes(inner);
}

/** Whether every literal of `weaker` lies inside some literal of `stronger`, so `stronger` implies `weaker`. */
function implies(stronger: string[], weaker: string[]): boolean {
  return weaker.every((text) => stronger.some((other) => other.toLowerCase().includes(text.toLowerCase())));
}
