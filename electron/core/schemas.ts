// Payloads arrive as unknown at every boundary and are parsed here; nothing unparsed reaches a handler.
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { InvokeChannel, Req } from '../../shared/contract.js';
import { ENTRY_KINDS, SEARCH_MODES, SYMBOL_KINDS } from '../../shared/types.js';
import { SETTINGS_PATCH } from './settingsFile.js';

const text = (max: number) => z.string().max(max);
const repoRef = z.string().min(1).max(4096);
const empty = z.object({}).strict();
const modelId = z.string().min(1).max(200);

/** Control characters (tab and line breaks aside) mean nothing in a query, and a NUL cuts SQLite's FTS strings short. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** A query's text: refused, naming the character, when it holds a control character. */
const queryText = (max: number) => z.string().min(1).max(max).superRefine((query, ctx) => {
  const found = CONTROL.exec(query)?.[0];
  if (found === undefined) return;
  const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  ctx.addIssue({ code: 'custom', message: `the query contains the control character ${code}; remove it and search again` });
});

const NAV_POSITION = z.object({ repo: repoRef, path: z.string().min(1).max(4096), line: z.number().int().min(1).max(100_000_000), column: z.number().int().min(1).max(100_000_000) }).strict();
// Depth is clamped by the handler (at most 6), so an agent asking for 100 gets the deepest tree allowed, not an error.
const NAV_SYMBOL = z.object({ repo: repoRef, fqn: z.string().min(1).max(4000), depth: z.number().int().min(0).max(1000).optional() }).strict();

export const REQUEST_SCHEMAS = {
  'repo:index': z.object({ path: z.string().min(1).max(4096), maxFileBytes: z.number().int().positive().max(1024 * 1024 * 1024).optional() }).strict(),
  'repo:list': empty,
  'search:query': z.object({
    query: queryText(2000),
    mode: z.enum(SEARCH_MODES).optional(),
    repo: repoRef.optional(),
    lang: text(40).optional(),
    path: text(1000).optional(),
    kind: z.enum(SYMBOL_KINDS).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    files: z.boolean().optional(),
    caseSensitive: z.boolean().optional(),
    wholeWord: z.boolean().optional(),
  }).strict(),
  'symbols:list': z.object({ repo: repoRef, kind: z.enum(SYMBOL_KINDS).optional(), limit: z.number().int().min(1).max(1_000_000).optional() }).strict(),
  'entrypoints:list': z.object({ repo: repoRef, kind: z.enum(ENTRY_KINDS).optional(), includeTests: z.boolean().optional() }).strict(),
  'deps:list': z.object({ repo: repoRef, symbol: text(4000).optional(), includeTests: z.boolean().optional() }).strict(),
  'deps:symbol': z.object({ repo: repoRef, fqn: z.string().min(1).max(4000) }).strict(),
  'note:add': z.object({ fqn: z.string().min(1).max(4000), text: z.string().min(1).max(100_000), repo: repoRef.optional() }).strict(),
  'note:list': z.object({ repo: repoRef.optional() }).strict(),
  'status:get': empty,
  'sync:repair': z.object({ dryRun: z.boolean().optional() }).strict(),
  'sync:failed': z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  'sync:retry': empty,
  'sync:wait': z.object({ timeoutMs: z.number().int().min(0).max(24 * 3600_000).optional() }).strict(),
  'repo:remove': z.object({ repo: repoRef }).strict(),
  'repo:issues': z.object({ repo: repoRef }).strict(),
  'file:read': z.object({ repo: repoRef, path: z.string().min(1).max(4096) }).strict(),
  'file:outline': z.object({ repo: repoRef, path: z.string().min(1).max(4096) }).strict(),
  'quickopen:query': z.object({ query: queryText(500), repo: repoRef.optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
  'note:update': z.object({ id: z.number().int().positive(), text: z.string().min(1).max(100_000) }).strict(),
  'note:delete': z.object({ id: z.number().int().positive() }).strict(),
  'settings:get': empty,
  'settings:set': SETTINGS_PATCH,
  'repo:watch': z.object({ repo: repoRef, on: z.boolean() }).strict(),
  'repo:pause': z.object({ repo: repoRef }).strict(),
  'repo:resume': z.object({ repo: repoRef }).strict(),
  'repo:cancel': z.object({ repo: repoRef }).strict(),
  'sync:pause': empty,
  'sync:resume': empty,
  'nav:def': NAV_POSITION,
  'nav:refs': z.object({ repo: repoRef, fqn: z.string().min(1).max(4000).optional(), position: NAV_POSITION.optional(), limit: z.number().int().min(1).max(1_000_000).optional() })
    .strict().refine((r) => (r.fqn === undefined) !== (r.position === undefined), { message: 'give either fqn or position' }),
  'nav:callers': NAV_SYMBOL,
  'nav:callees': NAV_SYMBOL,
  'nav:flow': z.object({ repo: repoRef, entry: z.string().min(1).max(4000), depth: z.number().int().min(0).max(1000).optional() }).strict(),
  'nav:tree': z.object({ repo: repoRef, path: z.string().max(4096).optional(), from: z.string().max(4096).optional() }).strict(),
  'models:list': empty,
  'models:download': z.object({ id: modelId }).strict(),
  'models:cancel': z.object({ id: modelId }).strict(),
  'models:use': z.object({ id: modelId, modelDir: z.string().min(1).max(4096).refine(isAbsolute, 'modelDir must be an absolute folder path').optional(), kind: z.enum(['static', 'transformers']).optional() }).strict(),
} as const satisfies { [C in InvokeChannel]: z.ZodType<Req<C>> };

export function parseRequest<C extends InvokeChannel>(channel: C, payload: unknown): { ok: true; value: Req<C> } | { ok: false; message: string } {
  const schema: z.ZodType<Req<C>> | undefined = (REQUEST_SCHEMAS as Record<string, z.ZodType<Req<C>>>)[channel];
  if (!schema) return { ok: false, message: `unknown channel ${String(channel)}` };
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') };
}
