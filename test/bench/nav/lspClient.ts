// A minimal Language Server Protocol client over a child's stdio: Content-Length framing, requests
// with ids, answers to the few server requests servers insist on. Enough to ask an oracle server
// for definitions and references; nothing here is Clew's.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface LspLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly progressDone = new Set<string>();
  private progressWaiters: Array<() => void> = [];
  private activeProgress = 0;

  constructor(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', () => undefined);
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`${command} exited with ${code}`));
      this.pending.clear();
    });
  }

  async initialize(rootDir: string, initializationOptions: unknown = {}): Promise<void> {
    const rootUri = pathToFileURL(rootDir).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      initializationOptions,
      capabilities: {
        textDocument: { definition: { linkSupport: false }, references: {}, synchronization: { didSave: false } },
        workspace: { configuration: true, workspaceFolders: true },
        window: { workDoneProgress: true },
      },
    });
    this.notify('initialized', {});
  }

  open(path: string, languageId: string, text: string): void {
    this.notify('textDocument/didOpen', { textDocument: { uri: pathToFileURL(path).href, languageId, version: 1, text } });
  }

  async definition(path: string, line: number, character: number): Promise<LspLocation[]> {
    const answer = await this.request('textDocument/definition', { textDocument: { uri: pathToFileURL(path).href }, position: { line, character } });
    return asLocations(answer);
  }

  async references(path: string, line: number, character: number): Promise<LspLocation[]> {
    const answer = await this.request('textDocument/references', {
      textDocument: { uri: pathToFileURL(path).href }, position: { line, character }, context: { includeDeclaration: false },
    });
    return asLocations(answer);
  }

  /** Resolves when no work-done progress is running (servers report loading the workspace that way). */
  async idle(quietMs = 1500, maxMs = 120_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      if (this.activeProgress === 0) {
        await new Promise((r) => setTimeout(r, quietMs));
        if (this.activeProgress === 0) return;
      }
      if (Date.now() - started > maxMs) return;
      await new Promise<void>((r) => this.progressWaiters.push(r));
    }
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 3000))]);
      this.notify('exit', null);
    } catch { /* already gone */ }
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1] ?? NaN);
      if (!Number.isFinite(length) || this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body) as Record<string, unknown>);
    }
  }

  private onMessage(message: Record<string, unknown>): void {
    const id = message.id as number | string | undefined;
    const method = message.method as string | undefined;
    if (method && id !== undefined) return this.answerServerRequest(id, method, message.params);
    if (method === '$/progress') return this.onProgress(message.params as { token: string; value: { kind: string } });
    if (method || typeof id !== 'number') return;
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (message.error) pending.reject(new Error(JSON.stringify(message.error)));
    else pending.resolve(message.result);
  }

  private answerServerRequest(id: number | string, method: string, params: unknown): void {
    let result: unknown = null;
    if (method === 'workspace/configuration') result = ((params as { items?: unknown[] }).items ?? []).map(() => ({}));
    if (method === 'workspace/workspaceFolders') result = [];
    this.send({ jsonrpc: '2.0', id, result });
  }

  private onProgress(params: { token: string; value: { kind: string } }): void {
    if (params.value.kind === 'begin') this.activeProgress++;
    if (params.value.kind === 'end' && !this.progressDone.has(params.token)) {
      this.progressDone.add(params.token);
      this.activeProgress = Math.max(0, this.activeProgress - 1);
      const waiters = this.progressWaiters;
      this.progressWaiters = [];
      for (const w of waiters) w();
    }
  }
}

function asLocations(answer: unknown): LspLocation[] {
  if (!answer) return [];
  const list = Array.isArray(answer) ? answer : [answer];
  return list.map((item: Record<string, unknown>) =>
    'targetUri' in item
      ? { uri: item.targetUri as string, range: item.targetSelectionRange as LspLocation['range'] }
      : (item as unknown as LspLocation));
}
