import { defineConfig } from 'vitest/config';

// One project per suite, so each runs alone (`npm run test:unit`, `vitest run --project faults`) and
// `vitest run` runs them all. Pool and timeouts are shared: two forks, since real Chroma, SQLite and
// Chromium processes share two cores.
const suite = (name: string) => ({ extends: true as const, test: { name, include: [`test/${name}/**/*.test.ts`] } });

export default defineConfig({
  test: {
    projects: [suite('unit'), suite('integration'), suite('faults'), suite('e2e')],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
