// A fast path for the most common static-model tokenizer (BERT normaliser, BERT pre-tokeniser, WordPiece), giving the
// same ids as transformers.js' tokenizer without its per-character work; other tokenizer.json shapes are not handled here.

interface BertNormalizerConfig {
  type: 'BertNormalizer';
  clean_text?: boolean;
  handle_chinese_chars?: boolean;
  strip_accents?: boolean | null;
  lowercase?: boolean;
}

export interface WordPieceTokenizer {
  /** Token ids of one text, without special tokens; unknown words give the unknown id. */
  encode(text: string): number[];
  unkId: number | null;
  vocabSize: number;
}

// The BERT pre-tokeniser's punctuation: Unicode punctuation plus every ASCII symbol (as transformers.js and tokenizers).
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const WORDS = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
// Removed by clean_text: NUL, U+FFFD and control/format/private/surrogate characters other than tab, newline, return.
// eslint-disable-next-line no-control-regex
const UNWANTED = /\u0000|\uFFFD|(?![\t\n\r])[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const WHITESPACE = /\s/gu;
// CJK ideographs get spaces around them; only BMP code units, exactly as transformers.js checks them.
const CJK = /[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF]/g;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function normalizer(config: BertNormalizerConfig | null): (text: string) => string {
  if (!config) return (t) => t;
  const strip = (t: string): string => (NON_ASCII.test(t) ? t.normalize('NFD').replace(/\p{Mn}/gu, '') : t);
  return (text) => {
    let t = text;
    if (config.clean_text) t = t.replace(UNWANTED, '').replace(WHITESPACE, ' ');
    if (config.handle_chinese_chars) t = t.replace(CJK, ' $& ');
    if (config.lowercase) {
      t = t.toLowerCase();
      if (config.strip_accents !== false) t = strip(t);
    } else if (config.strip_accents) t = strip(t);
    return t;
  };
}

/** The fast tokenizer for a tokenizer.json it understands exactly, else null (the caller uses transformers.js). */
export function fastWordPiece(tokenizerJson: Record<string, unknown>): WordPieceTokenizer | null {
  const model = tokenizerJson.model;
  const norm = tokenizerJson.normalizer ?? null;
  const pre = tokenizerJson.pre_tokenizer;
  if (!isObject(model) || model.type !== 'WordPiece' || !isObject(model.vocab)) return null;
  if (norm !== null && !(isObject(norm) && norm.type === 'BertNormalizer')) return null;
  if (!isObject(pre) || pre.type !== 'BertPreTokenizer') return null;

  const vocab = new Map<string, number>();
  let longest = 0;
  for (const [token, id] of Object.entries(model.vocab)) {
    if (typeof id !== 'number') return null;
    vocab.set(token, id);
    longest = Math.max(longest, [...token].length);
  }
  const prefix = typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : '##';
  const maxChars = typeof model.max_input_chars_per_word === 'number' ? model.max_input_chars_per_word : 100;
  const unk = typeof model.unk_token === 'string' ? vocab.get(model.unk_token) : undefined;
  const unkId = unk ?? null;
  return build();

  function build(): WordPieceTokenizer {
    const normalize = normalizer(norm as BertNormalizerConfig | null);
    const normalizeAscii = asciiNormalizer(norm as BertNormalizerConfig | null);
    const pushWord = (word: string, out: number[]): void => {
      // Code points, not UTF-16 units; words without surrogates (nearly all of code) skip the copy.
      const chars = /[\uD800-\uDFFF]/.test(word) ? [...word] : null;
      const length = chars ? chars.length : word.length;
      if (length > maxChars) {
        if (unkId !== null) out.push(unkId);
        return;
      }
      const whole = vocab.get(word);
      if (whole !== undefined) {
        out.push(whole);
        return;
      }
      const piece = (from: number, to: number): string => (chars ? chars.slice(from, to).join('') : word.slice(from, to));
      const start0 = out.length;
      let start = 0;
      while (start < length) {
        let end = Math.min(length, start + longest);
        let found: number | undefined;
        while (start < end) {
          const sub = start > 0 ? prefix + piece(start, end) : piece(start, end);
          found = vocab.get(sub);
          if (found !== undefined) break;
          end--;
        }
        if (found === undefined) {
          // One unknown piece makes the whole word unknown, as in BERT.
          out.length = start0;
          if (unkId !== null) out.push(unkId);
          return;
        }
        out.push(found);
        start = end;
      }
    };
    return {
      unkId,
      vocabSize: vocab.size,
      encode(text: string): number[] {
        const out: number[] = [];
        if (!NON_ASCII.test(text)) {
          encodeAscii(text, normalizeAscii, (word) => pushWord(word, out));
          return out;
        }
        const normalized = normalize(text);
        if (!normalized) return out;
        for (const m of normalized.trim().matchAll(WORDS)) pushWord(m[0], out);
        return out;
      },
    };
  }
}

/** ASCII text needs none of the Unicode work: drop control characters, lower-case if asked. */
function asciiNormalizer(config: BertNormalizerConfig | null): (text: string) => string {
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
  return (text) => {
    let t = text;
    if (config?.clean_text) t = t.replace(controls, '');
    if (config?.lowercase) t = t.toLowerCase();
    return t;
  };
}

/** The BERT pre-tokeniser on ASCII: words split at whitespace, each ASCII symbol a word of its own. */
function encodeAscii(text: string, normalize: (t: string) => string, emit: (word: string) => void): void {
  const t = normalize(text);
  let start = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13);
    const symbol = (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
    if (space || symbol) {
      if (start >= 0) emit(t.slice(start, i));
      start = -1;
      if (symbol) emit(t[i]!);
    } else if (start < 0) start = i;
  }
  if (start >= 0) emit(t.slice(start));
}

/** Added tokens (like [CLS]) that appear literally in a text are split out by transformers.js; the fast path does not. */
export function addedTokenContents(tokenizerJson: Record<string, unknown>): string[] {
  const added = Array.isArray(tokenizerJson.added_tokens) ? tokenizerJson.added_tokens : [];
  return added.filter(isObject).map((t) => t.content).filter((c): c is string => typeof c === 'string' && c.length > 0);
}
