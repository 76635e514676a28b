#!/usr/bin/env node
// `clew`: the Backend's command-line host. Output on stdout (JSON with --json), one error line on stderr.
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, type Req } from '../shared/contract.js';
import { Backend } from './core/backend.js';
import { defaultDataDir } from './core/dataDir.js';
import { embedderProblem } from './core/embedderCheck.js';
import { rememberEmbedder } from './core/settingsFile.js';
import { describeNotesCopyReset, describeRecovery } from './core/recovery.js';
import { ClewFailure, toClewError } from './base/failure.js';
import { mcpCommand } from './mcp.js';
import { serveCommand } from './serve.js';
import { CONTROL_COMMANDS, controlCommand, formatControl } from './cliControl.js';
import { formatModels, modelsCommand } from './cliModels.js';
import { need, parseCommandLine, positiveInt, searchMode, USAGE, wholeNumber } from './cliArgs.js';
import { escapeControls, printable } from './cliEscape.js';
import { NAV_COMMANDS, navCommand } from './cliNav.js';
import { formatDeps, formatEntryPoints, formatIndex, formatNotes, formatRepair, formatSearch, formatStatus, formatSymbols, formatSyncWait } from './cliFormat.js';
import { progressText } from '../shared/progressText.js';
import { progressLine } from './cliProgressLine.js';

// A CLI run is short: before a repair it lets the queue catch up first.
const CATCH_UP_MS = 120_000;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  progress?: ((text: string) => void) | undefined;
}

/** package.json sits one folder up from both dist/cli.js and electron/cli.ts. */
function clewVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs one command; returns the exit code. Exported so tests can drive it in-process. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let json = argv.includes('--json');
  let backend: Backend | null = null;
  try {
    const line = parseCommandLine(argv);
    if (line.kind === 'help') {
      io.out(USAGE);
      return 0;
    }
    const { command, rest, values, vectors, writes } = line;
    json = line.json;
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const model = values['embedder-model'];
    const modelProblem = model ? embedderProblem({ kind: 'transformers', modelDir: resolve(model) }) : null;
    if (modelProblem) throw new ClewFailure('BAD_REQUEST', `--embedder-model: ${modelProblem}`);
    const embedder = model ? rememberEmbedder(dataDir, { kind: 'transformers', modelDir: resolve(model) }) : undefined;
    if (command === 'serve') return await serveCommand({ port: Number(values.port ?? 0), dataDir, vectors, embedder }, io.out);
    if (command === 'mcp') return await mcpCommand({ dataDir, allowWrites: values['allow-writes'], vectors, embedder }, clewVersion());
    // Pause/resume/watch only flip flags: no vector server is started for them.
    backend = Backend.open({
      dataDir, write: writes, command: `clew ${command}`, vectors: CONTROL_COMMANDS.has(command) ? { mode: 'off' } : vectors, embedder,
      shutdownDrainMs: wholeNumber(values['drain-ms'], 'drain-ms'),
    });
    const print = <T>(value: T, human: (v: T) => string): void => io.out(json ? JSON.stringify(value) : human(printable(value)));
    // A bad settings file never stops a command; it is said once, on stderr.
    if (backend.settings.error) io.err(`clew: ${escapeControls(backend.settings.error)}`);
    const recovery = backend.recoveryNotice;
    if (recovery) io.err(`clew: ${describeRecovery(printable(recovery))}`);
    const fallback = backend.embedderFallbackNotice;
    if (fallback && command !== 'status') io.err(`clew: ${escapeControls(fallback)}`);
    if (backend.notesCopyReset) io.err(`clew: ${describeNotesCopyReset(backend.notesCopyReset)}`);

    if (NAV_COMMANDS.has(command)) {
      await navCommand(backend, command, rest, values, positiveInt(values.limit, 'limit'), print);
      return 0;
    }
    switch (command) {
      case 'index': {
        const path = need(rest[0], 'path to index');
        if (io.progress && !json) {
          const progress = io.progress;
          backend.on('index:progress', (p) => progress(progressText(p)));
        }
        const maxFileBytes = positiveInt(values['max-file-bytes'], 'max-file-bytes');
        const report = await call(backend, 'repo:index', maxFileBytes ? { path, maxFileBytes } : { path });
        if (!values['wait-sync']) {
          print(report, formatIndex);
          break;
        }
        const started = Date.now();
        const waited = await call(backend, 'sync:wait', { timeoutMs: 24 * 3600_000 });
        const withSync = { ...report, sync: { ...waited.sync, drained: waited.drained, waitedMs: Date.now() - started } };
        print(withSync, (r) => `${formatIndex(r)}\n${formatSyncWait(r.sync)}`);
        break;
      }
      case 'search': {
        const query = need(rest.join(' ').trim() || undefined, 'search query');
        const req: Req<'search:query'> = { query, mode: searchMode(values) };
        if (values.repo) req.repo = values.repo;
        if (values.lang) req.lang = values.lang;
        if (values.path) req.path = values.path;
        if (values.kind) req.kind = values.kind;
        const limit = positiveInt(values.limit, 'limit');
        if (limit) req.limit = limit;
        if (values.files) req.files = true;
        if (values['case-sensitive']) req.caseSensitive = true;
        if (values.word) req.wholeWord = true;
        print(await call(backend, 'search:query', req), formatSearch);
        break;
      }
      case 'symbols':
        print(await call(backend, 'symbols:list', values.kind ? { repo: need(rest[0], 'repo'), kind: values.kind } : { repo: need(rest[0], 'repo') }), formatSymbols);
        break;
      case 'entrypoints':
        print(await call(backend, 'entrypoints:list', { repo: need(rest[0], 'repo'), includeTests: values['include-tests'], ...(values.kind ? { kind: values.kind } : {}) }), formatEntryPoints);
        break;
      case 'deps':
        print(await call(backend, 'deps:list', { repo: need(rest[0], 'repo'), includeTests: values['include-tests'], ...(values.symbol ? { symbol: values.symbol } : {}) }), formatDeps);
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
      case 'models': {
        const result = await modelsCommand(backend, rest, io);
        print(result, (r) => ('models' in r ? formatModels(r) : 'model' in r ? `using ${r.model}` : `downloaded ${r.id}`));
        break;
      }
      case 'repair': {
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
    const error = toClewError(e);
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
  const line = progressLine((chunk) => process.stderr.write(chunk));
  const code = await runCli(process.argv.slice(2), {
    out: (text) => { line.clear(); process.stdout.write(`${text}\n`); },
    err: (text) => { line.clear(); process.stderr.write(`${text}\n`); },
    progress: process.stderr.isTTY ? (text) => line.show(text) : undefined,
  });
  line.clear();
  process.exitCode = code;
}
