// Attaches detections to symbols: innermost symbol enclosing a line, or a callable found by name.
import type { ParsedSymbol } from '../../base/fileAnalysis.js';

const CALLABLE = new Set(['function', 'method', 'constructor']);

export class SymbolIndex {
  private byLine: Int32Array | null = null;
  private names: Map<string, number> | null = null;

  constructor(readonly symbols: readonly ParsedSymbol[]) {}

  /** Index of the innermost symbol whose line range contains `line`, or null. */
  enclosing(line: number): number | null {
    if (this.symbols.length === 0) return null;
    this.byLine ??= this.buildLines();
    const hit = line < this.byLine.length ? this.byLine[line]! : -1;
    return hit < 0 ? null : hit;
  }

  /** A symbol named `name` (last segment of a dotted/scoped name), callables first, else null. */
  byName(name: string): number | null {
    if (this.symbols.length === 0) return null;
    this.names ??= this.buildNames();
    return this.names.get(lastSegment(name)) ?? null;
  }

  /** The handler's own symbol when it is named and defined here, else the symbol around `line`. */
  /** A named handler not defined in this file stays null: the indexer links it across files by name. */
  handler(name: string | null, line: number): number | null {
    return name !== null ? (this.byName(name) ?? null) : this.enclosing(line);
  }

  // Widest ranges painted first so nested symbols overwrite them; on equal ranges the later (child) wins.
  private buildLines(): Int32Array {
    let max = 0;
    for (const s of this.symbols) max = Math.max(max, s.endLine);
    const lines = new Int32Array(max + 1).fill(-1);
    const order = this.symbols.map((_, i) => i);
    order.sort((a, b) => span(this.symbols[b]!) - span(this.symbols[a]!) || a - b);
    for (const i of order) {
      const s = this.symbols[i]!;
      lines.fill(i, Math.max(0, s.startLine), s.endLine + 1);
    }
    return lines;
  }

  private buildNames(): Map<string, number> {
    const names = new Map<string, number>();
    for (const pass of [true, false]) {
      this.symbols.forEach((s, i) => {
        if (CALLABLE.has(s.kind) === pass && !names.has(s.name)) names.set(s.name, i);
      });
    }
    return names;
  }
}

function span(s: ParsedSymbol): number {
  return s.endLine - s.startLine;
}

export function lastSegment(name: string): string {
  const m = /([A-Za-z_$][\w$]*)\W*$/.exec(name);
  return m ? m[1]! : name;
}
