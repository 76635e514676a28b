// JSON.parse's own message quotes the text around the error; a settings file may be a symlink to
// anything, so its errors name the line and column only, never the content.

/** Parses `text`; on failure throws "is not valid JSON (line L, column C)". */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { line, column } = lineAndColumn(text, errorOffset(text));
    throw new Error(`is not valid JSON (line ${line}, column ${column})`);
  }
}

/** Where a JSON document first goes wrong: a scan of its grammar (JSON.parse does not always say where). */
export function errorOffset(text: string): number {
  let i = 0;
  const space = (): void => { while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++; };
  const fail = (): never => { throw i; };
  const expect = (c: string): void => { if (text[i] === c) i++; else fail(); };
  const literal = (word: string): void => { for (const c of word) expect(c); };
  const string = (): void => {
    expect('"');
    while (text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (i >= text.length || c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') { i++; for (let k = 0; k < 4; k++) { if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail(); i++; } } else if ('"\\/bfnrt'.includes(text[i] ?? 'x') && i < text.length) i++;
        else fail();
      } else i++;
    }
    i++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match?.[0]) fail();
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++; space();
      if (text[i] === '}') { i++; return; }
      for (;;) { space(); string(); space(); expect(':'); value(); space(); if (text[i] === ',') { i++; continue; } expect('}'); return; }
    }
    if (c === '[') {
      i++; space();
      if (text[i] === ']') { i++; return; }
      for (;;) { value(); space(); if (text[i] === ',') { i++; continue; } expect(']'); return; }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
  return text.length;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
