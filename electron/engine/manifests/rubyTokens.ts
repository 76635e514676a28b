// Tokens and statements of the Ruby in Gemfiles and gemspecs: enough to find literal arguments, never to run anything.
// Comments, `=begin` blocks, heredoc bodies and everything after `__END__` are dropped; line numbers are kept.

export type RubyToken =
  /** `literal` is false when the string interpolates (`"#{x}"`) or is a heredoc: its value is then not what Ruby sees. */
  | { kind: 'string'; value: string; literal: boolean; line: number }
  /** `%w[a b]` and `%i[a b]`. */
  | { kind: 'words'; values: string[]; line: number }
  | { kind: 'symbol'; value: string; line: number }
  /** A hash key in `key: value` form, without its colon. */
  | { kind: 'label'; value: string; line: number }
  | { kind: 'name'; value: string; line: number }
  | { kind: 'punct'; value: string; line: number }
  /** Numbers, regexps, command strings: values this reader never needs. */
  | { kind: 'other'; line: number }
  /** A line end or `;`. */
  | { kind: 'newline'; line: number };

const PAIRS = new Map([['(', ')'], ['[', ']'], ['{', '}'], ['<', '>']]);
const MULTI_PUNCT = ['=>', '::', '<<', '&.', '==', '!=', '>=', '<=', '&&', '||'];

class RubyLexer {
  private pos = 0;
  private line = 1;
  private readonly tokens: RubyToken[] = [];
  /** Heredocs opened on the current line: their bodies start at the next line end. */
  private heredocs: { id: string; indented: boolean }[] = [];

  constructor(private readonly text: string) {}

  read(): RubyToken[] {
    while (this.pos < this.text.length) {
      if (this.atLineStart() && !this.skipLineStartSpecials()) break;
      this.readOne();
    }
    return this.tokens;
  }

  private atLineStart(): boolean {
    return this.pos === 0 || this.text[this.pos - 1] === '\n';
  }

  /** `=begin … =end` comments and `__END__`; false when the code ends here. */
  private skipLineStartSpecials(): boolean {
    if (/^__END__\r?$/m.test(this.restOfLine())) return false;
    if (/^=begin(\s|$)/.test(this.restOfLine())) {
      while (this.pos < this.text.length && !/^=end(\s|$)/.test(this.restOfLine())) this.skipLine();
      this.skipLine();
    }
    return this.pos < this.text.length;
  }

  private readOne(): void {
    const c = this.text[this.pos] ?? '';
    const rest = this.text.slice(this.pos, this.pos + 3);
    if (c === '\n') return this.newline();
    if (c === ' ' || c === '\t' || c === '\r') return void this.pos++;
    if (c === '\\' && /^\\\r?\n/.test(rest)) {
      this.pos = this.text.indexOf('\n', this.pos) + 1;
      this.line++;
      return;
    }
    if (c === '#') return this.skipComment();
    if (c === ';') return this.push({ kind: 'newline', line: this.line }, 1);
    if (c === '"' || c === "'" || c === '`') return this.readQuotedToken(c);
    if (c === '%' && this.readPercentLiteral()) return;
    if (c === ':' && this.readSymbol()) return;
    if (c === '<' && this.readHeredocStart()) return;
    if (c === '/' && this.regexAllowed()) return this.readRegexp();
    if (/[A-Za-z_]/.test(c)) return this.readName();
    if (/[0-9]/.test(c)) {
      const match = /^[0-9][0-9A-Za-z_.]*/.exec(this.text.slice(this.pos, this.pos + 64))?.[0] ?? c;
      return this.push({ kind: 'other', line: this.line }, match.length);
    }
    const multi = MULTI_PUNCT.find((p) => this.text.startsWith(p, this.pos));
    this.push({ kind: 'punct', value: multi ?? c, line: this.line }, multi?.length ?? 1);
  }

  private newline(): void {
    this.push({ kind: 'newline', line: this.line }, 1);
    this.line++;
    const pending = this.heredocs;
    this.heredocs = [];
    for (const heredoc of pending) {
      // The body runs up to the line holding only the identifier (indented for `<<~` and `<<-`).
      while (this.pos < this.text.length) {
        const line = this.restOfLine().replace(/\r$/, '');
        this.skipLine();
        if ((heredoc.indented ? line.trim() : line) === heredoc.id) break;
      }
    }
  }

  private skipComment(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.text.length : end;
  }

  private readName(): void {
    const match = /^[A-Za-z_][A-Za-z0-9_]*(?:[?!](?!=))?/.exec(this.text.slice(this.pos, this.pos + 256))?.[0] ?? '';
    const after = this.pos + match.length;
    if (this.text[after] === ':' && this.text[after + 1] !== ':') {
      this.push({ kind: 'label', value: match, line: this.line }, match.length + 1);
      return;
    }
    this.push({ kind: 'name', value: match, line: this.line }, match.length);
  }

  private readSymbol(): boolean {
    const next = this.text[this.pos + 1] ?? '';
    if (next === '"' || next === "'") {
      const startLine = this.line;
      this.pos++;
      const string = this.readQuoted(next, next, next === '"');
      this.tokens.push({ kind: 'symbol', value: string.value, line: startLine });
      return true;
    }
    const match = /^:([A-Za-z_][A-Za-z0-9_]*[?!=]?)/.exec(this.text.slice(this.pos, this.pos + 256));
    if (match === null) return false;
    this.push({ kind: 'symbol', value: match[1] ?? '', line: this.line }, match[0].length);
    return true;
  }

