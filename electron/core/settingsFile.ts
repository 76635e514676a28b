// settings.json: validated field by field, so one bad value costs only that value; reading never
// throws (a bad file must not stop the app), writing is atomic (temp file + rename).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Settings } from '../../shared/types.js';
import { DEFAULT_MODEL_ENDPOINT } from '../../shared/models.js';
import { settingsFile } from './dataDir.js';
import { ClewFailure } from '../base/failure.js';
import { parseJson } from './jsonPosition.js';

export const DEFAULT_SETTINGS: Settings = {
  maxFileBytes: 1024 * 1024,
  extraIgnores: [],
  languages: null,
  embedder: { kind: 'hash' },
  chromaUrl: null,
  watch: true,
  modelEndpoint: DEFAULT_MODEL_ENDPOINT,
};

const MAX_SETTINGS_BYTES = 256 * 1024;

const PREFIXES = { queryPrefix: z.string().max(500).optional(), documentPrefix: z.string().max(500).optional() };

const EMBEDDER = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hash'), dimension: z.number().int().min(8).max(4096).optional() }).strict(),
  z.object({
    kind: z.literal('transformers'),
    modelDir: z.string().min(1).refine(isAbsolute, 'modelDir must be an absolute folder path'),
    pooling: z.enum(['mean', 'cls']).optional(),
    ...PREFIXES,
  }).strict(),
  z.object({ kind: z.literal('static'), modelDir: z.string().min(1).refine(isAbsolute, 'modelDir must be an absolute folder path'), ...PREFIXES }).strict(),
]);

export const SETTING_FIELDS = {
  maxFileBytes: z.number().int().min(1, 'must be at least 1 byte').max(1024 ** 3, 'must be at most 1 GiB'),
  extraIgnores: z.array(z.string().trim().min(1, 'a pattern cannot be empty').max(1000)).max(500),
  languages: z.array(z.enum(LANGUAGES)).min(1, 'list at least one language, or use null for all').nullable(),
  embedder: EMBEDDER,
  chromaUrl: z.string().regex(/^https?:\/\/[^/\s]+\/?$/, 'must look like http://host:port').transform((u) => u.replace(/\/$/, '')).nullable(),
  watch: z.boolean(),
  modelEndpoint: z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must look like https://huggingface.co').transform((u) => u.replace(/\/+$/, '')),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

/** A change sent by the UI: any subset of the fields, nothing else. */
export const SETTINGS_PATCH = z.object(SETTING_FIELDS).partial().strict();

export interface LoadedSettings {
  settings: Settings;
  /** What was wrong with the file; null when every field was usable. */
  error: string | null;
}

const describeIssue = (issue: z.core.$ZodIssue): string => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;

/** Merges whatever a raw object holds that is valid; every invalid or unknown key is named in the error. */
export function parseSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): LoadedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: { ...base }, error: 'must be a JSON object' };
  const settings: Record<string, unknown> = { ...base };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = (SETTING_FIELDS as Record<string, z.ZodType>)[key];
    if (!field) {
      problems.push(`unknown setting "${key}" (known: ${Object.keys(SETTING_FIELDS).join(', ')})`);
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) settings[key] = parsed.data;
    else problems.push(`${key}: ${parsed.error.issues.map(describeIssue).join(', ')}`);
  }
  return { settings: settings as unknown as Settings, error: problems.length ? problems.join('; ') : null };
}

/** The file's settings; before settings.json existed the embedder choice lived in embedder.json, so that is folded in. */
export function readSettings(dataDir: string): LoadedSettings {
  const file = settingsFile(dataDir);
  const legacy = readLegacyEmbedder(dataDir);
  const base: Settings = { ...DEFAULT_SETTINGS, ...(legacy.embedder ? { embedder: legacy.embedder } : {}) };
  if (!existsSync(file)) return { settings: base, error: legacy.error };
  let raw: unknown;
  try {
    if (statSync(file).size > MAX_SETTINGS_BYTES) return { settings: base, error: `${file} is larger than ${MAX_SETTINGS_BYTES / 1024} KiB; using defaults` };
    raw = parseJson(readFileSync(file, 'utf8'));
  } catch (e) {
    return { settings: base, error: `${file} ${e instanceof Error ? e.message : String(e)}; using defaults` };
  }
  const parsed = parseSettings(raw, base);
  return { settings: parsed.settings, error: parsed.error && `${file}: ${parsed.error}; using defaults for ${parsed.error.includes(';') ? 'those' : 'that'}` };
}

function readLegacyEmbedder(dataDir: string): { embedder: Settings['embedder'] | null; error: string | null } {
  const file = join(dataDir, 'embedder.json');
  if (!existsSync(file)) return { embedder: null, error: null };
  try {
    const parsed = EMBEDDER.safeParse(parseJson(readFileSync(file, 'utf8')));
    if (parsed.success) return { embedder: parsed.data, error: null };
    return { embedder: null, error: `${file}: ${parsed.error.issues.map(describeIssue).join(', ')}; using the hash embedder` };
  } catch (e) {
    return { embedder: null, error: `${file} ${e instanceof Error ? e.message : String(e)}; using the hash embedder` };
  }
}

/** Writes the whole file atomically (a crash or a full disk leaves the old file whole) and retires embedder.json. */
export function writeSettings(dataDir: string, settings: Settings): void {
  const file = settingsFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`);
    renameSync(temp, file);
  } catch (e) {
    try { unlinkSync(temp); } catch { /* never written */ }
    throw ClewFailure.fromSystem(e, `cannot save ${file}`);
  }
  try { unlinkSync(join(dataDir, 'embedder.json')); } catch { /* not there */ }
}

/**
 * `--embedder-model DIR` is remembered (unlike other flags): a later command without it must not
 * silently switch embedders, which would re-embed every row. A broken file is left for the person to fix.
 */
export function rememberEmbedder(dataDir: string, embedder: Settings['embedder']): Settings['embedder'] {
  const loaded = readSettings(dataDir);
  if (loaded.error && existsSync(settingsFile(dataDir))) return embedder;
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw ClewFailure.fromSystem(e, `cannot create data directory ${dataDir}`);
  }
  writeSettings(dataDir, { ...loaded.settings, embedder });
  return embedder;
}
