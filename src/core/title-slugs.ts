/** Slugs made from titles: each Han character as its toneless pinyin (pinyin-pro), shortened, unique in an issue. */
import type { pinyin } from 'pinyin-pro';

/** pinyin-pro's converter, which slugs are made with. */
export type Pinyin = typeof pinyin;

/** pinyin-pro, loaded by the commands that make slugs (import, new article) alone: its dictionary is large. */
export async function loadPinyin(): Promise<Pinyin> {
  return (await import('pinyin-pro')).pinyin;
}

/** Words a slug keeps: enough to tell most articles of an issue apart, short enough for a URL. */
const SLUG_WORDS = 6;
/** Words a slug keeps at most, for titles that start alike. */
const MAX_SLUG_WORDS = 10;

/**
 * The words of a title for its slug: each Han character as its toneless pinyin syllable, Latin words and
 * figures as printed, lowercased (`让RISC-V成为引擎` → rang, risc-v, cheng, wei, yin, qing).
 */
function slugWords(title: string, pinyin: Pinyin): string[] {
  return pinyin(title.normalize('NFKC'), { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .flatMap((w) => w.toLowerCase().match(/[a-z0-9]+(?:[-.][a-z0-9]+)*/g) ?? [])
    .map((w) => w.replace(/\./g, '-'));
}

/** How many words two lists start with in common. */
function sharedStart(a: string[], b: string[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/**
 * The words of a slug: the first six, or, when another title starts with the same six, as many as part the two
 * (`…-ban-gong-shi`, `…-ban-gong-ting`). Past ten shared words (浙江省人民政府办公厅关于…, twelve), the first six
 * and four from where the titles part.
 */
function slugPick(words: string[], shared: number): string[] {
  if (shared < MAX_SLUG_WORDS) return words.slice(0, Math.max(SLUG_WORDS, shared + 1));
  return [...words.slice(0, SLUG_WORDS), ...words.slice(shared, shared + MAX_SLUG_WORDS - SLUG_WORDS)];
}

/**
 * The URL- and file-name-safe slugs of an issue's articles, unique in it (slugPick): one still taken, as by a
 * title printed twice, gets the article's order (`…-07`). Undefined for a title without words.
 */
export function issueSlugs(articles: { title: string; order: number }[], pinyin: Pinyin): (string | undefined)[] {
  const words = articles.map((a) => slugWords(a.title, pinyin));
  const taken = new Set<string>();
  return articles.map(({ order }, k) => {
    const shared = Math.max(0, ...words.map((other, j) => (j === k ? 0 : sharedStart(words[k]!, other))));
    let slug = slugPick(words[k]!, shared).join('-') || undefined;
    if (slug && taken.has(slug)) slug = `${slug}-${String(order).padStart(2, '0')}`;
    if (slug) taken.add(slug);
    return slug;
  });
}
