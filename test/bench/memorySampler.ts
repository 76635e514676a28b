// Where this process's memory goes while a bench runs: samples /proc/self/status (RSS split into anonymous,
// file-backed and shared memory) and, less often, /proc/self/smaps (RSS by mapping: clew.db's mmap, the
// malloc heap, anonymous regions such as V8 heaps and WASM memories, libraries). Linux only; elsewhere it records nothing.
import { readFileSync } from 'node:fs';

export interface MemorySample {
  atMs: number;
  rss: number;
  anon: number;
  file: number;
  shmem: number;
  /** RSS by mapping kind, from the last smaps read (bytes). */
  byMapping: Record<string, number>;
}

const kib = (status: string, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;

/** A mapping's kind: the database files by name, other files as "files", the rest by its bracketed name or "anonymous". */
function kindOf(name: string, start: bigint, end: bigint, perms: string): string {
  if (name === '') {
    // WASM memories reserve gigabytes of address space (guard regions); glibc's thread arenas are 64 MiB-aligned heaps.
    if (end - start >= 2n ** 30n) return 'anon: WASM memories';
    if (start % (64n * 2n ** 20n) === 0n && end - start <= 64n * 2n ** 20n && perms.startsWith('rw')) return 'anon: malloc arenas';
    return 'anonymous';
  }
  if (/clew\.db(-shm|-wal)?( \(deleted\))?$/.test(name)) return name.replace(/^.*\//, '').replace(/ \(deleted\)$/, '');
  if (name.startsWith('[')) return name;
  if (name.endsWith('.node') || /\.so(\.|$)/.test(name)) return 'libraries';
  return name.includes('/node') && !name.includes('.') ? 'node binary' : 'other files';
}

/** RSS by mapping kind, from /proc/self/smaps. */
export function rssByMapping(): Record<string, number> {
  const out: Record<string, number> = {};
  let kind = 'anonymous';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) kind = kindOf(header[4] ?? '', BigInt(`0x${header[1]}`), BigInt(`0x${header[2]}`), header[3] ?? '');
    else if (line.startsWith('Rss:')) out[kind] = (out[kind] ?? 0) + Number(/(\d+)/.exec(line)?.[1] ?? 0) * 1024;
  }
  return out;
}

export class MemorySampler {
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();
  private lastMapping: Record<string, number> = {};
  private lastMappingAt = -Infinity;
  /** The sample with the highest RSS so far, and the highest of each part (not necessarily at the same moment). */
  peak: MemorySample | null = null;
  readonly highest = { rss: 0, anon: 0, file: 0, shmem: 0 };
  readonly enabled: boolean;

  constructor(private readonly everyMs = 200, private readonly mappingEveryMs = 2000) {
    this.enabled = process.platform === 'linux';
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  /** Reads the current figures (also called by the timer); returns null off Linux. */
  sample(): MemorySample | null {
    if (!this.enabled) return null;
    const status = readFileSync('/proc/self/status', 'utf8');
    const now = performance.now() - this.started;
    const s = { rss: kib(status, 'VmRSS'), anon: kib(status, 'RssAnon'), file: kib(status, 'RssFile'), shmem: kib(status, 'RssShmem') };
    // smaps costs milliseconds on a process with thousands of mappings: read it less often, and at a new peak.
    const newPeak = s.rss > (this.peak?.rss ?? 0);
    if (now - this.lastMappingAt >= this.mappingEveryMs || (newPeak && now - this.lastMappingAt >= this.everyMs * 2)) {
      this.lastMapping = rssByMapping();
      this.lastMappingAt = now;
    }
    const sample: MemorySample = { atMs: now, ...s, byMapping: this.lastMapping };
    for (const k of ['rss', 'anon', 'file', 'shmem'] as const) this.highest[k] = Math.max(this.highest[k], s[k]);
    if (newPeak) this.peak = sample;
    return sample;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** One line: RSS and its anonymous / file / shared parts, then the largest mappings. */
export function describeSample(s: MemorySample, top = 6): string {
  const parts = Object.entries(s.byMapping).sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${k} ${mib(v)}`).join(', ');
  return `RSS ${mib(s.rss)} = anon ${mib(s.anon)} + file ${mib(s.file)} + shmem ${mib(s.shmem)} at ${(s.atMs / 1000).toFixed(1)} s; by mapping: ${parts}`;
}

/** VmHWM: the kernel's own peak RSS of the process. */
export function highWaterMark(): number {
  return process.platform === 'linux' ? kib(readFileSync('/proc/self/status', 'utf8'), 'VmHWM') : process.resourceUsage().maxRSS * 1024;
}
