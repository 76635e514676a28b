// One PEP 508 requirement string (`name[extra]>=1,<2; python_version<"3.8"`) → name and version specifier.

export interface Requirement {
  name: string;
  /** The specifier as written without spaces (`==1.2`, `>=1,<2`), or null when none. */
  version: string | null;
}

const NAME_AND_REST = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/s;
const SPECIFIER = /^(?:(?:===|==|!=|~=|<=|>=|<|>)\s*[^\s,;]+\s*)(?:,\s*(?:===|==|!=|~=|<=|>=|<|>)\s*[^\s,;]+\s*)*$/;

/** Null when the text is not a named requirement (a path, a URL, an option or garbage). */
export function parseRequirement(text: string): Requirement | null {
  // Environment markers only narrow where it applies; they never change what is declared.
  const withoutMarker = (text.split(';')[0] ?? '').trim();
  const match = NAME_AND_REST.exec(withoutMarker);
  if (match === null) return null;
  const name = match[1] ?? '';
  const rest = (match[2] ?? '').trim();
  if (rest === '') return { name, version: null };
  // A direct reference (`name @ https://…`) names the package but pins no version.
  if (rest.startsWith('@')) return { name, version: null };
  const specifier = rest.startsWith('(') && rest.endsWith(')') ? rest.slice(1, -1).trim() : rest;
  if (!SPECIFIER.test(specifier)) return null;
  return { name, version: specifier.replace(/\s+/g, '') };
}
