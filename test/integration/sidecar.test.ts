// The Chroma supervisor against the real server: start, identity, restart after SIGKILL, hang, stop.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromaSidecar } from '../../electron/sidecar/chromaSidecar.js';
import { ExternalServer } from '../../electron/sidecar/externalServer.js';
import { verifyIdentity, instanceId } from '../../electron/sidecar/identity.js';
import { nodeLauncher } from '../../electron/sidecar/nodeLauncher.js';
import { VECTOR_SERVER_NICENESS } from '../../electron/sidecar/serverPriority.js';
import { isAlive, readyPid, startSidecar, waitFor } from '../helpers/chroma.js';
import { tempDir } from '../helpers/fixtures.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupAfterEach();

function dataDir(): string {
  const dir = tempDir('clew-sidecar-');
  cleanups.push(dir.cleanup);
  return dir.path;
}

describe('Chroma sidecar', () => {
  it('starts the server on 127.0.0.1 with its data under the data directory and reports it', async () => {
    const dir = dataDir();
    const { sidecar, url } = await startSidecar(dir);
    cleanups.push(() => sidecar.stop());
    const status = sidecar.status();
    expect(status).toMatchObject({ mode: 'sidecar', state: 'ready', version: '1.0.0', restarts: 0, lastError: null });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(status.pid && isAlive(status.pid)).toBe(true);
    expect(existsSync(join(dir, 'chroma', 'chroma.sqlite3'))).toBe(true);
    expect(readFileSync(join(dir, 'chroma.log'), 'utf8')).toContain('starting Chroma on');
    const heartbeat = await fetch(`${url}/api/v2/heartbeat`);
    expect(heartbeat.ok).toBe(true);
  });

  // /proc shows each thread's niceness (Linux): Chroma's own threads (its async runtime, its SQLite workers) must run
  // below the app, or filling the graph after a first index slows every search (serverPriority.ts).
  it.skipIf(process.platform !== 'linux')('runs the server\'s threads below the app\'s priority', async () => {
    const { sidecar, url } = await startSidecar(dataDir());
    cleanups.push(() => sidecar.stop());
    await fetch(`${url}/api/v2/heartbeat`);
    const pid = sidecar.status().pid as number;
    const threads = readdirSync(`/proc/${pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // After the name in parentheses: state is field 3, niceness field 19.
      return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
    });
    const chroma = threads.filter((t) => /^(tokio|sqlx)/.test(t.name));
    expect(chroma.length).toBeGreaterThan(0);
    expect(chroma.map((t) => t.nice)).toEqual(chroma.map(() => VECTOR_SERVER_NICENESS));
    expect(os.getPriority(pid)).toBe(VECTOR_SERVER_NICENESS);
    // The app itself keeps its own.
    expect(os.getPriority()).toBe(0);
  });

  it('restarts the server with a new pid after it is killed, counting the restart', async () => {
    const { sidecar } = await startSidecar(dataDir());
    cleanups.push(() => sidecar.stop());
    const states: string[] = [];
    sidecar.onChange((s) => states.push(s.state));
    const first = sidecar.status().pid as number;
    process.kill(first, 'SIGKILL');
    const second = await waitFor('a restarted server', () => { const pid = readyPid(sidecar.status()); return pid !== first ? pid : null; });
    expect(second).not.toBe(first);
    expect(states).toContain('restarting');
    expect(sidecar.status()).toMatchObject({ state: 'ready', restarts: 1 });
    expect(sidecar.status().lastError).toBeNull();
  });

  it('kills and restarts a server that stops answering heartbeats', async () => {
    const { sidecar } = await startSidecar(dataDir(), { healthIntervalMs: 200 });
    cleanups.push(() => sidecar.stop());
    const first = sidecar.status().pid as number;
    process.kill(first, 'SIGSTOP');
    cleanups.push(() => { if (isAlive(first)) process.kill(first, 'SIGKILL'); });
    await waitFor('the hung server to be replaced', () => { const pid = readyPid(sidecar.status()); return pid !== first ? pid : null; }, 40_000);
    expect(isAlive(first)).toBe(false);
  });

  it('refuses a server that serves another data directory', async () => {
    const mine = dataDir();
    const theirs = await startSidecar(dataDir());
    cleanups.push(() => theirs.sidecar.stop());
    const check = await verifyIdentity(theirs.url, join(mine, 'chroma'), instanceId(mine));
    expect(check.ok).toBe(false);
    expect(check.reason).toContain('another Clew data directory');
  });

  it('stops the server last and leaves no process behind', async () => {
    const { sidecar } = await startSidecar(dataDir());
    const pid = sidecar.status().pid as number;
    await sidecar.stop();
    expect(sidecar.status()).toMatchObject({ state: 'stopped', pid: null });
    expect(isAlive(pid)).toBe(false);
  });

  it('marks the server down and keeps retrying when it cannot start', async () => {
    const sidecar = new ChromaSidecar({ dataDir: dataDir(), launcher: nodeLauncher, entry: { entry: '/nonexistent/chroma-server.js', execArgv: [] }, maxBackoffMs: 200 });
    cleanups.push(() => sidecar.stop());
    sidecar.start();
    await waitFor('the server to be reported down', () => sidecar.status().state === 'down');
    expect(sidecar.status().restarts).toBeGreaterThanOrEqual(3);
    expect(sidecar.status().lastError).toMatch(/exited/);
  });
});

describe('external Chroma server', () => {
  it('follows the heartbeat of a server given by URL', async () => {
    const { sidecar, url } = await startSidecar(dataDir());
    const external = new ExternalServer(url, 100);
    external.start();
    cleanups.push(() => external.stop());
    await waitFor('external ready', () => external.readyUrl());
    expect(external.status()).toMatchObject({ mode: 'external', url, state: 'ready', pid: null, version: '1.0.0' });
    await sidecar.stop();
    await waitFor('external down', () => external.status().state === 'down');
    expect(external.readyUrl()).toBeNull();
  });
});
