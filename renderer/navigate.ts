// Opening a symbol known only by FQN (notes): find where it is with symbol search, then open there.
import { call, errorMessage } from './api.js';
import { useStore } from './store/index.js';

const shortName = (fqn: string): string => {
  const head = fqn.split('(')[0] ?? fqn;
  return head.slice(Math.max(...['.', ':', '/', '#'].map((sep) => head.lastIndexOf(sep))) + 1) || fqn;
};

export async function openSymbol(repo: string, fqn: string): Promise<void> {
  const s = useStore.getState();
  try {
    const { results } = await call('search:query', { query: shortName(fqn), mode: 'symbol', repo, limit: 200 });
    const hit = results.find((r) => r.symbol === fqn);
    if (!hit) return s.notify(`${fqn} is not in the index any more`, 'error');
    await s.openAt({ repo: hit.repo, path: hit.path, line: hit.line });
  } catch (e) {
    s.notify(errorMessage(e), 'error');
  }
}
