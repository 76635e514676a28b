#!/usr/bin/env node
// `clew`: the Backend's command-line host. Output on stdout (JSON with --json), one error line on stderr.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { InvokeChannel, Req, Res } from '../shared/contract.js';
import { Backend } from './core/backend.js';
import { defaultDataDir } from './core/dataDir.js';
import { embedderProblem } from './core/embedderCheck.js';
import { rememberEmbedder } from './core/settingsFile.js';
import { describeNotesCopyReset, describeRecovery } from './core/recovery.js';
import { ClewFailure, toClewError } from './core/failure.js';
import { serveCommand } from './serve.js';
import { CONTROL_COMMANDS, controlCommand, formatControl } from './cliControl.js';
import { SEARCH_MODES, type SearchMode } from '../shared/types.js';
import { escapeControls, printable } from './cliEscape.js';
import { formatDeps, formatEntryPoints, formatIndex, formatNotes, formatRepair, formatSearch, formatStatus, formatSymbols, formatSyncWait } from './cliFormat.js';

const USAGE = `usage: clew [--data-dir DIR] [--json] [--chroma-url URL | --no-sync] [--embedder-model DIR] <command>
  index <path> [--max-file-bytes N] [--wait-sync]   index (or re-index) a folder; --wait-sync waits until every vector is synced
  search <query> [--mode keyword|symbol|regex|semantic|hybrid] [--repo R] [--lang L] [--path GLOB] [--kind K] [--limit N]
  symbols <repo> [--kind K]               list symbols
  entrypoints <repo> [--kind K]           HTTP routes, scheduled jobs, listeners, mains
  deps <repo> [--symbol FQN]              external calls and declared packages
  note add <fqn> <text> [--repo R]        attach a note to a symbol
  note list [<repo>]                      list notes (current, stale, detached)
  status                                  repos, counts, sync state and the vector server
  repair [--dry-run]                      diff SQLite with the vector store, fix orphans/missing/stale, rebuild if broken
  serve [--port N]                        the UI in a browser on 127.0.0.1: prints a URL with a per-run token
  pause <repo> | --sync                   pause a repo's watching and indexing, or all vector sync (kept across restarts)
  resume <repo> | --sync                  resume it (the app catches up with what changed meanwhile)
  watch <repo> on|off                     follow the repo's file changes while the app or clew serve runs`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  mode: { type: 'string' },
  repo: { type: 'string' },
  lang: { type: 'string' },
  path: { type: 'string' },
  kind: { type: 'string' },
  limit: { type: 'string' },
  symbol: { type: 'string' },
  'max-file-bytes': { type: 'string' },
  port: { type: 'string' },
  'chroma-url': { type: 'string' },
  'no-sync': { type: 'boolean', default: false },
  'embedder-model': { type: 'string' },
  'wait-sync': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  sync: { type: 'boolean', default: false },
} as const;

// A CLI run is short: before a repair it lets the queue catch up first.
const CATCH_UP_MS = 120_000;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  progress?: ((text: string) => void) | undefined;
}

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ClewFailure('BAD_REQUEST', `--${name} must be a positive whole number, got "${value}"`);
  return Number(value);
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new ClewFailure('BAD_REQUEST', `missing ${what}\n${USAGE}`);
  return value;
}

async function call<C extends InvokeChannel>(backend: Backend, channel: C, req: Req<C>): Promise<Res<C>> {
  const result = await backend.invoke(channel, req);
  if (!result.ok) throw new ClewFailure(result.error.code, result.error.message);
  return result.value;
}

