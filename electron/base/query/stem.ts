// A compact suffix-stripping stemmer for English words in code questions: register, registered,
// registering, registration and registry all become `regist`, so a question matches the code's word forms.
import { ownCopy } from './ownCopy.js';

const VOWEL = /[aeiouy]/;
// Derivational and agentive endings, longest first; one of them is stripped.
const SUFFIXES = [
  'ization', 'isation', 'ation', 'ition', 'ature', 'ement', 'ator', 'ment', 'ness', 'able', 'ible', 'izer',
  'ize', 'ion', 'ity', 'ive', 'ous', 'ful', 'al', 'ly', 'er', 'or', 'ate', 'e', 'y',
];
// After removing -ed/-ing these endings had a silent e (creat(ed) → create, handl(ing) → handle).
const RESTORE_E = /(at|iz|bl|ur|ag|iv|os|ok|ov|ud|ir|ar|us|uc|ut|om|od|ib)$/;
const MIN_STEM = 3;

function hasVowel(s: string): boolean {
  return VOWEL.test(s);
}

function stripPlural(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('xes') || w.endsWith('ches') || w.endsWith('shes')) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

function stripInflection(w: string): string {
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const rest = w.slice(0, -suffix.length);
    if (rest.length < MIN_STEM || !hasVowel(rest)) return w;
    // mapped → map, running → run; but passed → pass, called → call, buzzed → buzz.
    if (/([^aeiouylsz])\1$/.test(rest)) return rest.slice(0, -1);
    if (RESTORE_E.test(rest)) return `${rest}e`;
    return rest;
  }
  return w;
}

function stripDerivation(w: string): string {
  for (const suffix of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const rest = w.slice(0, -suffix.length);
    if (rest.length >= MIN_STEM && hasVowel(rest)) return rest;
  }
  return w;
}

// Ranking stems the same few thousand words over and over; the cache is dropped whole when it fills.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** The stem of one lower- or mixed-case word; digits and short words come back unchanged. */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const result = computeStem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  // Kept apart from the text the word was cut from (see ownCopy.ts).
  cache.set(ownCopy(word), ownCopy(result));
  return result;
}

function computeStem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= MIN_STEM || !/^[a-z]+$/.test(w)) return w;
  w = stripDerivation(stripInflection(stripPlural(w)));
  // cookie → cooki and cookies → cooky → cook: a final i is the y of the plural.
  if (w.endsWith('i') && w.length > MIN_STEM + 1) w = w.slice(0, -1);
  // registration → registr, register → regist: drop an r that follows a consonant cluster.
  if (/[^aeiouy]r$/.test(w) && w.length > MIN_STEM + 1 && !/rr$/.test(w)) w = w.slice(0, -1);
  return w;
}
