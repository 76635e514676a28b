// Keywords nearly every snippet contains: weighed down so they do not make unrelated code look alike.
export const CODE_STOPWORDS: ReadonlySet<string> = new Set([
  'const', 'let', 'var', 'function', 'return', 'if', 'else', 'for', 'while', 'do', 'import', 'from', 'export', 'default',
  'class', 'new', 'this', 'self', 'def', 'public', 'private', 'protected', 'static', 'void', 'async', 'await', 'true',
  'false', 'null', 'none', 'nil', 'undefined', 'in', 'of', 'is', 'the', 'a', 'an', 'and', 'or', 'not', 'to', 'fn', 'pub',
  'func', 'package', 'use', 'mut', 'end', 'then', 'try', 'catch', 'throw', 'throws', 'final', 'type', 'interface',
]);
