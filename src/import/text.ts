/**
 * Character-level rules for text that comes out of a PDF-to-text step: what a Han character is, how titles
 * compare, and how Chinese prose is tidied to the project's convention (full-width Chinese punctuation, no spaces
 * between Han and Latin characters). None of these rules adds or removes a Han character: the importer's
 * "nothing is lost" check counts them.
 */

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;

export function hanCount(text: string): number {
  return text.match(HAN_G)?.length ?? 0;
}

/** Only the Han characters of a text, in order. */
export function hanOnly(text: string): string {
  return (text.match(HAN_G) ?? []).join('');
}

/** Ends a sentence or a clause that needs nothing after it: a line ending so is not cut off by a page break. */
export const TERMINAL = /[。！？；：…”’）」』》】〕!?;:)]$|[.](?<!\d\.)$/;

/** Punctuation inside a line that makes it prose, not a title or a caption. */
export const PROSE_PUNCTUATION = /[，。；！？、]|[,;] /;

/**
 * The key two titles are compared by: NFKC (full- and half-width forms alike), letters and digits only
 * (punctuation, spaces, ▲ and Markdown marks go), Latin lowercased.
 */
export function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** Character bigrams of a key, with their counts. */
function bigrams(key: string): Map<string, number> {
  const chars = [...key];
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i]! + chars[i + 1]!;
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of the character bigrams of two keys: 1 for equal keys, 0 for nothing in common. */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const A = bigrams(a);
  const B = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [k, n] of A) {
    common += Math.min(n, B.get(k) ?? 0);
    total += n;
  }
  for (const n of B.values()) total += n;
  return total ? (2 * common) / total : 0;
}

/**
 * How alike a 目录 entry and a title line are, 0…1: equal keys 1; one containing the other (a colon-less or
 * name-less variant) by the share it covers; otherwise the bigram Dice coefficient.
 */
export function titleSimilarity(a: string, b: string): number {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  const contained = short.length >= 4 && (long.includes(short) || insertions(short, long) <= 2);
  const byContainment = contained ? 0.5 + 0.45 * (short.length / long.length) : 0;
  return Math.max(byContainment, Math.min(dice(ka, kb), 0.99));
}

/**
 * In how many places the longer key has characters the shorter lacks, when the shorter is found in it in order
 * ("星河科技王明三点看法" has "星河科技三点看法" with one insertion: a name); Infinity when it is not.
 */
function insertions(short: string, long: string): number {
  const s = [...short];
  const l = [...long];
  let i = 0;
  let gaps = 0;
  let inGap = false;
  for (const ch of l) {
    if (i < s.length && ch === s[i]) {
      i++;
      inGap = false;
    } else if (i > 0 && i < s.length) {
      if (!inGap) gaps++;
      inGap = true;
    }
  }
  return i === s.length ? gaps : Infinity;
}

const CJK_PUNCT = '，。、；：！？“”‘’（）《》〈〉【】「」『』…—～·';
const HAN_OR_CJK = `\\p{Script=Han}${CJK_PUNCT}`;
const LATIN = 'A-Za-z0-9%‰°μ\\\\_';

/**
 * Chinese prose to the project's convention: half-width , : ; ? ! and ( ) next to Han text become full-width,
 * and the spaces PDF extraction leaves between Han and Latin characters or digits go (the layout adds its own).
 * Spaces between Latin words stay.
 */
export function tidyProse(text: string): string {
  // The micro sign as the Greek letter Unicode prefers (NFKC): fonts and PDF text agree on that one.
  let t = text.replace(/\u00b5/g, 'μ');
  // Half-width punctuation right after Han text (or a full-width mark), the space after it dropped.
  t = t.replace(new RegExp(`([${HAN_OR_CJK}])\\s*([,:;?!])\\s*`, 'gu'), (_, a: string, p: string) => a + FULL[p]!);
  // … or right before Han text: "XX, 中文" after a Latin word ends a Chinese clause too.
  t = t.replace(
    new RegExp(`([${LATIN})])\\s*([,;?!])\\s+(?=[\\p{Script=Han}])`, 'gu'),
    (_, a: string, p: string) => a + FULL[p]!,
  );
  t = t.replace(
    new RegExp(`([${LATIN})])([:])\\s*(?=[\\p{Script=Han}])`, 'gu'),
    (_, a: string, p: string) => a + FULL[p]!,
  );
  // Parentheses in Chinese text: their content holds Han text, or Han text or Chinese punctuation is right
  // before or after them ("碳化硅(SiC)", "IC (PMIC)，"). Those of an English name ("(Hangzhou) Co.") stay.
  t = t.replace(/\(([^()]*)\)/g, (m, inner: string, offset: number, whole: string) => {
    const before = whole.slice(0, offset).trimEnd().slice(-1);
    const after = whole
      .slice(offset + m.length)
      .trimStart()
      .slice(0, 1);
    const chinese = (c: string) => !!c && (HAN.test(c) || CJK_PUNCT.includes(c));
    return HAN.test(inner) || chinese(before) || chinese(after) ? `（${inner.trim()}）` : m;
  });
  // A half-width bracket that closes a full-width one (a paragraph joined across a page break: "（平" + "台)").
  t = t.replace(/（([^（）()]*)\)/g, '（$1）');
  // No space between Han and Latin letters or digits, nor around full-width punctuation. Spaces between Han
  // words stay: they part names and co-signing bodies (省科技厅 省经信厅).
  t = t.replace(new RegExp(`(\\p{Script=Han})[ \\t\\u00a0\\u3000]+(?=[${LATIN}*<\\[])`, 'gu'), '$1');
  t = t.replace(new RegExp(`([${LATIN}*\\])]|</\\w+>)[ \\t\\u00a0\\u3000]+(?=\\p{Script=Han})`, 'gu'), '$1');
  t = t.replace(new RegExp(`([${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+(?=\\S)`, 'gu'), '$1');
  t = t.replace(new RegExp(`[ \\t\\u00a0\\u3000]+(?=[${CJK_PUNCT}])`, 'gu'), '');
  return t;
}

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

/** A title as our front matter wants it: tidied prose on one line, without 目录 bullets or Markdown marks. */
export function tidyTitle(text: string): string {
  return tidyProse(
    text
      .replace(/^#+\s*/, '')
      .replace(/^[-*•▲●■◆\s]+/u, '')
      .replace(/\*\*/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * The text of a line with the width of narrow-column print: Han and full-width characters count 1, others ½.
 * Newspapers set every line of a paragraph to the column's width except the last.
 */
export function printWidth(line: string): number {
  let w = 0;
  for (const ch of line.trim()) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’—…·]/u.test(ch) ? 1 : 0.5;
  return w;
}

/** LaTeX the extraction left for units (`$\mu\text{m}$`) as the plain characters it stands for. */
export function plainLatex(text: string): string {
  return text.replace(/\s*\$([^$\n]{1,40})\$\s*/g, (m, inner: string) => {
    const plain = inner
      .replace(/\\mu(?![A-Za-z])/g, 'μ')
      .replace(/\\text\{([^}]*)\}/g, '$1')
      .replace(/\\(?:times)\b/g, '×')
      .replace(/[{}\s]/g, '');
    if (/\\/.test(plain)) return m;
    const before = m.match(/^\s*/)![0] ? ' ' : '';
    const after = m.match(/\s*$/)![0] ? ' ' : '';
    return before + plain + after;
  });
}
