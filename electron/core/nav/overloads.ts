// TypeScript overload signatures (`function f(a: string): void;` written above the body): how many arguments each
// takes, read off its text, so a call goes to the signature it can match, as the TypeScript service answers.

/** How many arguments a signature takes: required ones and at most (Infinity with a rest parameter). */
export interface ParameterRange { min: number; max: number }

/**
 * The parameter range of the signature whose text starts at its name (`pipe<A>(a: A, b?: B): A;`), read across
 * its type parameters and nested types; null when the list is not closed within the text.
 */
export function parameterRange(text: string): ParameterRange | null {
  const params = parameterTexts(text);
  if (!params) return null;
  let min = 0;
  for (const p of params) {
    if (p.startsWith('...')) return { min, max: Infinity };
    if (!/^[\p{L}\p{N}_$]+\s*\?/u.test(p) && splitTopLevel(p, '=').length === 1) min++;
  }
  return { min, max: params.length };
}

/**
 * The parameters of the signature or function type whose text starts at its name, if any (`pipe<A>(a: A, b?: B)`,
 * `(x: T) => void`), each as written, a `this:` one left out; null when the list is not closed within the text.
 */
export function parameterTexts(text: string): string[] | null {
  let i = /^[#\p{L}\p{N}_$]*\s*/u.exec(text)?.[0].length ?? 0;
  if (text[i] === '<') {
    i = pastGroup(text, i);
    if (i < 0) return null;
  }
  i += /^\s*/u.exec(text.slice(i))?.[0].length ?? 0;
  if (text[i] !== '(') return null;
  const end = pastGroup(text, i);
  if (end < 0) return null;
  return splitTopLevel(text.slice(i + 1, end - 1)).map((p) => p.trim()).filter((p) => p !== '' && !/^this\s*[:?]/u.test(p));
}

/** The type written for a parameter (`subscribe?: (x: T) => void` → `(x: T) => void`); null without one. */
export function parameterType(parameter: string): string | null {
  const parts = splitTopLevel(parameter, ':');
  return parts.length > 1 ? splitTopLevel(parts.slice(1).join(':'), '=')[0]!.trim() : null;
}

/** Whether a call with `args` arguments can match the range. */
export const accepts = (range: ParameterRange | null, args: number): boolean => range === null || (args >= range.min && args <= range.max);

/** The index just past the bracket group opening at `from` (`(`, `<`, `[`, `{`), arrows' `>` not counted; -1 if unclosed. */
function pastGroup(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '=' && text[i + 1] === '>') {
      i++;
      continue;
    }
    if (c === '(' || c === '<' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === '>' || c === ']' || c === '}') {
      if (--depth === 0) return i + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    }
  }
  return -1;
}

/** A parameter list's text split at its top-level commas (or a parameter's at its default's `=`). */
function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '=' && text[i + 1] === '>') {
      i++;
      continue;
    }
    if (c === '(' || c === '<' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === '>' || c === ']' || c === '}') depth--;
    else if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
