// Splits identifiers into their parts so `parse config` finds parseConfig, parse_config and PARSE_CONFIG.

const WORD = /[A-Za-z0-9_$]+/g;

/** A name or a dotted path of names (`a`, `self.app.config`), as receivers and type hints are written. */
export const DOTTED_PATH = /^[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;

/** Parts of one identifier: `parseHTTPConfig2` → [parse, http, config2]; `parse_config` → [parse, config]. */
export function identifierParts(identifier: string): string[] {
  const parts: string[] = [];
  for (const piece of identifier.split(/[_$\-.]+/)) {
    if (!piece) continue;
    const re = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(piece)) !== null) parts.push(m[0].toLowerCase());
  }
  return parts;
}

/** The identifier itself plus its parts, lower-cased and de-duplicated: the words a symbol is found by. */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    words.add(m[0].toLowerCase());
    for (const part of identifierParts(m[0])) words.add(part);
  }
  return [...words];
}

/** Query text → the terms a person meant: `parseConfig` → [parseconfig], `parse config` → [parse, config]. */
export function queryTerms(query: string): string[] {
  return query.split(/\s+/).map((t) => t.trim()).filter((t) => t.length > 0);
}
