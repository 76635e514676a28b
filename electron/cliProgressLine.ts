// The one progress line `clew index` keeps rewriting on a terminal: each text overwrites the last in full (a
// shorter one leaves no tail), and the line is wiped before anything else is printed, so a report never
// starts beside it.
export interface ProgressLine {
  show(text: string): void;
  /** Wipes the line if one is shown; call before printing anything else. */
  clear(): void;
}

export function progressLine(write: (chunk: string) => void): ProgressLine {
  let width = 0;
  return {
    show(text) {
      write(`\r${text.padEnd(width)}`);
      width = Math.max(width, text.length);
    },
    clear() {
      if (width === 0) return;
      write(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
  };
}
