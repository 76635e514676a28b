// The desktop app's ProcessLauncher: runs the Chroma server entry in an Electron utility process,
// because the packaged app has run-as-node fused off (so process.execPath cannot run a script).
import type { ChildHandle, ProcessLauncher } from '../sidecar/launcher.js';

export interface ReadableLike {
  setEncoding(encoding: 'utf8'): unknown;
  on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
}

export interface UtilityProcessLike {
  readonly pid: number | undefined;
  readonly stdout: ReadableLike | null;
  readonly stderr: ReadableLike | null;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface UtilityForkOptions {
  env: Record<string, string | undefined>;
  execArgv: string[];
  stdio: 'pipe';
  serviceName: string;
}

export type UtilityFork = (modulePath: string, args: string[], options: UtilityForkOptions) => UtilityProcessLike;

/** Sends a signal to a pid (process.kill in production); used for SIGKILL, which utilityProcess lacks. */
export type KillPid = (pid: number, signal: 'SIGKILL') => void;

export function createUtilityLauncher(fork: UtilityFork, killPid: KillPid, baseEnv: Record<string, string | undefined> = process.env): ProcessLauncher {
  return {
    launch(entry, args, { env, execArgv }): ChildHandle {
      const child = fork(entry, args, { env: { ...baseEnv, ...env }, execArgv, stdio: 'pipe', serviceName: 'Clew vector server' });
      // utilityProcess clears pid on exit; the supervisor still wants to report the last one.
      let lastPid = child.pid;
      let exited: { code: number } | null = null;
      const exitListeners: Array<(code: number | null, signal: string | null) => void> = [];
      child.once('exit', (code) => {
        exited = { code };
        for (const listener of exitListeners.splice(0)) listener(code, null);
      });
      return {
        get pid() {
          lastPid = child.pid ?? lastPid;
          return lastPid;
        },
        onExit(listener) {
          // A listener added after the exit still hears about it, once.
          if (exited) listener(exited.code, null);
          else exitListeners.push(listener);
        },
        onOutput(listener) {
          for (const stream of [child.stdout, child.stderr]) {
            stream?.setEncoding('utf8');
            stream?.on('data', (chunk) => listener(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
          }
        },
        kill(signal = 'SIGTERM') {
          if (exited) return;
          const pid = child.pid ?? lastPid;
          // utilityProcess.kill() is SIGTERM on POSIX (TerminateProcess on Windows); SIGKILL goes by pid.
          if (signal === 'SIGKILL' && pid !== undefined) {
            try {
              killPid(pid, 'SIGKILL');
            } catch {
              child.kill();
            }
          } else child.kill();
        },
      };
    },
  };
}
