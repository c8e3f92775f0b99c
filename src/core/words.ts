import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese words, as jieba cuts them: the same segmenter (jieba-rs, its default dictionary, no HMM) that Pagefind's
 * index uses through charabia, so that the words found here are the words the search index holds.
 */
let jieba: Jieba | undefined;

export function cutWords(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, false);
}

const HAN = /^\p{Script=Han}+$/u;
/** Punctuation that closes (，。：、）”): it stays at the end of the word before it. */
const CLOSING = /^[\p{Pe}\p{Pf}\p{Po}]+$/u;
/** Punctuation that opens (（“《): the word after it stays with it. */
const OPENING = /[\p{Ps}\p{Pi}]$/u;
const NUMBER_END = /[\d.]$/;
/** Han characters and full-width punctuation: where a Chinese line may break. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A title cut where a line may break in it: between words, never inside one, never before closing or after
 * opening punctuation, never inside a number or between a number and its unit (18.2亿元, 2026年), nor inside a
 * Latin word (RISC-V) or a character made of several code points (an accent, an emoji joined by U+200D). The pages set
 * titles with `word-break: keep-all` and a <wbr> between these parts.
 */
export function lineParts(text: string): string[] {
  const parts: string[] = [];
  for (const word of cutWords(text)) {
    const last = parts.at(-1);
    const joins =
      last !== undefined &&
      (/^\s/.test(word) ||
        /\s$/.test(last) ||
        CLOSING.test(word) ||
        OPENING.test(last) ||
        (NUMBER_END.test(last) && (/^[\d.%]/.test(word) || HAN.test(word))) ||
        /^[\p{M}\u200d]/u.test(word) ||
        last.endsWith('\u200d') ||
        (!CJK.test(lastChar(last)) && !CJK.test([...word][0] ?? '')));
    if (joins) parts[parts.length - 1] = last + word;
    else parts.push(word);
  }
  return parts;
}

function lastChar(s: string): string {
  return [...s].at(-1) ?? '';
}

/** The Chinese words (two characters or more) of a text: the search page's dictionary for queries. */
export function searchWords(text: string): string[] {
  return cutWords(text).filter((w) => w.length >= 2 && HAN.test(w));
}
