// Fault: the whole Clew process is SIGKILLed at random points during index + sync + note saves,
// 20 rounds. SQLite must pass integrity_check, every acknowledged note must be there, and after a
// restart and a drain SQLite and Chroma must agree (zero orphans, zero missing).
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRead } from '../../electron/db/connection.js';
import { waitFor } from '../helpers/chroma.js';
import { CLI } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

function run(args: string[], killAfterMs: number | null): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

/** Chroma servers still running on this data directory (a killed Clew's watchdog ends its own). */
function chromaServersFor(dataDir: string): number {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes('chroma') && line.includes(join(dataDir, 'chroma'))).length;
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('Clew killed at random points', () => {
  it('keeps SQLite intact and every acknowledged note, and converges with Chroma after restart', async () => {
    const data = tempDir('clew-fault-kill-');
    const repo = tempDir('clew-fault-kill-repo-');
    writeTree(repo.path, SAMPLE_REPO);
    const next = random(20261130);
    const base = ['--data-dir', data.path, '--json'];
    const acknowledged: Array<{ id: number; text: string }> = [];
    let killed = 0;
    try {
      expect((await run([...base, 'index', repo.path], null)).code).toBe(0);
      for (let round = 0; round < 20; round++) {
        // Give every round real work: a changed file to re-index and its vectors to sync.
        appendFileSync(join(repo.path, 'py/app.py'), `\n\ndef generated_${round}(x):\n    """Round ${round}."""\n    return x * ${round}\n`);
        const text = `note from round ${round}`;
        const args = round % 2 === 0 ? [...base, 'index', repo.path, '--wait-sync'] : [...base, 'note', 'add', 'py.app.hello', text];
        const result = await run(args, Math.round(150 + next() * 1800));
        if (result.code === null) killed++;
        if (round % 2 === 1 && result.code === 0) acknowledged.push({ id: (JSON.parse(result.stdout) as { id: number }).id, text });
        await waitFor('the killed run\'s Chroma server to end', () => chromaServersFor(data.path) === 0, 10_000, 100);
      }
      expect(killed).toBeGreaterThan(0);
      const db = openRead(join(data.path, 'clew.db'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const notes = new Map(db.prepare<[], { id: number; text: string }>('SELECT id, text FROM notes').all().map((n) => [n.id, n.text]));
        for (const note of acknowledged) expect(notes.get(note.id)).toBe(note.text);
      } finally {
        db.close();
      }

      const final = await run([...base, 'index', repo.path, '--wait-sync'], null);
      expect(final.code).toBe(0);
      expect(JSON.parse(final.stdout)).toMatchObject({ sync: { drained: true, pending: 0, failed: 0 } });
      const check = await run([...base, 'repair', '--dry-run'], null);
      expect(check.code).toBe(0);
      expect(JSON.parse(check.stdout)).toMatchObject({ dryRun: true, orphans: 0, missing: 0, stale: 0, healthy: true });
    } finally {
      data.cleanup();
      repo.cleanup();
    }
  }, 600_000);
});
