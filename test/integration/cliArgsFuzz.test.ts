// Fuzz of the CLI's argument handling: thousands of random and mutated argv through the parser
// (parseCommandLine), a bounded number through runCli in-process (the real commands on a real data
// dir), then a bounded number of real child processes. Every mistake is a BAD_REQUEST with a
// one-line reason (exit 2); no run ends in a stack trace, INTERNAL or a hang. A failure prints the
// seed; CLEW_FUZZ_SEED=<seed> replays it.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli.js';
import { parseCommandLine } from '../../electron/cliArgs.js';
import { ClewFailure } from '../../electron/base/failure.js';
import { CLI, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { type Random, seededRandom } from '../helpers/fuzz.js';

const PARSER_RUNS = 5000;
const IN_PROCESS_MS = 20_000;
const IN_PROCESS_MAX = 300;
const CHILD_RUNS = 20;
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|^(Type|Reference|Range|Syntax)?Error: /m;

const VALID: string[][] = [
  ['status'], ['search', 'parse', 'config'], ['search', 'hello', '--mode', 'symbol', '--limit', '3'], ['search', '@(Get|Post)Mapping', '--mode', 'regex', '--path', '**/*.java'],
  ['search', 'say hello', '--mode', 'hybrid'], ['search', 'users', '--mode', 'semantic'], ['symbols', '1', '--kind', 'class'], ['entrypoints', '1'], ['deps', '1', '--symbol', 'com.acme.App'],
  ['note', 'add', 'py.app.hello', 'fuzz', 'note'], ['note', 'list'], ['repair', '--dry-run'], ['pause', '1'], ['resume', '1'], ['pause', '--sync'], ['resume', '--sync'], ['watch', '1', 'off'],
  ['index', 'REPO'], ['index', 'REPO', '--max-file-bytes', '4096'], ['index', 'REPO', '--drain-ms', '0'], ['--help'],
];
const TOKENS = ['index', 'search', 'symbols', 'entrypoints', 'deps', 'note', 'add', 'list', 'status', 'repair', 'pause', 'resume', 'watch', 'on', 'off', 'help',
  '--json', '--mode', '--repo', '--lang', '--path', '--kind', '--limit', '--symbol', '--max-file-bytes', '--port', '--chroma-url', '--no-sync', '--embedder-model', '--wait-sync', '--drain-ms', '--dry-run', '--sync', '-h', '--help',
  '1', '0', '-1', 'abc', '99999999999999999999', '1e3', 'semantic', 'hybrid', 'regex', 'keyword', 'symbol', 'class', 'http', 'python', '/', '/nonexistent', '/etc', 'http://127.0.0.1:9', 'http://u:p@127.0.0.1:9', 'not a url',
  '', '=', '--', '-', '-x', '--unknown', '--mode=regex', '--limit=0', '--json=yes', '(a+)+$', '\u001b[2J', 'a\nb', '\u0000'];

/** A valid argv with one to three edits, or a random one; never `serve` (it runs until stopped) nor --data-dir (the run stays in its temp dir). */
function argv(r: Random, repo: string): string[] {
  let args = r.chance(0.2) ? Array.from({ length: r.int(7) }, () => r.pick(TOKENS)) : [...r.pick(VALID)];
  for (let n = r.chance(0.3) ? 0 : 1 + r.int(3); n > 0; n--) {
    const at = r.int(args.length + 1);
    const op = r.int(4);
    if (op === 0) args.splice(at, 1);
    else if (op === 1) args.splice(at, 0, r.pick(TOKENS));
    else if (op === 2) args.splice(at, 1, r.chance(0.5) ? r.pick(TOKENS) : r.string(8));
    else args = [...args.slice(at), ...args.slice(0, at)];
  }
  return args.map((a) => (a === 'REPO' ? repo : a)).filter((a) => a !== 'serve' && !a.startsWith('--data-dir') && !a.startsWith('--data'));
}

describe('CLI argument fuzz', () => {
  const repo = tempDir('clew-argfuzz-repo-');
  const data = tempDir('clew-argfuzz-data-');
  const cwd = tempDir('clew-argfuzz-cwd-');
  const home = process.cwd();
  const prefix = (): string[] => ['--data-dir', data.path, '--no-sync'];

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    // Relative paths the fuzzer makes ('.', '..', 'abc') resolve in an empty folder.
    process.chdir(cwd.path);
    expect(await runCli([...prefix(), 'index', repo.path], { out: () => undefined, err: () => undefined })).toBe(0);
  }, 60_000);
  afterAll(() => {
    process.chdir(home);
    [repo, data, cwd].forEach((d) => d.cleanup());
  });

  it('the parser: every argv is accepted or refused with a one-line BAD_REQUEST, nothing else', () => {
    const r = seededRandom();
    const problems: string[] = [];
    let refused = 0;
    for (let i = 0; i < PARSER_RUNS && problems.length < 5; i++) {
      const args = argv(r, repo.path);
      try {
        const line = parseCommandLine(args);
        if (line.kind === 'run' && !line.command) problems.push(`accepted without a command: ${JSON.stringify(args)}`);
      } catch (e) {
        refused++;
        if (!(e instanceof ClewFailure) || e.code !== 'BAD_REQUEST') problems.push(`${JSON.stringify(args)} threw ${String(e)}`);
        else if (!/^\S.*\S$/.test(e.message.split('\n')[0] ?? '')) problems.push(`${JSON.stringify(args)}: unclear "${e.message}"`);
      }
    }
    expect(problems, `seed ${r.seed} (CLEW_FUZZ_SEED=${r.seed} replays it)`).toEqual([]);
    // Both sides were explored.
    expect(refused).toBeGreaterThan(PARSER_RUNS / 10);
    expect(refused).toBeLessThan(PARSER_RUNS);
  });

  it('in-process: every argv ends with 0, 1 or 2 and a one-line reason, never INTERNAL', async () => {
    const r = seededRandom();
    const problems: string[] = [];
    const started = Date.now();
    let runs = 0;
    while (runs < IN_PROCESS_MAX && Date.now() - started < IN_PROCESS_MS && problems.length < 5) {
      runs++;
      const args = [...prefix(), ...argv(r, repo.path)];
      const out: string[] = [];
      const err: string[] = [];
      let code: number;
      try {
        code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
      } catch (e) {
        problems.push(`${JSON.stringify(args)} threw ${String(e)}`);
        continue;
      }
      const said = `${JSON.stringify(args)} → ${code}: ${err.join(' | ')}`;
      if (![0, 1, 2].includes(code)) problems.push(`exit code: ${said}`);
      if (code !== 0 && !err.some((line) => /^clew: \S/.test(line))) problems.push(`no reason given: ${said}`);
      if (err.some((line) => line.includes('\n') || STACK_TRACE.test(line))) problems.push(`not one clean line: ${said}`);
      if (args.includes('--json') && code !== 0) {
        const last = out.at(-1) ?? '';
        const error = (JSON.parse(last) as { error?: { code: string } }).error;
        if (!error || error.code === 'INTERNAL') problems.push(`--json error: ${said} ${last}`);
      }
      if (err.some((line) => /the request failed|INTERNAL/.test(line))) problems.push(`internal error: ${said}`);
    }
    console.log(`cli fuzz seed ${r.seed}: ${runs} in-process runs in ${Date.now() - started} ms`);
    expect(problems, `seed ${r.seed} (CLEW_FUZZ_SEED=${r.seed} replays it)`).toEqual([]);
    expect(runs).toBeGreaterThan(10);
  }, 90_000);

  it('child processes: no stack trace, no hang, exit 0, 1 or 2', () => {
    const r = seededRandom();
    const problems: string[] = [];
    const cases = [['serve', '--port', '70000'], ['serve', '--port', 'abc'], ['--chroma-url', 'ftp://x', 'status'], ['--frobnicate'], [], ...Array.from({ length: CHILD_RUNS }, () => argv(r, repo.path))];
    // An argv cannot hold a NUL (the OS passes C strings): a child gets the nearest thing a shell could send.
    for (const args of cases.map((a) => a.map((arg) => arg.replaceAll('\u0000', '')))) {
      const run = spawnSync(process.execPath, [CLI, '--data-dir', data.path, '--no-sync', ...args], { encoding: 'utf8', cwd: cwd.path, timeout: 30_000 });
      const said = `${JSON.stringify(args)} → ${run.status ?? run.signal}: ${run.stderr.trim()}`;
      if (run.signal || ![0, 1, 2].includes(run.status ?? -1)) problems.push(`ended badly: ${said}`);
      if (STACK_TRACE.test(run.stderr) || STACK_TRACE.test(run.stdout)) problems.push(`stack trace: ${said}`);
      if (run.status !== 0 && !/^clew: \S/m.test(run.stderr)) problems.push(`no reason given: ${said}`);
    }
    expect(problems, `seed ${r.seed} (CLEW_FUZZ_SEED=${r.seed} replays it)`).toEqual([]);
  }, 120_000);
});
