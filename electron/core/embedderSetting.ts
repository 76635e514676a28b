// The embedder choice is remembered per data directory, so a later command without the flag does
// not silently switch embedders (which would re-embed every row).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EmbedderSetting } from '../engine/embedders/index.js';
import { ClewFailure } from './failure.js';

const SETTING = z.union([
  z.object({ kind: z.literal('hash'), dimension: z.number().int().positive().optional() }).strict(),
  z.object({ kind: z.literal('transformers'), modelDir: z.string().min(1), pooling: z.enum(['mean', 'cls']).optional() }).strict(),
]);

const file = (dataDir: string): string => join(dataDir, 'embedder.json');

/** The explicit choice (saved for next time), else the saved one, else the offline hash embedder. */
export function resolveEmbedder(dataDir: string, explicit: EmbedderSetting | null): EmbedderSetting {
  if (explicit) {
    if (existsSync(dataDir)) writeFileSync(file(dataDir), `${JSON.stringify(explicit)}\n`);
    return explicit;
  }
  if (!existsSync(file(dataDir))) return { kind: 'hash' };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file(dataDir), 'utf8'));
  } catch (e) {
    throw new ClewFailure('BAD_REQUEST', `${file(dataDir)} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = SETTING.safeParse(raw);
  if (!parsed.success) throw new ClewFailure('BAD_REQUEST', `${file(dataDir)} is not a valid embedder setting: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
