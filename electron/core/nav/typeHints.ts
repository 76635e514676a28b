// Light local type inference from declarations as written (no type checker): the result type of a
// function from its signature, and the base classes of a class. Pure over signature text.
import { escapeRegex } from '../../base/escapeRegex.js';
import { DOTTED_PATH } from '../../base/identifiers.js';
import { parameterTexts, parameterType } from './overloads.js';

/** A type as written in a signature → the name to look up (`*pkg.T` → `pkg.T`); null for no single named type. */
function named(text: string): string | null {
  // A Go slice, array or map stands for its element (`[]*Route`): what ranging over it gives.
  const t = text.trim().replace(/^["'](.*)["']$/su, '$1').trim().replace(/^(?:\[[^\]]*\]|map\[[^\]]*\])+/u, '').replace(/^[&*]+/u, '').replace(/[<[].*$/su, '');
  return DOTTED_PATH.test(t) ? t : null;
}

/** The index just past the bracket group that opens at `from` (`(`, `[` or `<`), or -1. */
function closing(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '<' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '>' || c === '}') {
      if (text[i - 1] === '=' && c === '>') continue;
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Go: `func (r *T) Name[P any](a int) (*Engine, error)` → `Engine`. */
function goResult(signature: string): string | null {
  let at = /^func\s*/u.exec(signature)?.[0].length ?? -1;
  if (at < 0) return null;
  if (signature[at] === '(') at = closing(signature, at);
  const name = /^\s*[\p{L}\p{N}_]+\s*/u.exec(signature.slice(at));
  if (!name || at < 0) return null;
  at += name[0].length;
  if (signature[at] === '[') at = closing(signature, at);
  if (at < 0 || signature[at] !== '(') return null;
  at = closing(signature, at);
  if (at < 0) return null;
  let rest = signature.slice(at).trim().replace(/\{$/u, '').trim();
  if (rest.startsWith('(')) {
    // `(c *Context, r *Engine)` or `(*Engine, error)`: the first result, past its name.
    const first = rest.slice(1).split(',')[0]?.replace(/\)$/u, '').trim() ?? '';
    const parts = first.split(/\s+/u);
    rest = parts.length > 1 ? parts[parts.length - 1]! : first;
  }
  return named(rest);
}

/** The type a function returns, from its signature; null when not written or not one named type. */
export function returnType(signature: string, language: string | null): string | null {
  switch (language) {
    case 'go':
      return goResult(signature);
    case 'python': {
      const m = /->\s*(.+?)\s*:?\s*$/u.exec(signature);
      if (!m?.[1]) return null;
      const optional = /^(?:t\.|typing\.)?Optional\[(.+)\]$/u.exec(m[1].replace(/^["'](.*)["']$/u, '$1'));
      return named(optional?.[1] ?? m[1]);
    }
    case 'typescript':
    case 'tsx':
    case 'javascript': {
      const open = signature.indexOf('(');
      const end = open < 0 ? -1 : closing(signature, open);
      const m = end < 0 ? null : /^\s*:\s*([^{=;]+)/u.exec(signature.slice(end));
      return m?.[1] ? named(m[1].trim().replace(/^Promise<(.+)>$/u, '$1')) : null;
    }
    case 'java': {
      const m = /([\p{L}_$][\p{L}\p{N}_$.]*)(?:<[^>]*>)?\s+[\p{L}_$][\p{L}\p{N}_$]*\s*\(/u.exec(signature);
      return m?.[1] ? named(m[1]) : null;
    }
    case 'c':
    case 'cpp': {
      // `static inline Length length_add(…)`, `Status DBImpl::Get(…) const`, `Iterator* NewIterator(…)`: the named type before the name.
      const m = /^(?:(?:static|inline|virtual|explicit|extern|constexpr|friend|const)\s+)*(?:struct\s+|class\s+)?(?:[\p{L}_][\p{L}\p{N}_]*::)*([\p{L}_][\p{L}\p{N}_]*)(?:<[^()]*>)?[\s*&]+(?:[\p{L}_][\p{L}\p{N}_]*::)*~?[\p{L}_][\p{L}\p{N}_]*\s*\(/u.exec(signature.trim());
      return m?.[1] ? named(m[1]) : null;
    }
    default:
      return null;
  }
}

/** The classes a class extends, as written in its signature (Python bases, `extends`). */
export function baseNames(signature: string, language: string | null): string[] {
  if (language === 'python') {
    const m = /^class\s+[\p{L}\p{N}_]+\s*(?:\[[^\]]*\])?\s*\((.*)\)\s*:?\s*$/u.exec(signature.trim());
    if (!m?.[1]) return [];
    return m[1].split(',').filter((b) => !b.includes('=')).flatMap((b) => named(b) ?? []);
  }
  if (language === 'cpp') {
    // `class DBImpl : public DB, private Other<T>`: each base's last name.
    const bases = /^(?:class|struct)\s+[^:{]*?:(?!:)\s*([^{]+)/u.exec(signature.trim())?.[1];
    return (bases ?? '').split(',').flatMap((b) => /(?:^|::|\s)([\p{L}_][\p{L}\p{N}_]*)\s*(?:<.*)?$/u.exec(b.trim())?.[1] ?? []);
  }
  const m = /\bextends\s+([\p{L}_$][\p{L}\p{N}_$.]*)/u.exec(signature);
  return m?.[1] ? [m[1]] : [];
}

/** Go: an embedded field's type (`*RouterGroup`, `pkg.Base`), from a field symbol named after it; null for a named field. */
export function embeddedType(field: { name: string; signature: string }): string | null {
  const type = field.signature.replace(/`[^`]*`\s*$/u, '').replace(/\/\/.*$/u, '').trim().replace(/^\*/u, '');
  return type === field.name || type.endsWith(`.${field.name}`) ? type : null;
}

/** Go: the named type a defined type or alias is made from (`type CounterOpts Opts`, `type A = pkg.B`); null otherwise. */
export function goUnderlyingType(signature: string): string | null {
  const m = /^type\s+[\p{L}\p{N}_]+(?:\[[^\]]*\])?\s*=?\s*(\S+)\s*$/u.exec(signature.trim());
  return m?.[1] && !/^(?:struct|interface|func|chan|map|\[)/u.test(m[1]) ? named(m[1]) : null;
}

/**
 * TypeScript: what parameter `param` of a function passed as argument `arg` is typed by the callee's signature
 * (`constructor(subscribe?: (this: Observable<T>, subscriber: Subscriber<T>) => TeardownLogic)`, 0, 0 → `Subscriber`);
 * null when that argument's type is no function type or the parameter's is no single named type.
 */
export function callbackParameterType(signature: string, name: string, arg: number, param: number): string | null {
  const at = new RegExp(`(?:^|[^\\p{L}\\p{N}_$])${escapeRegex(name)}\\s*[<(]`, 'u').exec(signature);
  const parameters = at ? parameterTexts(signature.slice(at.index + at[0].indexOf(name))) : null;
  const declared = parameters?.[arg];
  let fnType = declared ? parameterType(declared) : null;
  if (!fnType) return null;
  // `((x: T) => void) | undefined`: the function type inside.
  fnType = fnType.replace(/\s*\|\s*(?:null|undefined)\s*$/u, '').replace(/^\((\s*(?:<[^>]*>\s*)?\(.*\)\s*=>.*)\)$/su, '$1');
  if (!/=>/u.test(fnType)) return null;
  const inner = parameterTexts(fnType)?.[param];
  const type = inner ? parameterType(inner) : null;
  return type ? named(type) : null;
}
