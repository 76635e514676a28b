// A clickable row (table row, outline item) that the keyboard reaches too: Tab focuses it, Enter or Space opens it.
import type { KeyboardEvent } from 'react';

export function rowActivation(open: () => void): { tabIndex: number; onClick: () => void; onKeyDown: (e: KeyboardEvent) => void } {
  return {
    tabIndex: 0,
    onClick: open,
    onKeyDown: (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      open();
    },
  };
}
