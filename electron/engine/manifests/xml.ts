// A small, forgiving XML reader for build files: elements, their attributes and text (no namespaces).

export interface XmlElement {
  /** Local name: any `prefix:` is dropped. */
  name: string;
  /** By local name as written, values entity-decoded; a repeated attribute keeps its first value. */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded, CDATA included), untrimmed. */
  text: string;
}

export interface XmlDocument {
  root: XmlElement | null;
  /** The first problem met; the tree still holds everything read until then and after. */
  error: string | null;
}

const ENTITIES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

class XmlReader {
  private pos = 0;
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | null = null;
  private error: string | null = null;

  constructor(private readonly text: string) {}

  read(): XmlDocument {
    while (this.pos < this.text.length) {
      const lt = this.text.indexOf('<', this.pos);
      if (lt < 0) {
        this.appendText(decodeEntities(this.text.slice(this.pos)));
        break;
      }
      this.appendText(decodeEntities(this.text.slice(this.pos, lt)));
      this.pos = lt;
      if (!this.readMarkup()) break;
    }
    const open = this.stack.at(-1);
    if (open !== undefined) this.fail(`<${open.name}> is never closed`, this.text.length);
    if (this.root === null) this.fail('no root element', 0);
    return { root: this.root, error: this.error };
  }

  /** Reads the markup starting at `pos` (a `<`); false when the rest of the text is unreadable. */
  private readMarkup(): boolean {
    if (this.startsWith('<!--')) return this.skipPast('-->', 'comment');
    if (this.startsWith('<![CDATA[')) return this.readCdata();
    if (this.startsWith('<?')) return this.skipPast('?>', 'processing instruction');
    if (this.startsWith('<!')) return this.skipDeclaration();
    if (this.startsWith('</')) return this.readCloseTag();
    return this.readOpenTag();
  }

  private readCdata(): boolean {
    const start = this.pos + '<![CDATA['.length;
    const end = this.text.indexOf(']]>', start);
    if (end < 0) return this.unterminated('CDATA section');
    this.appendText(this.text.slice(start, end));
    this.pos = end + 3;
    return true;
  }

  /** `<!DOCTYPE …>` may hold an internal subset in brackets, whose `>`s do not end it. */
  private skipDeclaration(): boolean {
    let depth = 0;
    for (let i = this.pos + 2; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.pos = i + 1;
        return true;
      }
    }
    return this.unterminated('declaration');
  }

  private readCloseTag(): boolean {
    const end = this.text.indexOf('>', this.pos);
    if (end < 0) return this.unterminated('closing tag');
    const name = localName(this.text.slice(this.pos + 2, end).trim());
    const at = this.pos;
    this.pos = end + 1;
    const index = this.stack.map((el) => el.name).lastIndexOf(name);
    if (index < 0) {
      this.fail(`</${name}> closes nothing`, at);
      return true;
    }
    if (index !== this.stack.length - 1) this.fail(`</${name}> closes <${this.stack.at(-1)?.name ?? ''}>`, at);
    this.stack.length = index;
    return true;
  }

  private readOpenTag(): boolean {
    const end = findTagEnd(this.text, this.pos + 1);
    if (end < 0) return this.unterminated('tag');
    if (this.text[end] === '<') {
      // A tag cut short by the next one: report it, skip it, and read on from there.
      this.fail('unterminated tag', this.pos);
      this.pos = end;
      return true;
    }
    const inner = this.text.slice(this.pos + 1, end);
    const rawName = /^[^\s/>]+/.exec(inner)?.[0];
    const at = this.pos;
    this.pos = end + 1;
    if (rawName === undefined) {
      this.fail('a tag without a name', at);
      return true;
    }
    const element: XmlElement = { name: localName(rawName), attributes: readAttributes(inner.slice(rawName.length)), children: [], text: '' };
    this.attach(element, at);
    if (!inner.endsWith('/')) this.stack.push(element);
    return true;
  }

  private attach(element: XmlElement, at: number): void {
    const parent = this.stack.at(-1);
    if (parent !== undefined) parent.children.push(element);
    else if (this.root === null) this.root = element;
    else this.fail(`a second root element <${element.name}>`, at);
  }

  private appendText(text: string): void {
    const top = this.stack.at(-1);
    if (top !== undefined) top.text += text;
  }

  private startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }

  private skipPast(terminator: string, what: string): boolean {
    const end = this.text.indexOf(terminator, this.pos);
    if (end < 0) return this.unterminated(what);
    this.pos = end + terminator.length;
    return true;
  }

  private unterminated(what: string): boolean {
    this.fail(`unterminated ${what}`, this.pos);
    return false;
  }

  private fail(message: string, at: number): void {
    this.error ??= `${message} (line ${lineAt(this.text, at)})`;
  }
}

export function parseXml(text: string): XmlDocument {
  return new XmlReader(text).read();
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The trimmed text of the first child called `name`; null when absent or empty. */
export function childText(element: XmlElement, name: string): string | null {
  const text = childElements(element, name)[0]?.text.trim();
  return text === undefined || text === '' ? null : text;
}

/** `name="value"` and `name='value'` pairs; anything unreadable between them is skipped. */
function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = localName(match[1] ?? '');
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** The `>` ending a tag that opens at `from` (skipping quoted attribute values), or the `<` that cuts it short; -1 if neither. */
function findTagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>' || c === '<') return i;
  }
  return -1;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES.get(body) ?? whole;
  });
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
