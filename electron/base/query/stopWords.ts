// Words a question carries that no code answers: English function words and the words people use to ask about code.

const ENGLISH = [
  'a', 'an', 'the', 'and', 'or', 'but', 'not', 'no', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with',
  'without', 'into', 'onto', 'over', 'under', 'about', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am',
  'do', 'does', 'did', 'done', 'doing', 'has', 'have', 'had', 'having', 'can', 'could', 'should', 'would', 'will', 'shall',
  'may', 'might', 'must', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'i', 'me', 'my', 'we', 'our',
  'you', 'your', 'they', 'them', 'their', 'he', 'she', 'his', 'her', 'so', 'then', 'than', 'too', 'very', 'just', 'also',
  'only', 'any', 'all', 'some', 'each', 'every', 'other', 'such', 'if', 'when', 'while', 'which', 'who', 'whom', 'whose',
  'what', 'where', 'why', 'how', 'get', 'gets', 'got', 'up', 'out', 'via', 'per', 'one', 'ones', 'way', 'ways',
];

// Words that frame a question about code rather than name what it is about.
const CODE_QUESTION = [
  'function', 'functions', 'method', 'methods', 'class', 'classes', 'code', 'file', 'files', 'implementation',
  'implemented', 'implement', 'implements', 'defined', 'define', 'defines', 'definition', 'logic', 'find', 'show',
  'located', 'locate', 'happen', 'happens', 'handled', 'called', 'used', 'work', 'works', 'thing', 'things', 'place',
  'part', 'piece', 'somewhere', 'responsible', 'actually', 'exactly', 'please', 'look', 'looking', 'see',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH, ...CODE_QUESTION]);

const ENGLISH_WORDS: ReadonlySet<string> = new Set(ENGLISH);

/** An English function word (the, of, an): unlike the words that frame a question (file, class), never part of a name. */
export function isEnglishStopWord(word: string): boolean {
  return ENGLISH_WORDS.has(word.toLowerCase());
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
