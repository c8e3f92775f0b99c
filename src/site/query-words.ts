/**
 * The search page's cut of a query into words: the words of the search index, or the beginnings of them, where
 * they fit (longest first, from the left; Pagefind finds a word by its beginning), single characters where none
 * does. Pagefind would cut the query with the browser's own dictionary,
 * which knows other words than the jieba dictionary its index was cut with (封装 → 封 + 装, which then find 封测
 * and 装备): see src/site/search.ts.
 */
export interface QueryWords {
  /** Every word of the index and every beginning of one, of two characters or more. */
  starts: Set<string>;
  longest: number;
}

export function queryWords(list: string[]): QueryWords {
  const starts = new Set<string>();
  let longest = 1;
  for (const word of list) {
    const chars = [...word];
    longest = Math.max(longest, chars.length);
    for (let n = 2; n <= chars.length; n++) starts.add(chars.slice(0, n).join(''));
  }
  return { starts, longest };
}

const HAN_RUN = /(\p{Script=Han}+)/u;

/** The text in pieces: each run of Han characters cut into index words, the rest left whole (for the browser). */
export function cutQuery(text: string, { starts, longest }: QueryWords): { piece: string; han: boolean }[] {
  const pieces: { piece: string; han: boolean }[] = [];
  for (const [i, part] of text.split(HAN_RUN).entries()) {
    if (!part) continue;
    if (i % 2 === 0) {
      pieces.push({ piece: part, han: false });
      continue;
    }
    const chars = [...part];
    for (let at = 0; at < chars.length;) {
      let take = Math.min(longest, chars.length - at);
      while (take > 1 && !starts.has(chars.slice(at, at + take).join(''))) take--;
      pieces.push({ piece: chars.slice(at, at + take).join(''), han: true });
      at += take;
    }
  }
  return pieces;
}