  private readQuotedToken(quote: string): void {
    const line = this.line;
    const string = this.readQuoted(quote, quote, quote !== "'");
    this.tokens.push(quote === '`' ? { kind: 'other', line } : { kind: 'string', value: string.value, literal: string.literal, line });
  }

  /** `%q(…)`, `%Q[…]`, `%(…)`, `%w[…]`, `%i[…]`, `%r{…}`, `%s(…)`; false when this `%` is the operator. */
  private readPercentLiteral(): boolean {
    const match = /^%([qQwWiIrsx]?)([^A-Za-z0-9\s])/.exec(this.text.slice(this.pos, this.pos + 3));
    if (match === null) return false;
    const type = match[1] ?? '';
    const open = match[2] ?? '';
    // Without a type letter, `x %(y)` is ambiguous: only read a literal where a value is expected.
    if (type === '' && (!'([{<|!/'.includes(open) || !this.valueExpected())) return false;
    const line = this.line;
    this.pos += match[0].length - 1;
    const string = this.readQuoted(open, PAIRS.get(open) ?? open, !/[qwis]/.test(type));
    if (type === 'w' || type === 'W' || type === 'i' || type === 'I') {
      this.tokens.push({ kind: 'words', values: string.value.split(/\s+/).filter((w) => w !== ''), line });
    } else if (type === 's') this.tokens.push({ kind: 'symbol', value: string.value, line });
    else if (type === 'r' || type === 'x') this.tokens.push({ kind: 'other', line });
    else this.tokens.push({ kind: 'string', value: string.value, literal: string.literal, line });
    return true;
  }

  /** `<<~ID`, `<<-ID`, `<<ID`, optionally quoted: a string now, its body skipped at the line end. */
  private readHeredocStart(): boolean {
    const match = /^<<([~-]?)(["'`]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(this.text.slice(this.pos, this.pos + 256));
    if (match === null) return false;
    this.heredocs.push({ id: match[3] ?? '', indented: match[1] !== '' });
    this.push({ kind: 'string', value: '', literal: false, line: this.line }, match[0].length);
    return true;
  }

  private regexAllowed(): boolean {
    if (this.valueExpected()) return true;
    // `split /,/`: a name, a space, then a `/` not followed by a space.
    const previous = this.tokens.at(-1);
    return previous?.kind === 'name' && this.text[this.pos - 1] === ' ' && !/\s/.test(this.text[this.pos + 1] ?? ' ');
  }

  private readRegexp(): void {
    const line = this.line;
    this.readQuoted('/', '/', true);
    while (/[a-z]/.test(this.text[this.pos] ?? '')) this.pos++;
    this.tokens.push({ kind: 'other', line });
  }

  /** After an operator, an opening bracket, a comma or at a statement start: where `%(…)` and `/…/` are literals. */
  private valueExpected(): boolean {
    const previous = this.tokens.at(-1);
    if (previous === undefined || previous.kind === 'newline' || previous.kind === 'label') return true;
    return previous.kind === 'punct' && !')]}'.includes(previous.value);
  }

  /** Reads from the opening delimiter at `pos` to past the closing one; nested pairs and `#{…}` are followed. */
  private readQuoted(open: string, close: string, interpolates: boolean): { value: string; literal: boolean } {
    let value = '';
    let literal = true;
    let depth = 0;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      if (c === '\\') {
        const escaped = this.text[this.pos + 1] ?? '';
        // Single quotes keep unknown escapes as written; double quotes' `\n` and friends never occur in names or versions.
        value += escaped === close || escaped === open || escaped === '\\' || interpolates ? escaped : `\\${escaped}`;
        if (escaped === '\n') this.line++;
        this.pos += 2;
        continue;
      }
      if (interpolates && c === '#' && this.text[this.pos + 1] === '{') {
        literal = false;
        this.pos++;
        this.readQuoted('{', '}', true);
        continue;
      }
      if (c === close && depth === 0) {
        this.pos++;
        return { value, literal };
      }
      if (open !== close && c === open) depth++;
      else if (open !== close && c === close) depth--;
      if (c === '\n') this.line++;
      value += c;
      this.pos++;
    }
    // Unterminated: whatever was read is not the string Ruby would see.
    return { value, literal: false };
  }

  private restOfLine(): string {
    const end = this.text.indexOf('\n', this.pos);
    return this.text.slice(this.pos, end < 0 ? this.text.length : end);
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.text.length : end + 1;
    if (end >= 0) this.line++;
  }

  private push(token: RubyToken, length: number): void {
    this.tokens.push(token);
    this.pos += length;
  }
}

export function rubyTokens(text: string): RubyToken[] {
  return new RubyLexer(text).read();
}

// A line ending in one of these goes on: `gem 'x',` / `spec.add_dependency 'y',` continue on the next line.
const CONTINUES = new Set([',', '.', '&.', '=', '=>', '&&', '||', '+', '?', '\\']);

/** Statements: tokens up to a line end or `;` outside brackets, without the separator; empty ones dropped. */
export function rubyStatements(text: string): RubyToken[][] {
  const statements: RubyToken[][] = [];
  let current: RubyToken[] = [];
  let depth = 0;
  for (const token of rubyTokens(text)) {
    if (token.kind === 'punct' && '([{'.includes(token.value)) depth++;
    else if (token.kind === 'punct' && ')]}'.includes(token.value)) depth = Math.max(0, depth - 1);
    if (token.kind !== 'newline') {
      current.push(token);
      continue;
    }
    const last = current.at(-1);
    if (depth > 0 || (last?.kind === 'punct' && CONTINUES.has(last.value))) continue;
    if (current.length > 0) statements.push(current);
    current = [];
  }
  if (current.length > 0) statements.push(current);
  return statements;
}
