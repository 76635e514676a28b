// A prepared file crosses to the writer thread with its occurrence rows packed in an Int32Array and arrives
// as the same data the writer takes from an inline prepare.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareFile, type PreparedText } from '../../../electron/engine/prepareFile.js';
import { packPrepared, unpackPrepared } from '../../../electron/engine/preparedWire.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';

const GO = 'package api\n\nimport "fmt"\n\ntype Request struct {\n\tName string\n}\n\nfunc (r *Request) GetName() string {\n\tfmt.Println(r.Name)\n\treturn r.Name\n}\n';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('the prepared file between threads', () => {
  it('packs the occurrence rows and unpacks to what was prepared, through a structured clone', async () => {
    const dir = tempDir('clew-wire-');
    dirs.push(dir);
    writeTree(dir.path, { 'api/api.go': GO, 'notes.txt': 'plain text\n' });
    for (const relPath of ['api/api.go', 'notes.txt']) {
      const prepared = await prepareFile({ absPath: join(dir.path, relPath), relPath, repoKey: 'r', embedderId: 'e', previousHash: null });
      const wire = structuredClone(packPrepared(prepared));
      expect(unpackPrepared(wire)).toEqual(prepared);
      if (relPath === 'notes.txt') expect((prepared as PreparedText).analysis).toBeNull();
    }
    const go = await prepareFile({ absPath: join(dir.path, 'api/api.go'), relPath: 'api/api.go', repoKey: 'r', embedderId: 'e', previousHash: null });
    const rows = (go as PreparedText).analysis?.occurrences?.rows ?? [];
    expect(rows.length).toBeGreaterThan(30);
    const wire = packPrepared(go);
    expect(wire.kind === 'text' && wire.analysis?.occurrences?.rows).toBeInstanceOf(Int32Array);
    const back = unpackPrepared(structuredClone(wire));
    expect(back.kind === 'text' && Array.isArray(back.analysis?.occurrences?.rows)).toBe(true);
    expect(unpackPrepared(packPrepared({ kind: 'same' }))).toEqual({ kind: 'same' });
  });
});
