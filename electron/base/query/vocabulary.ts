// The words code uses for a question's words: identifiers abbreviate (extension → ext, configuration → cfg), code
// has its own verbs (convert → coerce, cast), and translations sit in files named by language code (German →
// de.ts, messages_de.properties). A question word's related words widen what it matches; they never replace it.
import { stem } from './stem.js';

// Abbreviations found in identifiers, each with the word(s) it stands for. Both directions count: a question
// says "extension" where the code says `ext`, and a person may type `cfg` for the configuration. Abbreviations
// that stand for unrelated words (desc: description or descending, res: response, result or resource, dec, def,
// proc, ws) are left out: they would match the wrong half as often as the right one.
const ABBREVIATIONS: Record<string, readonly string[]> = {
  accel: ['acceleration', 'accelerate'], addr: ['address'], alloc: ['allocate', 'allocation'], app: ['application'],
  arg: ['argument'], args: ['arguments'], attr: ['attribute'], auth: ['authentication', 'authorization'], buf: ['buffer'],
  calc: ['calculate', 'calculation'], cb: ['callback'], cert: ['certificate'], cfg: ['configuration', 'config'],
  char: ['character'], cmd: ['command'], cmp: ['compare', 'comparison'], col: ['column'], conf: ['configuration'],
  config: ['configuration'], conn: ['connection'], ctx: ['context'], cur: ['current'], db: ['database'], del: ['delete'],
  dest: ['destination'], dict: ['dictionary'], diff: ['difference'], dir: ['directory'], doc: ['document'],
  dst: ['destination'], elem: ['element'], enc: ['encode', 'encoding'], env: ['environment'], eq: ['equal', 'equality'],
  err: ['error'], exc: ['exception'], expr: ['expression'], ext: ['extension'],
  fmt: ['format'], fn: ['function'], func: ['function'], gen: ['generate', 'generator'], hdr: ['header'],
  idx: ['index'], img: ['image'], impl: ['implementation', 'implement'], info: ['information'], init: ['initialize', 'initialise'],
  int: ['integer'], iter: ['iterator', 'iterate'], lang: ['language'], len: ['length'], lib: ['library'],
  max: ['maximum'], mgr: ['manager'], min: ['minimum'], msg: ['message'], mut: ['mutable'], num: ['number'],
  obj: ['object'], op: ['operation', 'operator'], opt: ['option'], opts: ['options'], orig: ['original'],
  param: ['parameter'], params: ['parameters'], pkg: ['package'], pos: ['position'], prev: ['previous'],
  prop: ['property'], ptr: ['pointer'], pwd: ['password'], recv: ['receive'],
  ref: ['reference'], regex: ['regular', 'expression'], regexp: ['regular', 'expression'], repo: ['repository'],
  req: ['request'], resp: ['response'], ret: ['return'], sep: ['separator'],
  seq: ['sequence'], spec: ['specification'], src: ['source'], stmt: ['statement'], str: ['string'], sync: ['synchronize'],
  sys: ['system'], temp: ['temporary'], tmp: ['temporary'], tmpl: ['template'], tx: ['transaction'], txn: ['transaction'],
  util: ['utility'], utils: ['utilities'], val: ['value'], var: ['variable'], ver: ['version'],
};

// Verbs and nouns code spells differently from prose, one-way: the question's word → what code also says.
const CODE_SYNONYMS: Record<string, readonly string[]> = {
  convert: ['coerce', 'cast', 'transform'], coerce: ['convert', 'cast'], cast: ['convert', 'coerce'],
  delete: ['remove', 'del'], remove: ['delete', 'del'], erase: ['delete', 'remove'],
  create: ['new', 'make', 'build'], make: ['create', 'build'], build: ['create', 'make'],
  find: ['search', 'lookup', 'locate'], search: ['find', 'lookup'], lookup: ['find', 'search'],
  check: ['validate', 'verify'], validate: ['check', 'verify'], verify: ['check', 'validate'],
  guess: ['detect', 'infer', 'sniff'], detect: ['guess', 'infer', 'sniff'], infer: ['guess', 'detect'],
  start: ['begin', 'launch'], begin: ['start'], stop: ['halt', 'shutdown', 'terminate'], halt: ['stop'],
  copy: ['clone', 'duplicate'], clone: ['copy'], combine: ['merge'], merge: ['combine'],
  compare: ['cmp', 'equal'], equal: ['eq', 'compare'], show: ['display', 'render'], display: ['show', 'render'],
  send: ['emit', 'dispatch'], emit: ['send', 'dispatch'], dispatch: ['send', 'emit'],
  subscribe: ['listen'], listen: ['subscribe'], quit: ['exit'], exit: ['quit'],
  fetch: ['retrieve', 'download'], retrieve: ['fetch'], download: ['fetch'],
};

// Languages named in a question (translations, locales) and the ISO 639-1 codes files are named by. Codes that
// are also common English or code words (it, id, no, is, in, to, be, as, he, hi, so, or, on, my, am) are left out.
const LANGUAGE_CODES: Record<string, string> = {
  arabic: 'ar', bulgarian: 'bg', catalan: 'ca', chinese: 'zh', croatian: 'hr', czech: 'cs', danish: 'da', dutch: 'nl',
  english: 'en', estonian: 'et', finnish: 'fi', french: 'fr', german: 'de', greek: 'el', hungarian: 'hu', japanese: 'ja',
  korean: 'ko', latvian: 'lv', lithuanian: 'lt', persian: 'fa', polish: 'pl', portuguese: 'pt', romanian: 'ro',
  russian: 'ru', serbian: 'sr', slovak: 'sk', slovenian: 'sl', spanish: 'es', swedish: 'sv', thai: 'th',
  turkish: 'tr', ukrainian: 'uk', vietnamese: 'vi', norwegian: 'nb',
};

// Keyed by stem, so every form of a word finds its entry (messages → message → msg, converting → convert).
const EXPANSIONS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, Set<string>>();
  const add = (from: string, to: string): void => {
    const key = stem(from);
    if (key === stem(to)) return;
    const set = out.get(key) ?? new Set<string>();
    set.add(to);
    out.set(key, set);
  };
  for (const [short, longs] of Object.entries(ABBREVIATIONS)) for (const long of longs) {
    add(short, long);
    add(long, short);
  }
  for (const [word, others] of Object.entries(CODE_SYNONYMS)) for (const other of others) add(word, other);
  for (const [name, code] of Object.entries(LANGUAGE_CODES)) add(name, code);
  return new Map([...out].map(([k, v]) => [k, [...v]]));
})();

/** The words code may use for `word` (any form: messages, Converting), without the word itself; none for most words. */
export function relatedWords(word: string): readonly string[] {
  return EXPANSIONS.get(stem(word.toLowerCase())) ?? [];
}
