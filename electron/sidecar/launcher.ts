// How a host starts a child process for the Chroma server. The Node host forks with node; the
// desktop app uses Electron's utilityProcess (run-as-node is fused off in packaged builds).
export interface ChildHandle {
  readonly pid: number | undefined;
  /** Called once when the process exits, for any reason. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Lines the child writes to stdout/stderr (for the log file and start-up diagnostics). */
  onOutput(listener: (chunk: string) => void): void;
  kill(signal?: 'SIGTERM' | 'SIGKILL'): void;
}

export interface ProcessLauncher {
  /** Runs `entry` (a .js module, or .ts with `execArgv` naming a loader) with `args` in a separate process. */
  launch(entry: string, args: string[], options: { env: Record<string, string>; execArgv: string[] }): ChildHandle;
}
