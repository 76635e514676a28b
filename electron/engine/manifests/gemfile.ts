// Gemfile: `gem` declarations with their literal version constraints, scoped by `group` blocks and `group:` options.
// Read from tokens, never evaluated: computed versions come out as null, and `eval_gemfile`, `gemspec` (the gemspec
// is read on its own), gems added by loops over other files and anything Bundler would import are not followed.
import { ManifestCollector } from './collector.js';
import { callArguments, hashPair, isName, isPunct, literalNames, literalStrings } from './rubyArgs.js';
import type { RubyToken } from './rubyTokens.js';
import { rubyStatements } from './rubyTokens.js';
import type { ManifestResult, PackageScope } from './types.js';

// Keywords that open a block closed by `end` when they start a statement or follow `=` (`x = if …`), not as modifiers.
const OPENERS = new Set(['if', 'unless', 'while', 'until', 'case', 'begin', 'def', 'class', 'module', 'for']);
// Loops whose optional `do` belongs to the loop itself rather than opening a second block.
const LOOPS = new Set(['while', 'until', 'for']);

export function parseGemfile(relPath: string, text: string): ManifestResult {
  const out = new ManifestCollector(relPath, 'rubygems');
  // One entry per open block: the groups a `group … do` block adds, none for any other block.
  const blocks: string[][] = [];
  for (const statement of rubyStatements(text)) {
    if (isName(statement[0], 'gem')) readGem(out, statement, blocks.flat());
    trackBlocks(statement, blocks);
  }
  return out.result();
}

function readGem(out: ManifestCollector, statement: readonly RubyToken[], blockGroups: string[]): void {
  const [first, ...rest] = callArguments(statement, 1);
  const name = first === undefined ? null : literalStrings(first);
  // `gem name_from_a_variable`: nothing to read.
  if (name === null || name.length !== 1 || name[0] === undefined) return;
  const constraints: string[] = [];
  let computed = false;
  const groups = [...blockGroups];
  for (const arg of rest) {
    const pair = hashPair(arg);
    if (pair === null) {
      const values = literalStrings(arg);
      if (values === null) computed = true;
      else constraints.push(...values);
    } else if (pair.key === 'group' || pair.key === 'groups') groups.push(...(literalNames(pair.value) ?? []));
  }
  // A constraint chosen at run time (`RUBY_VERSION < '3' ? '~> 1' : '~> 2'`) cannot be written down faithfully.
  const version = computed || constraints.length === 0 ? null : constraints.join(', ');
  out.addPackage(name[0], version, scopeOf(groups));
}

/** Only development and test groups are left out of a production install; every other group is installed by default. */
export function scopeOf(groups: readonly string[]): PackageScope {
  if (groups.length === 0) return 'runtime';
  if (groups.every((group) => group === 'test')) return 'test';
  return groups.every((group) => group === 'development' || group === 'test') ? 'dev' : 'runtime';
}

/** Follows `do`/`end` and keyword blocks so a `group` block's groups apply exactly up to its `end`. */
function trackBlocks(statement: readonly RubyToken[], blocks: string[][]): void {
  const isGroup = isName(statement[0], 'group');
  let loopDo = false;
  let groupOpened = false;
  statement.forEach((token, index) => {
    if (token.kind !== 'name') return;
    const previous = statement[index - 1];
    // `foo.end`, `x.class`: method calls, not keywords.
    if (isPunct(previous, '.') || isPunct(previous, '&.') || isPunct(previous, '::')) return;
    if (token.value === 'end') blocks.pop();
    else if (token.value === 'do') {
      if (loopDo) loopDo = false;
      else blocks.push(isGroup && !groupOpened ? groupNames(statement, index) : []);
      groupOpened ||= isGroup;
    } else if (OPENERS.has(token.value) && (index === 0 || isPunct(previous, '=') || isPunct(previous, '('))) {
      blocks.push([]);
      loopDo = LOOPS.has(token.value);
    }
  });
}

/** `group :development, :test do` → ['development', 'test']; options such as `optional: true` are skipped. */
function groupNames(statement: readonly RubyToken[], doIndex: number): string[] {
  const names: string[] = [];
  for (const arg of callArguments(statement.slice(0, doIndex), 1)) {
    if (hashPair(arg) === null) names.push(...(literalNames(arg) ?? []));
  }
  return names;
}
