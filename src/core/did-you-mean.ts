import { closest, distance } from 'fastest-levenshtein';

/** The allowed name (a key, a section id, a file name) a mistyped one most likely meant, if it is close enough to be a typo. */
export function didYouMean(key: string, allowed: string[]): string | undefined {
  if (!allowed.length) return undefined;
  const best = closest(
    key.toLowerCase(),
    allowed.map((k) => k.toLowerCase()),
  );
  const match = allowed.find((k) => k.toLowerCase() === best)!;
  return distance(key.toLowerCase(), best) <= Math.max(2, Math.floor(match.length / 3)) ? match : undefined;
}
