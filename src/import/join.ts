import { PROSE_PUNCTUATION, TERMINAL, hanCount } from './text.ts';

/**
 * Page and column breaks cut paragraphs in two, and a figure's or a table's text may land between the halves.
 * Whether a paragraph continues is decided from the text itself: the document is its own dictionary. Where the
 * last characters of one paragraph and the first of another occur together elsewhere in the same document
 * ("提" + "供" → "提供"), they are likely one word cut by the break.
 */
export class NgramIndex {
  private readonly text: string;
  private readonly cache = new Map<string, number>();

  /** `lines`: the whole input; each line is indexed apart, so that no break itself counts as evidence. */
  constructor(lines: string[]) {
    this.text = lines.map((l) => l.replace(/\s+/g, '')).join('\n');
  }

  count(s: string): number {
    if (!s || /\n/.test(s)) return 0;
    let n = this.cache.get(s);
    if (n === undefined) {
      n = 0;
      for (let i = this.text.indexOf(s); i >= 0; i = this.text.indexOf(s, i + 1)) n++;
      this.cache.set(s, n);
    }
    return n;
  }

  /**
   * How much more often `a` and `b` occur together than chance would have it (pointwise mutual information,
   * in bits), 0 when they never do. "提供" scores high; "度浙" (年度 + 浙江) low, since both characters are common.
   */
  association(a: string, b: string): number {
    const together = this.count(a + b);
    if (!together) return 0;
    return Math.log2((together * this.text.length) / (this.count(a) * this.count(b)));
  }
}

/** A paragraph as the joiner sees it. */
export interface Para {
  text: string;
  /** Not a candidate at either end: a list, a caption, a source note, a heading. */
  fixed?: boolean;
  /** Blank lines before it in the input: three or more are where an image was, and a caption may follow. */
  gapBefore?: number;
}

/** Text cut off by a break: its last line is Han prose with clause punctuation that does not end a sentence. */
export function isOpen(text: string): boolean {
  const last = text.trim().split('\n').at(-1)!.trim();
  return hanCount(last) >= 6 && !TERMINAL.test(last) && PROSE_PUNCTUATION.test(last);
}

/** Characters no clause ends with (的, 对, 和, 与 …): text ending so is cut, however short. */
const DANGLING = /[的对和与及为在从将把被向以于由给跟同或并而且之其等]$/;

/**
 * Short and without a full stop: as likely a caption or a subhead as a cut paragraph; joined only on
 * evidence, unless it ends with a word that cannot end a clause.
 */
function isShort(text: string): boolean {
  const t = text.trim();
  return t.length < 30 && !/[。！？]/.test(t) && !DANGLING.test(t);
}

/** Prose for certain: a sentence ends in it, or it is long and has clauses. Captions and slide text are not. */
function isProse(text: string): boolean {
  const t = text.trim();
  return hanCount(t) >= 6 && (/[。！？]/.test(t) || (t.length >= 40 && PROSE_PUNCTUATION.test(t)));
}

/** Can be the second half of a cut paragraph: prose, or a piece that starts mid-sentence ("成熟度。"). */
function canContinue(text: string): boolean {
  return isProse(text) || startsMidSentence(text.trim()) || (/^[A-Za-z]/.test(text.trim()) && /[。，]/.test(text));
}

const PAIRS: [string, string][] = [
  ['“', '”'],
  ['（', '）'],
  ['(', ')'],
  ['《', '》'],
  ['「', '」'],
];

/** A quotation mark or bracket the first text opens and the second closes: "（平" + "台）联合" are one. */
export function closesBracket(a: string, b: string): boolean {
  return PAIRS.some(([open, close]) => {
    const depth = [...a].reduce((d, c) => (c === open ? d + 1 : c === close ? Math.max(0, d - 1) : d), 0);
    if (!depth) return false;
    const firstClose = b.indexOf(close);
    const firstOpen = b.indexOf(open);
    return firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen);
  });
}

/** Starts where no sentence starts: with clause punctuation or a closing mark, or with a figure and its unit. */
function startsMidSentence(text: string): boolean {
  const t = text.trim();
  return (
    /^[，、。；：）)」』”%]/.test(t) ||
    /^\d[\d.,]*\s*[%％‰]\s*[。，；]/.test(t) ||
    (t.length <= 6 && /。$/.test(t) && !/^[“《（(]/.test(t))
  );
}

export interface Continuation {
  /** Index of the paragraph that continues the open one, when the text makes it clear. */
  next?: number;
  /** Several places could continue it, or none: a person must look. */
  candidates: number[];
  /** Nothing to report: a short line, not clearly cut. */
  quiet?: boolean;
  /** Taken for want of a better one (the first prose after a figure's or table's text): to be checked. */
  guessed?: boolean;
}

