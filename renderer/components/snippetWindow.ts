// A hit's line cut from the left when its match would fall past the visible end: the results pane is narrow, and a
// match at the end of a long line (`mux.HandleFunc(s.basePath(VarzPath), s.HandleVarz)`) was hidden behind the "…".

export interface Snippet {
  text: string;
  ranges: Array<[number, number]>;
}

/** The range a reader looks for: the longest (the whole name rather than one of its parts), the first of equals. */
function primary(ranges: ReadonlyArray<[number, number]>): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const range of ranges) if (!best || range[1] - range[0] > best[1] - best[0] || (range[1] - range[0] === best[1] - best[0] && range[0] < best[0])) best = range;
  return best;
}

/** `text` as shown in `visible` characters: whole when its main match ends inside them, else after a "…" cut as little
 * as brings that match's end into view (never past its start), with the ranges moved along (one the cut falls in or
 * before is dropped). */
export function snippetWindow(text: string, ranges: ReadonlyArray<[number, number]>, visible: number): Snippet {
  const main = primary(ranges);
  const whole = { text, ranges: [...ranges] };
  if (!main || main[1] <= visible) return whole;
  // One character of the width goes to the "…".
  let cut = Math.min(main[1] - visible + 1, main[0]);
  // Never between the two halves of a surrogate pair.
  if (cut > 0 && /[\uDC00-\uDFFF]/u.test(text[cut] ?? '')) cut--;
  if (cut <= 1) return whole;
  return {
    text: `…${text.slice(cut)}`,
    ranges: ranges.filter(([start]) => start >= cut).map(([start, end]) => [start - cut + 1, end - cut + 1]),
  };
}
