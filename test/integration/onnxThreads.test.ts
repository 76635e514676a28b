// A transformers model used from several threads at once (Clew's sync thread and search workers each hold a
// session) must not take the process down: onnxruntime-node 1.21 aborted it (package.json overrides it to 1.22).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBertModel } from '../helpers/tinyModel/bertModel.js';
import { SPECIAL_TOKENS } from '../helpers/tinyModel/tokenizerFiles.js';

const root = mkdtempSync(join(tmpdir(), 'clew-onnx-threads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a transformers model in several threads', () => {
  it('embeds from three threads at once without aborting the process', () => {
    const { dir } = writeBertModel(join(root, 'bert'), {
      shape: { layers: 2, hidden: 64, heads: 4, intermediate: 128, maxPositions: 64 },
      vocab: [...SPECIAL_TOKENS, 'def', 'get', 'user', 'order', 'class', '(', ')'],
      weights: 'fp32',
    });
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'helpers', 'onnxThreads.ts'), dir], { encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr.includes('FATAL ERROR') ? child.stderr.slice(0, 400) : '').toBe('');
    expect(child.status, child.stderr.slice(0, 400)).toBe(0);
    expect(child.stdout).toContain('all threads done');
  }, 150_000);
});