/** How far after an open paragraph its continuation is looked for. */
const WINDOW = 40;
/** The association (bits) that makes two characters across a cut one word: 32 times chance ("提供", "出口"). */
const WORD = 5;

/** What the text says of one place an open paragraph could go on. */
interface Candidate {
  j: number;
  /** The characters across the cut form a word found elsewhere in the document. */
  word: boolean;
  /** … and the character before the cut with them too ("客户提" + "供"): enough to pass over the next paragraph. */
  strongWord: boolean;
  /** It starts where no sentence starts. */
  fragment: boolean;
}

/**
 * Where the open paragraph `i` continues. A paragraph right after it (only blank lines between, a page
 * break) is taken unless one further on alone fits the cut much better (the characters across the cut, with
 * one more, occur elsewhere in the document). Otherwise: the one paragraph further on that fits (a word
 * across the cut, or it starts mid-sentence); the first prose paragraph when only captions, tables and
 * headings lie between. Several that fit equally, or none, are left to a person.
 */
export function findContinuation(
  paras: (Para | undefined)[],
  i: number,
  index: NgramIndex,
  adjacent: (i: number, j: number) => boolean,
): Continuation {
  const a = paras[i]!.text.trim().replace(/\s+/g, '');
  const a1 = a.slice(-1);
  const a2 = a.slice(-2);
  const short = isShort(paras[i]!.text);
  const candidates: Candidate[] = [];
  let firstProse: number | undefined;
  let proseBetween = false;
  for (let j = i + 1; j < paras.length && j <= i + WINDOW; j++) {
    const p = paras[j];
    if (!p) continue;
    if (p.fixed || !canContinue(p.text)) {
      if (!p.fixed && isProse(p.text)) proseBetween = true;
      continue;
    }
    const b = p.text.trim().replace(/\s+/g, '');
    const b1 = b.slice(0, 1);
    // "同期，" "此外，" "2024年，": a sentence's usual start, not the rest of a cut one.
    const startsSentence = /^[^，。,、“”]{1,5}[，,]/.test(b);
    const word = hanCount(a1 + b1) === 2 && index.count(a1 + b1) >= 2 && index.association(a1, b1) >= WORD;
    // A Han character and a figure ("并于" + "2024"): only as a pattern the document repeats, after long prose.
    const figure = !short && /\d/.test(b1) && index.count(a2 + b1) >= 1 && index.association(a1, b1) >= 1;
    candidates.push({
      j,
      word,
      strongWord: (word && index.count(a2 + b1) >= 1) || figure,
      fragment: startsMidSentence(b) || closesBracket(a, b),
    });
    if (firstProse === undefined && !proseBetween && !startsSentence) firstProse = j;
    if (isProse(p.text)) proseBetween = true;
  }
  const first = candidates[0];
  const immediate = first && adjacent(i, first.j) ? first : undefined;
  if (immediate) {
    if (immediate.word || immediate.fragment) return { next: immediate.j, candidates: [] };
    const better = candidates.filter((c) => c !== immediate && c.strongWord);
    if (better.length === 1) return { next: better[0]!.j, candidates: [] };
    // Without evidence, a short line is left as it is: it may be a caption or a subhead. So may a line after
    // an image's gap be, but a long one is more often cut by the page: joined, and reported.
    if (short) return { candidates: [], quiet: true };
    return { next: immediate.j, candidates: [], guessed: (paras[i]!.gapBefore ?? 0) >= 3 };
  }
  const fragments = candidates.filter((c) => c.fragment);
  if (fragments.length === 1 && !short) return { next: fragments[0]!.j, candidates: [] };
  const words = candidates.filter((c) => c.strongWord);
  if (words.length === 1) return { next: words[0]!.j, candidates: [] };
  if (short) return { candidates: [], quiet: true };
  const far = candidates.filter((c) => c.strongWord || c.fragment);
  if (far.length > 1) return { candidates: far.map((c) => c.j) };
  if (firstProse !== undefined) return { next: firstProse, candidates: [], guessed: true };
  return { candidates: [] };
}

/** Two halves of a cut paragraph as one: no space between Han text, one between Latin words. */
export function joinHalves(a: string, b: string): string {
  const left = a.replace(/\s+$/, '');
  const right = b.replace(/^\s+/, '');
  return /[A-Za-z0-9,.)]$/.test(left) && /^[A-Za-z0-9(]/.test(right) ? `${left} ${right}` : left + right;
}
