// *.gemspec: `add_dependency` / `add_runtime_dependency` / `add_development_dependency` on any receiver, and
// `executables` (under `bindir`, default `bin`). Read from tokens, never evaluated: computed versions come out as
// null, and executables computed from the file list (`spec.files.grep(%r{^exe/}) { … }`) are not read.
import { ManifestCollector } from './collector.js';
import { callArguments, hashPair, isName, isPunct, literalStrings } from './rubyArgs.js';
import type { RubyToken } from './rubyTokens.js';
import { rubyStatements } from './rubyTokens.js';
import type { ManifestResult, PackageScope } from './types.js';

const METHODS = new Map<string, PackageScope>([
  ['add_dependency', 'runtime'],
  ['add_runtime_dependency', 'runtime'],
  ['add_development_dependency', 'dev'],
]);

export function parseGemspec(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'rubygems');
  // Generated gemspecs repeat every dependency in an `else` branch for old RubyGems: the first declaration wins.
  const seen = new Set<string>();
  const executables: string[] = [];
  let bindir = 'bin';
  for (const statement of rubyStatements(text)) {
    const method = receiverCall(statement);
    if (method === null) continue;
    const scope = METHODS.get(method);
    if (scope !== undefined) readDependency(out, statement, scope, seen);
    else if (method === 'executables') executables.push(...(assignedStrings(statement) ?? []));
    else if (method === 'bindir') bindir = assignedStrings(statement)?.[0] ?? bindir;
  }
  // Assignments may come in any order: targets are resolved once `bindir` is known.
  for (const name of executables) out.addMain(name, `${bindir}/${name}`);
  return out.result();
}

/** The method of a statement shaped `receiver.method …`, else null. */
function receiverCall(statement: readonly RubyToken[]): string | null {
  const [receiver, dot, method] = statement;
  if (receiver?.kind !== 'name' || !isPunct(dot, '.') || method?.kind !== 'name') return null;
  return method.value;
}

function readDependency(out: ManifestCollector, statement: readonly RubyToken[], scope: PackageScope, seen: Set<string>): void {
  const [first, ...rest] = callArguments(statement, 3);
  const name = first === undefined ? null : literalStrings(first);
  if (name === null || name.length !== 1 || name[0] === undefined || seen.has(name[0])) return;
  seen.add(name[0]);
  const constraints: string[] = [];
  let computed = false;
  for (const arg of rest) {
    if (hashPair(arg) !== null) continue;
    const values = literalStrings(arg);
    if (values === null) computed = true;
    else constraints.push(...values);
  }
  out.addPackage(name[0], computed || constraints.length === 0 ? null : constraints.join(', '), scope);
}

/** `spec.x = 'a'`, `spec.x = ['a', 'b']`, `spec.x = %w[a b]` or `spec.x << 'a'`; null when computed. */
function assignedStrings(statement: readonly RubyToken[]): string[] | null {
  const operator = statement[3];
  if (!isPunct(operator, '=') && !isPunct(operator, '<<')) return null;
  const value = statement.slice(4);
  // A trailing modifier (`if s.respond_to? …`) is not part of the value.
  const end = value.findIndex((token) => isName(token, 'if') || isName(token, 'unless'));
  return literalStrings(end < 0 ? value : value.slice(0, end));
}
