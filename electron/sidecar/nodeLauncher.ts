// The Node host's launcher: forks the built server entry with the same Node binary.
import { spawn } from 'node:child_process';
import type { ChildHandle, ProcessLauncher } from './launcher.js';

export const nodeLauncher: ProcessLauncher = {
  launch(entry, args, { env, execArgv }): ChildHandle {
    const child = spawn(process.execPath, [...execArgv, entry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    return {
      pid: child.pid,
      onExit: (listener) => { child.once('exit', (code, signal) => listener(code, signal)); },
      onOutput: (listener) => {
        child.stdout.setEncoding('utf8').on('data', listener);
        child.stderr.setEncoding('utf8').on('data', listener);
      },
      kill: (signal = 'SIGTERM') => { child.kill(signal); },
    };
  },
};
