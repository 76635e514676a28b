// Code-like texts the size of Clew's units and a WordPiece vocabulary of a given size for them: the inputs of the
// embedding benchmarks (static and transformer), deterministic from a seed.
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = [
  'user', 'order', 'invoice', 'payment', 'cart', 'product', 'session', 'token', 'config', 'router', 'request', 'response',
  'handler', 'error', 'context', 'value', 'result', 'list', 'map', 'string', 'file', 'path', 'read', 'write', 'parse', 'load',
  'save', 'update', 'remove', 'find', 'get', 'set', 'new', 'create', 'delete', 'validate', 'render', 'cookie', 'header', 'body',
  'json', 'http', 'server', 'client', 'cache', 'key', 'index', 'count', 'total', 'item', 'name', 'id', 'type', 'data', 'query',
  'return', 'public', 'private', 'static', 'class', 'def', 'func', 'function', 'const', 'let', 'var', 'if', 'else', 'for', 'while',
  'self', 'this', 'null', 'none', 'true', 'false', 'import', 'from', 'package', 'int', 'long', 'bool', 'void', 'async', 'await',
];

// Whole words any real English/code vocabulary has (BERT's has ~20k words): without them prose and keywords split into letters.
const COMMON = ['the', 'of', 'a', 'an', 'and', 'it', 'is', 'to', 'in', 'export', 'src', 'ts', 'js', 'py', 'go', 'java', '##ts', '##s', '##ed', '##ing', '##er'];

/** `size` WordPiece entries (no special tokens): characters, code words and their continuations, then syllable pieces. */
export function codeVocabulary(size: number): string[] {
  const out = new Set<string>();
  for (let c = 33; c < 127; c++) out.add(String.fromCharCode(c));
  for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') out.add(`##${c}`);
  for (const w of WORDS) out.add(w).add(`##${w}`);
  for (const w of COMMON) out.add(w);
  const consonants = 'bcdfghjklmnprstvwxz';
  const vowels = 'aeiou';
  const next = rng(7);
  while (out.size < size) {
    const len = 1 + Math.floor(next() * 3);
    let piece = '';
    for (let i = 0; i < len; i++) piece += consonants[Math.floor(next() * consonants.length)]! + vowels[Math.floor(next() * vowels.length)]!;
    if (next() < 0.5) piece += consonants[Math.floor(next() * consonants.length)]!;
    out.add(next() < 0.6 ? `##${piece}` : piece);
  }
  return [...out].slice(0, size);
}

/** A code-like unit of 200–900 characters: a path, a doc line, a signature and a body of statements. */
export function unitText(i: number, next: () => number): string {
  const pick = (): string => WORDS[Math.floor(next() * WORDS.length)]!;
  const ident = (): string => `${pick()}${pick()[0]!.toUpperCase()}${pick().slice(1)}${next() < 0.3 ? Math.floor(next() * 100) : ''}`;
  const lines = [`src/${pick()}/${ident()}.ts`, `/** ${pick()} the ${pick()} of a ${pick()} and ${pick()} it. */`, `export function ${ident()}(${ident()}: ${pick()}, ${ident()}) {`];
  const statements = 3 + Math.floor(next() * 12);
  for (let s = 0; s < statements; s++) lines.push(`  const ${ident()} = ${ident()}.${ident()}(${ident()}, "${pick()}-${i % 97}");`);
  lines.push(`  return ${ident()};`, '}');
  return lines.join('\n');
}

export function unitTexts(count: number, seed = 42): string[] {
  const next = rng(seed);
  return Array.from({ length: count }, (_, i) => unitText(i, next));
}
