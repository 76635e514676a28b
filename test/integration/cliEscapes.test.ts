// A repository can hold any bytes in names and files: the CLI's human output shows control
// characters as escapes (no terminal control, no fake lines); --json keeps them exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const NAME = 'evil\nfake.py:1:1  spoofed line.py';
const SOURCE = `def clobber_marker():\n    return "${TITLE}${CLEAR}\u009b31m clobber_marker"\n`;
// Control characters a terminal acts on: C0 except tab and the newlines between output lines, DEL, C1.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('clew CLI output escapes what files contain', () => {
  const repo = tempDir('clew-esc-repo-');
  const data = tempDir('clew-esc-data-');
  const { run, json } = cliFor(data.path);

  beforeAll(() => {
    ensureBuiltCli();
    writeTree(repo.path, { [NAME]: SOURCE, 'plain.py': 'def other():\n    return 1\n' });
    expect(run('--no-sync', 'index', repo.path).status).toBe(0);
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('search shows a newline in a file name and ESC/C1 in a snippet as escapes', () => {
    const r = run('--no-sync', 'search', 'clobber_marker', '--mode', 'keyword');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(r.stdout).toContain('evil\\nfake.py:1:1  spoofed line.py:');
    expect(r.stdout).toContain('\\e]0;pwned\\x07\\e[2J\\x9b31m');
    // Every result line starts with the escaped name: the newline made no line of its own.
    expect(r.stdout.split('\n').filter((line) => line.startsWith('fake.py'))).toEqual([]);
  });

  it('symbols show the escaped file name on one line', () => {
    const r = run('--no-sync', 'symbols', repo.path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    const line = r.stdout.split('\n').find((l) => l.includes('clobber_marker'));
    expect(line).toContain('evil\\nfake.py:1:1  spoofed line.py:1');
  });

  it('--json keeps the exact bytes', () => {
    const found = json<{ results: Array<{ path: string; snippet: string }> }>('--no-sync', 'search', 'clobber_marker', '--mode', 'keyword');
    expect(found.results.map((h) => h.path)).toContain(NAME);
    expect(found.results.some((h) => h.snippet.includes(`${TITLE}${CLEAR}`))).toBe(true);
  });
});
