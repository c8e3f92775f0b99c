/**
 * Reading time for Chinese text: readers take in about 400 Han characters a minute; Latin words (RISC-V, 2026)
 * count as about one character each.
 */
export const HAN_PER_MINUTE = 400;

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*/g;

export function readingUnits(text: string): number {
  return (text.match(HAN)?.length ?? 0) + (text.match(LATIN_WORD)?.length ?? 0);
}

export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(readingUnits(text) / HAN_PER_MINUTE));
}
