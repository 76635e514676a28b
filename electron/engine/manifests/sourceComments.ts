// Blanks out `//` and `/* */` comments in C-like build scripts, leaving strings and line numbers intact.

/** Same length as `text`: comment characters become spaces, newlines stay. */
export function blankComments(text: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const end = skipStringOrComment(text, i);
    if (end === i) {
      out.push(text[i] ?? '');
      i++;
      continue;
    }
    const piece = text.slice(i, end);
    out.push(piece.startsWith('/') ? piece.replace(/[^\n]/g, ' ') : piece);
    i = end;
  }
  return out.join('');
}

/** The end of a string literal or comment starting at `i`, or `i` itself when none starts there. */
function skipStringOrComment(text: string, i: number): number {
  if (text.startsWith('//', i)) return endOf(text, '\n', i + 2, 0);
  if (text.startsWith('/*', i)) return endOf(text, '*/', i + 2, 2);
  for (const quote of ['"""', "'''", '"', "'"]) {
    if (text.startsWith(quote, i)) return endOfString(text, quote, i + quote.length);
  }
  return i;
}

function endOf(text: string, terminator: string, from: number, keep: number): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length : end + keep;
}

function endOfString(text: string, quote: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(quote, i)) return i + quote.length;
    // Single-quoted strings cannot span lines: an unbalanced quote must not swallow the file.
    else if (text[i] === '\n' && quote.length === 1) return i;
  }
  return text.length;
}