/** Runs one command; returns the exit code. Exported so tests can drive it in-process. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let json = argv.includes('--json');
  let backend: Backend | null = null;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    json = values.json;
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    const dataDir = values['data-dir'] ?? defaultDataDir();
    // Searches of every mode are reads: semantic and hybrid use the writer's vector server, or start their own.
    const writes = command === 'index' || command === 'repair' || (command === 'note' && rest[0] === 'add') || CONTROL_COMMANDS.has(command);
    const known = ['index', 'search', 'symbols', 'entrypoints', 'deps', 'note', 'status', 'repair', 'serve', ...CONTROL_COMMANDS];
    if (!known.includes(command)) throw new ClewFailure('BAD_REQUEST', `unknown command "${command}"\n${USAGE}`);
    const chromaUrl = values['chroma-url'];
    if (chromaUrl && !/^https?:\/\/[^/\s]+\/?$/.test(chromaUrl)) throw new ClewFailure('BAD_REQUEST', `--chroma-url must look like http://host:port, got "${chromaUrl}"`);
    if (chromaUrl && values['no-sync']) throw new ClewFailure('BAD_REQUEST', '--chroma-url and --no-sync cannot be used together');
    // Flags override settings.json for this run only; without them the Backend uses the file.
    const vectors = chromaUrl ? { mode: 'external' as const, url: chromaUrl.replace(/\/$/, '') } : values['no-sync'] ? { mode: 'off' as const } : undefined;
    const model = values['embedder-model'];
    const modelProblem = model ? embedderProblem({ kind: 'transformers', modelDir: resolve(model) }) : null;
    if (modelProblem) throw new ClewFailure('BAD_REQUEST', `--embedder-model: ${modelProblem}`);
    const embedder = model ? rememberEmbedder(dataDir, { kind: 'transformers', modelDir: resolve(model) }) : undefined;
    if (command === 'serve') {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new ClewFailure('BAD_REQUEST', `--port must be 0-65535, got "${values.port}"`);
      return await serveCommand({ port, dataDir, vectors, embedder }, io.out);
    }
    // Pause/resume/watch only flip flags: no vector server is started for them.
    backend = Backend.open({ dataDir, write: writes, command: `clew ${command}`, vectors: CONTROL_COMMANDS.has(command) ? { mode: 'off' } : vectors, embedder });
    const print = <T>(value: T, human: (v: T) => string): void => io.out(json ? JSON.stringify(value) : human(printable(value)));
    // A bad settings file never stops a command; it is said once, on stderr.
    if (backend.settings.error) io.err(`clew: ${escapeControls(backend.settings.error)}`);
    const recovery = backend.recoveryNotice;
    if (recovery) io.err(`clew: ${describeRecovery(printable(recovery))}`);
    const fallback = backend.status().embedderFallback;
    if (fallback && command !== 'status') io.err(`clew: ${escapeControls(fallback)}`);
    if (backend.notesCopyReset) io.err(`clew: ${describeNotesCopyReset(backend.notesCopyReset)}`);

    switch (command) {
      case 'index': {
        const path = need(rest[0], 'path to index');
        if (io.progress && !json) {
          const progress = io.progress;
          backend.on('index:progress', (p) => progress(`${p.phase} ${p.filesDone}/${p.filesTotal} files, ${p.ratePerSec}/s`));
        }
        const maxFileBytes = positiveInt(values['max-file-bytes'], 'max-file-bytes');
        const report = await call(backend, 'repo:index', maxFileBytes ? { path, maxFileBytes } : { path });
        if (!values['wait-sync']) {
          print(report, formatIndex);
          break;
        }
        if (vectors?.mode === 'off') throw new ClewFailure('BAD_REQUEST', '--wait-sync needs the vector server; drop --no-sync');
        const started = Date.now();
        const waited = await call(backend, 'sync:wait', { timeoutMs: 24 * 3600_000 });
        const withSync = { ...report, sync: { ...waited.sync, drained: waited.drained, waitedMs: Date.now() - started } };
        print(withSync, (r) => `${formatIndex(r)}\n${formatSyncWait(r.sync)}`);
        break;
      }
      case 'search': {
        const query = need(rest.join(' ').trim() || undefined, 'search query');
        const mode = values.mode ?? 'keyword';
        if (!(SEARCH_MODES as readonly string[]).includes(mode)) throw new ClewFailure('BAD_REQUEST', `--mode must be one of ${SEARCH_MODES.join(', ')}, got "${mode}"`);
        const req: Req<'search:query'> = { query, mode: mode as SearchMode };
        if (values.repo) req.repo = values.repo;
        if (values.lang) req.lang = values.lang;
        if (values.path) req.path = values.path;
        if (values.kind) req.kind = values.kind;
        const limit = positiveInt(values.limit, 'limit');
        if (limit) req.limit = limit;
        print(await call(backend, 'search:query', req), formatSearch);
        break;
      }
      case 'symbols':
        print(await call(backend, 'symbols:list', values.kind ? { repo: need(rest[0], 'repo'), kind: values.kind } : { repo: need(rest[0], 'repo') }), formatSymbols);
        break;
      case 'entrypoints':
        print(await call(backend, 'entrypoints:list', values.kind ? { repo: need(rest[0], 'repo'), kind: values.kind } : { repo: need(rest[0], 'repo') }), formatEntryPoints);
        break;
      case 'deps':
        print(await call(backend, 'deps:list', values.symbol ? { repo: need(rest[0], 'repo'), symbol: values.symbol } : { repo: need(rest[0], 'repo') }), formatDeps);
        break;
      case 'note': {
        const [sub, ...args] = rest;
        if (sub === 'add') {
          const fqn = need(args[0], 'symbol FQN');
          const text = need(args.slice(1).join(' ').trim() || undefined, 'note text');
          const note = await call(backend, 'note:add', values.repo ? { fqn, text, repo: values.repo } : { fqn, text });
          print(note, (n) => `added note #${n.id} on ${n.fqn}`);
        } else if (sub === 'list') {
          print(await call(backend, 'note:list', args[0] ? { repo: args[0] } : {}), formatNotes);
        } else throw new ClewFailure('BAD_REQUEST', `note needs "add" or "list"\n${USAGE}`);
        break;
      }
      case 'status':
        print(await call(backend, 'status:get', {}), formatStatus);
        break;
      case 'pause':
      case 'resume':
      case 'watch':
        print(await controlCommand(backend, command, rest, values.sync, USAGE), formatControl);
        break;
      case 'repair': {
        if (vectors?.mode === 'off') throw new ClewFailure('BAD_REQUEST', 'repair needs the vector server; drop --no-sync');
        if (io.progress && !json) {
          const progress = io.progress;
          backend.on('repair:progress', (p) => progress(`${p.phase} ${p.done}/${p.total}`));
        }
        await call(backend, 'sync:wait', { timeoutMs: CATCH_UP_MS });
        print(await call(backend, 'sync:repair', { dryRun: values['dry-run'] }), formatRepair);
        break;
      }
    }
    return 0;
  } catch (e) {
    const error = e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ? { code: 'BAD_REQUEST' as const, message: `${e.message}\n${USAGE}` }
      : toClewError(e);
    io.err(`clew: ${escapeControls(error.message.split('\n')[0] ?? '')}`);
    if (json) io.out(JSON.stringify({ error }));
    return error.code === 'BAD_REQUEST' ? 2 : 1;
  } finally {
    await backend?.close();
  }
}

// The bin is usually a symlink (node_modules/.bin/clew): compare real paths.
const invokedAs = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invokedAs === realpathSync(fileURLToPath(import.meta.url))) {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r${text.padEnd(60)}`) : undefined,
  });
  if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(62) + '\r');
  process.exitCode = code;
}
