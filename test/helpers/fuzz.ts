// Seeded randomness for fuzz tests: the same seed replays the same inputs, so a failure names its
// seed (set CLEW_FUZZ_SEED to replay it).
export interface Random {
  readonly seed: number;
  next(): number;
  int(max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  string(maxLength: number): string;
}

/** mulberry32: small, fast and good enough to spread inputs. */
export function seededRandom(seed = Number(process.env.CLEW_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  // Characters that break parsers: quotes, slashes, control characters, NUL, surrogates, regex and glob syntax.
  const ALPHABET = ['a', 'Z', '0', ' ', '.', '/', '\\', '"', "'", '*', '?', '[', ']', '(', ')', '{', '}', '$', '%', '-', '--', '=', '\n', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u202e', '\ud800', 'é', '😀', '..', '~', '#', '&', '|', ';', '+'];
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick,
    string: (maxLength) => Array.from({ length: int(maxLength + 1) }, () => pick(ALPHABET)).join(''),
  };
}

/** Values of every JSON type, including edge cases of each. */
export function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 8)) {
    case 0: return r.pick([0, -1, 1, 1.5, -0, 2 ** 53, -(2 ** 31), 1e308, 24 * 3600_000 + 1]);
    case 1: return r.string(12);
    case 2: return r.pick([true, false]);
    case 3: return null;
    case 4: return r.pick(['', 'x'.repeat(5000), '../../etc/passwd', '/', '(a+)+$', '%s%n', 'undefined', '__proto__']);
    case 5: return r.int(3) === 0 ? 'keyword' : r.int(1000);
    case 6: return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(['a', 'repo', 'path', 'query', 'id', '__proto__', 'constructor', r.string(6)]), randomValue(r, depth + 1)]));
  }
}

/** A valid object bent one to three ways: a key dropped, a value swapped for another type, an unknown key added. */
export function mutate(r: Random, valid: Record<string, unknown>): unknown {
  if (r.chance(0.05)) return randomValue(r);
  const out: Record<string, unknown> = { ...valid };
  for (let n = 1 + r.int(3); n > 0; n--) {
    const keys = Object.keys(out);
    const op = r.int(4);
    if (op === 0 && keys.length) delete out[r.pick(keys)];
    else if (op === 1 && keys.length) out[r.pick(keys)] = randomValue(r);
    else if (op === 2) out[r.pick(['extra', '__proto__', 'constructor', r.string(5)])] = randomValue(r);
    else if (keys.length) {
      const key = r.pick(keys);
      const value = out[key];
      out[key] = typeof value === 'string' ? value + r.string(6) : typeof value === 'number' ? r.pick([value * -1, value + 0.5, value * 1e9, 0]) : randomValue(r);
    }
  }
  return out;
}
