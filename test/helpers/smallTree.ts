// A deterministic tree of small Python and TypeScript files (with routes), in versions: a new
// version changes every file's symbols, so a mass rewrite is visible in every table.
export function smallTree(count: number, version = 1): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const dir = `pkg${i % 20}`;
    if (i % 3 === 0) {
      files[`${dir}/routes${i}.ts`] = `import express from 'express';
const app = express();

/** Serves item ${i}, version ${version}. */
export function item${i}v${version}(req: unknown, res: { send(s: string): void }) {
  res.send('${i}');
}

app.get('/items/${i}/v${version}', item${i}v${version});

export class Store${i} {
  load${version}(id: number): number {
    return id * ${i + version};
  }
}
`;
    } else {
      files[`${dir}/mod${i}.py`] = `"""Module ${i}."""


def compute_${i}_v${version}(value):
    """Computes ${i}."""
    return value * ${i + version}


class Handler${i}:
    def handle_v${version}(self, event):
        return compute_${i}_v${version}(event)
`;
    }
  }
  return files;
}
