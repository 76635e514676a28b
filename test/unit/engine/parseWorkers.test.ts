// The parse pool uses every core: parsing, not the writer, bounds a full index (about 2.4x the
// writer's CPU per file on real Go trees), so leaving a core idle for the writer slowed it down.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultParseWorkers } from '../../../electron/engine/fileWriter.js';

describe('parse pool size', () => {
  it('is one worker per core (at most 8)', () => {
    expect(defaultParseWorkers()).toBe(Math.max(1, Math.min(8, availableParallelism())));
  });
});
