// A JSON manifest's top-level object, or null after recording why it could not be read.
import type { ManifestCollector } from './collector.js';
import { errorMessage, isRecord } from './values.js';

export function readJsonObject(text: string, out: ManifestCollector, fileName: string): Record<string, unknown> | null {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    out.fail(`invalid JSON: ${errorMessage(error)}`);
    return null;
  }
  if (!isRecord(json)) {
    out.fail(`${fileName} is not a JSON object`);
    return null;
  }
  return json;
}
