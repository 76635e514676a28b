// Which `#ifdef` branch a C or C++ definition sits in, read off the lines above it, and whether the default build
// leaves that branch out: a name no file of the repo defines is taken as undefined (an option the build did not turn on:
// `XML_UNICODE`, `_WIN32`), except the compiler's own on the platform Clew reads code for (GCC or Clang on Linux). Only
// simple conditions are judged (`#ifdef X`, `#ifndef X`, `#if X`, `#if defined(X)`, `#if !defined(X)`); anything else,
// and a header guard, counts as compiled.

/** How far up the enclosing `#if` is looked for. */
const MAX_LINES_UP = 400;
/** Defined by the compilers and the platform a default build uses. */
const COMPILER_DEFINES = new Set(['__GNUC__', '__clang__', '__linux__', '__linux', 'linux', '__unix__', '__unix', 'unix', '__STDC__', '__STDC_VERSION__',
  '__x86_64__', '__LP64__', '__ELF__', '__cplusplus', '_GNU_SOURCE']);

const DIRECTIVE = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif|define)\b\s*(.*)$/u;
const SIMPLE_IF = /^(!)?\s*(?:defined\s*\(\s*([A-Za-z_]\w*)\s*\)|defined\s+([A-Za-z_]\w*)|([A-Za-z_]\w*))\s*(?:\/\/.*|\/\*.*)?$/u;

/**
 * Whether the definition starting at `line` is in a branch a default build leaves out. `lineText` reads the file's lines
 * (1-based, null past the file); `isDefined` says whether the repo `#define`s a name anywhere.
 */
export function leftOutByDefault(line: number, lineText: (line: number) => string | null, isDefined: (name: string) => boolean): boolean {
  let depth = 0;
  let inElse = false;
  for (let at = line - 1; at >= Math.max(1, line - MAX_LINES_UP); at--) {
    const m = DIRECTIVE.exec(lineText(at) ?? '');
    if (!m) continue;
    const [, directive, rest = ''] = m;
    if (directive === 'endif') depth++;
    else if ((directive === 'else' || directive === 'elif') && depth === 0) {
      // An `#elif` chain is not judged: which of several branches a build takes needs its whole condition.
      if (directive === 'elif' || inElse) return false;
      inElse = true;
    } else if (directive === 'if' || directive === 'ifdef' || directive === 'ifndef') {
      if (depth > 0) {
        depth--;
        continue;
      }
      // `#if 0`: code switched off by hand.
      if (directive === 'if' && /^0\s*(?:\/\/.*|\/\*.*)?$/u.test(rest.trim())) return !inElse;
      const condition = simpleCondition(directive, rest.trim());
      if (!condition) return false;
      // `#ifndef GUARD_H` + `#define GUARD_H`: the file's own guard, always compiled.
      if (condition.negated && new RegExp(`^\\s*#\\s*define\\s+${condition.name}\\b`, 'u').test(lineText(at + 1) ?? '')) return false;
      const defined = COMPILER_DEFINES.has(condition.name) || isDefined(condition.name);
      const taken = condition.negated ? !defined : defined;
      return inElse ? taken : !taken;
    }
  }
  return false;
}

function simpleCondition(directive: string, rest: string): { name: string; negated: boolean } | null {
  if (directive === 'ifdef' || directive === 'ifndef') {
    const name = /^([A-Za-z_]\w*)/u.exec(rest)?.[1];
    return name ? { name, negated: directive === 'ifndef' } : null;
  }
  const m = SIMPLE_IF.exec(rest);
  const name = m?.[2] ?? m?.[3] ?? m?.[4];
  // `#if 0` / `#if 1` and numeric tests are not names; `#if X` of a defined X is taken as true.
  return name ? { name, negated: m?.[1] === '!' } : null;
}
