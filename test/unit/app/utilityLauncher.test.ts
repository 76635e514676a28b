// The utilityProcess launcher with a fake fork; and, at compile time, that Electron's real
// utilityProcess.fork fits the injected type.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { utilityProcess } from 'electron';
import { createUtilityLauncher, type UtilityFork, type UtilityForkOptions } from '../../../electron/app/utilityLauncher.js';

// Compile-time check: Electron's own fork can be injected as it is.
const electronForkFits: UtilityFork = null as unknown as typeof utilityProcess.fork;
void electronForkFits;

class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = 4242;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  kills = 0;
  kill(): boolean {
    this.kills++;
    return true;
  }
  exitWith(code: number): void {
    this.pid = undefined;
    this.emit('exit', code);
  }
}

function setup() {
  const forks: Array<{ entry: string; args: string[]; options: UtilityForkOptions; child: FakeUtilityProcess }> = [];
  const signals: Array<[number, string]> = [];
  const fork: UtilityFork = (entry, args, options) => {
    const child = new FakeUtilityProcess();
    forks.push({ entry, args, options, child });
    return child;
  };
  const launcher = createUtilityLauncher(fork, (pid, signal) => { signals.push([pid, signal]); }, { PATH: '/usr/bin', NO_COLOR: '0' });
  return { forks, signals, launcher };
}

describe('utilityProcess launcher', () => {
  it('forks the entry with its args, execArgv, piped output and the merged environment', () => {
    const { forks, launcher } = setup();
    launcher.launch('/app.asar/dist/chroma-server.js', ['--port', '8000'], { env: { NO_COLOR: '1' }, execArgv: [] });
    expect(forks).toHaveLength(1);
    expect(forks[0]!.entry).toBe('/app.asar/dist/chroma-server.js');
    expect(forks[0]!.args).toEqual(['--port', '8000']);
    expect(forks[0]!.options).toMatchObject({ env: { PATH: '/usr/bin', NO_COLOR: '1' }, execArgv: [], stdio: 'pipe' });
  });

  it('reports output, the exit (even to a late listener), and keeps the last pid after exit', async () => {
    const { forks, launcher } = setup();
    const child = launcher.launch('e.js', [], { env: {}, execArgv: [] });
    const fake = forks[0]!.child;
    const output: string[] = [];
    child.onOutput((chunk) => output.push(chunk));
    fake.stdout.write('listening on 8000\n');
    fake.stderr.write(Buffer.from('warn\n'));
    await new Promise((r) => setImmediate(r));
    expect(output.join('')).toBe('listening on 8000\nwarn\n');

    expect(child.pid).toBe(4242);
    const exits: Array<[number | null, string | null]> = [];
    child.onExit((code, signal) => exits.push([code, signal]));
    fake.exitWith(3);
    child.onExit((code, signal) => exits.push([code, signal]));
    expect(exits).toEqual([[3, null], [3, null]]);
    expect(child.pid).toBe(4242);
  });

  it('kills with utilityProcess.kill for SIGTERM, by pid for SIGKILL, and not at all once exited', () => {
    const { forks, signals, launcher } = setup();
    const child = launcher.launch('e.js', [], { env: {}, execArgv: [] });
    const fake = forks[0]!.child;
    child.kill();
    expect(fake.kills).toBe(1);
    child.kill('SIGKILL');
    expect(signals).toEqual([[4242, 'SIGKILL']]);
    fake.exitWith(0);
    child.kill('SIGKILL');
    child.kill();
    expect(signals).toHaveLength(1);
    expect(fake.kills).toBe(1);
  });
});
