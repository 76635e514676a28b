// The CLI's command line, checked before anything opens the data directory: every usage mistake
// is a BAD_REQUEST naming it (exit 2), whatever else is wrong, and never a stack trace. What a
// person typed is quoted as JSON, so a newline in it cannot cut the one-line reason short.
import { parseArgs } from 'node:util';
import { type InvokeChannel, isWriteChannel } from '../shared/contract.js';
import { SEARCH_MODES, type SearchMode } from '../shared/types.js';
import { CONTROL_COMMANDS, checkControlArgs } from './cliControl.js';
import { escapeControls } from './cliEscape.js';
import { ClewFailure } from './base/failure.js';

export const USAGE = `usage: clew [--data-dir DIR] [--json] [--chroma-url URL | --no-sync] [--embedder-model DIR] <command>
  index <path> [--max-file-bytes N] [--wait-sync] [--drain-ms N]   index (or re-index) a folder; --wait-sync waits until every
         vector is synced; else vectors are sent for at most --drain-ms at exit (default: 5000 when that can send them all, else 0) and the rest at the next start
  search <query> [--mode auto|keyword|symbol|regex|semantic|hybrid] [--files] [--repo R] [--lang L] [--path GLOB] [--kind K] [--limit N]
         [--case-sensitive] [--word]      keyword/regex: exact letter case; whole words only
         the query may hold filters: repo:NAME lang:LANG file:GLOB-or-text path:TEXT -path:TEXT
  symbols <repo> [--kind K]               list symbols
  entrypoints <repo> [--kind K] [--include-tests]   HTTP routes, scheduled jobs, listeners, mains (tests left out unless asked)
  deps <repo> [--symbol FQN] [--include-tests]      external calls and declared packages (calls in tests left out unless asked)
  note add <fqn> <text> [--repo R]        attach a note to a symbol
  note list [<repo>]                      list notes (current, stale, detached)
  status                                  repos, counts, sync state and the vector server
  repair [--dry-run]                      diff SQLite with the vector store, fix orphans/missing/stale, rebuild if broken
  serve [--port N]                        the UI in a browser on 127.0.0.1: prints a URL with a per-run token
  mcp [--allow-writes]                    an MCP server on stdio for coding agents (read-only unless --allow-writes)
  pause <repo> | --sync                   pause a repo's watching and indexing, or all vector sync (kept across restarts)
  resume <repo> | --sync                  resume it (the app catches up with what changed meanwhile)
  watch <repo> on|off                     follow the repo's file changes while the app or clew serve runs
  def <path:line:column>                  where the name at that place is defined (exact, or ranked candidates)
  refs <fqn | path:line:column> [--repo R] [--limit N]   uses of a symbol across the repo
  callers <fqn> [--repo R] [--depth N]    who calls it, as a tree (depth 2 by default, at most 6)
  callees <fqn> [--repo R] [--depth N]    what it calls, external calls (HTTP, SQL, queues) at the leaves
  flow <id | "GET /path"> [--repo R] [--depth N]   the call tree from an entry point's handler
  tree <repo> [path]                      folders and files with counts
  (--repo defaults to the repo holding the working folder; an FQN may be given by its end, e.g. Handler.run)
  models [download <id> | use <id|hash>]  list the curated embedding models; download one; use it (re-embeds in the background)`;

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
  'drain-ms': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  sync: { type: 'boolean', default: false },
  files: { type: 'boolean', default: false },
  'case-sensitive': { type: 'boolean', default: false },
  word: { type: 'boolean', default: false },
  'allow-writes': { type: 'boolean', default: false },
  'include-tests': { type: 'boolean', default: false },
  depth: { type: 'string' },
} as const;

export type CliValues = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

export type VectorsFlag = { mode: 'external'; url: string } | { mode: 'off' } | undefined;

export type CommandLine =
  | { kind: 'help' }
  | { kind: 'run'; json: boolean; command: string; rest: string[]; values: CliValues; vectors: VectorsFlag; writes: boolean };

interface CommandArgs {
  sub: string | undefined;
  sync: boolean;
}

/** The verbs each command may invoke: it opens the writer exactly when one of them writes (the contract says which).
 * Searches of every mode are reads: semantic and hybrid use the writer's vector server, or start their own. */
const COMMAND_VERBS = {
  index: () => ['repo:index', 'sync:wait'],
  search: () => ['search:query'],
  symbols: () => ['symbols:list'],
  entrypoints: () => ['entrypoints:list'],
  deps: () => ['deps:list'],
  note: ({ sub }) => (sub === 'add' ? ['note:add'] : ['note:list']),
  status: () => ['status:get'],
  repair: () => ['sync:wait', 'sync:repair'],
  // Serves the UI from a Backend of its own.
  serve: () => [],
  // Serves agents from a reader of its own (and a short-lived writer per note_add).
  mcp: () => [],
  pause: ({ sync }) => [sync ? 'sync:pause' : 'repo:pause'],
  resume: ({ sync }) => [sync ? 'sync:resume' : 'repo:resume'],
  watch: () => ['repo:watch'],
  def: () => ['nav:def'],
  refs: () => ['nav:refs'],
  callers: () => ['nav:callers'],
  callees: () => ['nav:callees'],
  flow: () => ['nav:flow'],
  tree: () => ['nav:tree'],
  models: ({ sub }) => (sub === 'download' ? ['models:download'] : sub === 'use' ? ['models:use'] : ['models:list']),
} satisfies Record<string, (args: CommandArgs) => InvokeChannel[]>;

const isCommand = (name: string): name is keyof typeof COMMAND_VERBS => Object.hasOwn(COMMAND_VERBS, name);

