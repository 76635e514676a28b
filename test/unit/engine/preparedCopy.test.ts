// A prepared file crosses to the writer thread by a structured clone, as it is: its occurrence rows are an Int32Array
// of their own (not a view of the parse's larger buffer, which the clone would copy whole) and arrive equal.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareFile, type PreparedText } from '../../../electron/engine/prepareFile.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';

const GO = 'package api\n\nimport "fmt"\n\ntype Request struct {\n\tName string\n}\n\nfunc (r *Request) GetName() string {\n\tfmt.Println(r.Name)\n\treturn r.Name\n}\n';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('the prepared file between threads', () => {
  it('keeps its occurrence rows in an Int32Array of their own, equal after a structured clone', async () => {
    const dir = tempDir('clew-copy-');
    dirs.push(dir);
    writeTree(dir.path, { 'api/api.go': GO, 'notes.txt': 'plain text\n' });
    const prepare = (relPath: string): ReturnType<typeof prepareFile> =>
      prepareFile({ absPath: join(dir.path, relPath), relPath, repoKey: 'r', embedderId: 'e', previousHash: null });
    const go = (await prepare('api/api.go')) as PreparedText;
    const rows = go.analysis?.occurrences?.rows;
    expect(rows).toBeInstanceOf(Int32Array);
    expect(rows?.length).toBeGreaterThan(30);
    expect(rows?.byteOffset).toBe(0);
    expect(rows?.buffer.byteLength).toBe(rows?.byteLength);
    const copy = structuredClone(go);
    expect(copy).toEqual(go);
    expect(copy.analysis?.occurrences?.rows).toBeInstanceOf(Int32Array);
    const text = (await prepare('notes.txt')) as PreparedText;
    expect(text.analysis).toBeNull();
    expect(structuredClone(text)).toEqual(text);
  });
});
