// TOML through smol-toml, with its multi-line error text cut to one line plus position.
import { parse, TomlError } from 'smol-toml';
import type { ManifestCollector } from './collector.js';
import { errorMessage } from './values.js';

/** The document, or null after recording why it could not be read. */
export function readToml(text: string, out: ManifestCollector): Record<string, unknown> | null {
  try {
    return parse(text);
  } catch (error) {
    const firstLine = errorMessage(error).split('\n')[0] ?? '';
    const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : '';
    out.fail(`${firstLine}${where}`);
    return null;
  }
}