export function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ClewFailure('BAD_REQUEST', `--${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new ClewFailure('BAD_REQUEST', `--${name} must be a whole number (0 or more), got ${JSON.stringify(value)}`);
  return Number(value);
}

export function need(value: string | undefined, what: string): string {
  if (!value) throw new ClewFailure('BAD_REQUEST', `missing ${what}\n${USAGE}`);
  return value;
}

/** Parses and checks argv; throws BAD_REQUEST (with the usage after the first line) for any mistake. */
export function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ClewFailure('BAD_REQUEST', `${escapeControls(e instanceof Error ? e.message : String(e))}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) return { kind: 'help' };
  if (!command) throw new ClewFailure('BAD_REQUEST', `missing command (\`clew --help\` lists them)\n${USAGE}`);
  if (!isCommand(command)) throw new ClewFailure('BAD_REQUEST', `unknown command ${JSON.stringify(command)}\n${USAGE}`);
  const chromaUrl = values['chroma-url'];
  if (chromaUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(chromaUrl)) throw new ClewFailure('BAD_REQUEST', `--chroma-url must look like http://host:port, got ${JSON.stringify(chromaUrl)}`);
  if (chromaUrl && values['no-sync']) throw new ClewFailure('BAD_REQUEST', '--chroma-url and --no-sync cannot be used together');
  if (values['embedder-model'] === '') throw new ClewFailure('BAD_REQUEST', '--embedder-model needs a folder');
  if (values['data-dir'] === '') throw new ClewFailure('BAD_REQUEST', '--data-dir needs a folder');
  // Flags override settings.json for this run only; without them the Backend uses the file.
  const vectors: VectorsFlag = chromaUrl ? { mode: 'external', url: chromaUrl.replace(/\/$/, '') } : values['no-sync'] ? { mode: 'off' } : undefined;
  checkCommand(command, rest, values);
  const writes = COMMAND_VERBS[command]({ sub: rest[0], sync: values.sync }).some(isWriteChannel);
  return { kind: 'run', json: values.json, command, rest, values, vectors, writes };
}

/** What each command needs, checked without the data directory. */
function checkCommand(command: string, rest: string[], values: CliValues): void {
  switch (command) {
    case 'index':
      need(rest[0], 'path to index');
      positiveInt(values['max-file-bytes'], 'max-file-bytes');
      if (values['wait-sync'] && values['no-sync']) throw new ClewFailure('BAD_REQUEST', '--wait-sync needs the vector server; drop --no-sync');
      wholeNumber(values['drain-ms'], 'drain-ms');
      return;
    case 'search': {
      need(rest.join(' ').trim() || undefined, 'search query');
      const mode = values.mode ?? 'auto';
      if (!(SEARCH_MODES as readonly string[]).includes(mode)) throw new ClewFailure('BAD_REQUEST', `--mode must be one of ${SEARCH_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
      positiveInt(values.limit, 'limit');
      if (values.files && mode !== 'auto') throw new ClewFailure('BAD_REQUEST', '--files needs --mode auto');
      if ((values['case-sensitive'] || values.word) && mode !== 'keyword' && mode !== 'regex') throw new ClewFailure('BAD_REQUEST', '--case-sensitive and --word need --mode keyword or regex');
      return;
    }
    case 'symbols':
    case 'entrypoints':
    case 'deps':
      need(rest[0], 'repo');
      return;
    case 'note':
      if (rest[0] === 'add') {
        need(rest[1], 'symbol FQN');
        need(rest.slice(2).join(' ').trim() || undefined, 'note text');
      } else if (rest[0] !== 'list') throw new ClewFailure('BAD_REQUEST', `note needs "add" or "list"\n${USAGE}`);
      return;
    case 'def':
      if (!/^.+:\d+:\d+$/u.test(need(rest[0], 'position path:line:column'))) throw new ClewFailure('BAD_REQUEST', `def needs path:line:column, got ${JSON.stringify(rest[0])}`);
      return;
    case 'refs':
      need(rest[0], 'FQN or path:line:column');
      positiveInt(values.limit, 'limit');
      return;
    case 'callers':
    case 'callees':
      need(rest[0], 'symbol FQN');
      if (values.depth !== undefined && !/^\d+$/u.test(values.depth)) throw new ClewFailure('BAD_REQUEST', `--depth must be a whole number, got ${JSON.stringify(values.depth)}`);
      return;
    case 'flow':
      need(rest.join(' ').trim() || undefined, 'entry point id or route');
      if (values.depth !== undefined && !/^\d+$/u.test(values.depth)) throw new ClewFailure('BAD_REQUEST', `--depth must be a whole number, got ${JSON.stringify(values.depth)}`);
      return;
    case 'tree':
      need(rest[0], 'repo');
      return;
    case 'repair':
      if (values['no-sync']) throw new ClewFailure('BAD_REQUEST', 'repair needs the vector server; drop --no-sync');
      return;
    case 'models':
      if (rest[0] !== undefined && !['list', 'download', 'use'].includes(rest[0])) throw new ClewFailure('BAD_REQUEST', `models needs "list", "download <id>" or "use <id|hash>"\n${USAGE}`);
      if (rest[0] === 'download' || rest[0] === 'use') need(rest[1], 'model id');
      if (rest[0] === 'use' && values['no-sync']) throw new ClewFailure('BAD_REQUEST', 'models use re-embeds into the vector server; drop --no-sync');
      return;
    case 'serve': {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new ClewFailure('BAD_REQUEST', `--port must be 0-65535, got ${JSON.stringify(values.port)}`);
      return;
    }
    default:
      if (CONTROL_COMMANDS.has(command)) checkControlArgs(command, rest, values.sync, USAGE);
  }
}

/** The search mode, once parseCommandLine has checked it. */
export const searchMode = (values: CliValues): SearchMode => (values.mode ?? 'auto') as SearchMode;
