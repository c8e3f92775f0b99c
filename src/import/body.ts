import { SOURCE_LINE } from '../core/markdown/patterns.ts';
import { findContinuation, isOpen, joinHalves, type NgramIndex, type Para } from './join.ts';
import { isBlank, type Line } from './lines.ts';
import { isTableRow, toGfmTable } from './tables.ts';
import { plainLatex, tidyProse, tidyTitle } from './text.ts';

/** A block of an article body: a heading, a paragraph, a list, a table; with the input lines it came from. */
export interface Block {
  kind: 'heading' | 'para' | 'list' | 'table';
  lines: Line[];
  /** Heading level in the input (1–6). */
  level?: number;
  /** The paragraph's text after joining the halves of a cut paragraph. */
  text?: string;
}

/** A thing the importer was not sure of, with the input lines it concerns. */
export interface Doubt {
  lines: number[];
  message: string;
  /** Most likely right, but a guess: listed apart from what needs deciding. */
  minor?: boolean;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,2}[.)])\s+/;

/** Lines to blocks: each heading alone, tab-separated runs as tables, other consecutive lines as one paragraph. */
export function toBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of lines) {
    if (isBlank(line)) {
      current = undefined;
      continue;
    }
    const h = line.text.includes('\t') ? null : HEADING.exec(line.text.trim());
    if (h) {
      blocks.push({ kind: 'heading', lines: [line], level: h[1]!.length });
      current = undefined;
      continue;
    }
    const kind = isTableRow(line.text) ? 'table' : LIST_ITEM.test(line.text) ? 'list' : 'para';
    if (
      current &&
      (current.kind === kind || (current.kind === 'list' && kind === 'para' && /^\s{2,}/.test(line.text)))
    ) {
      current.lines.push(line);
      continue;
    }
    current = { kind, lines: [line] };
    blocks.push(current);
  }
  return blocks;
}

export function blockText(b: Block): string {
  return b.text ?? b.lines.map((l) => l.text.replace(/^\s+/, '')).join('\n');
}

/** A heading's text without its # marks and the ** the extraction wrapped around it. */
export function headingText(b: Block): string {
  return b.lines[0]!.text.trim()
    .replace(HEADING, '$2')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .trim();
}

/** Captions, notes and labels: they stay where they are and never take part in joining a cut paragraph. */
function isFixedPara(text: string): boolean {
  return /^(?:图|表)\s*\d|^[▲△]|^(?:资料|数据)?来源\s*[：:]|^[（(]\s*来源|^注\s*[：:]|^[*\\]+/.test(text.trim());
}

/**
 * Joins the halves of paragraphs cut by a page break, moving whatever the extraction put between them (a
 * figure's text, a table) after the joined paragraph. Returns the doubts: cuts whose continuation is not clear.
 */
export function joinCutParagraphs(blocks: Block[], index: NgramIndex): Doubt[] {
  const doubts: Doubt[] = [];
  const paras: (Para | undefined)[] = blocks.map((b, k) =>
    b.kind === 'para'
      ? {
          text: blockText(b),
          fixed: isFixedPara(blockText(b)),
          gapBefore: k ? b.lines[0]!.n - blocks[k - 1]!.lines.at(-1)!.n - 1 : 0,
        }
      : undefined,
  );
  const adjacent = (i: number, j: number) => j === i + 1;
  for (let i = 0; i < blocks.length; i++) {
    const p = paras[i];
    if (!p || p.fixed || !isOpen(p.text)) continue;
    const found = findContinuation(paras, i, index, adjacent);
    if (found.next === undefined) {
      if (found.quiet) continue;
      const first = blocks[i]!.lines.at(-1)!.n;
      doubts.push(
        found.candidates.length
          ? {
              lines: [first, ...found.candidates.map((j) => blocks[j]!.lines[0]!.n)],
              message: `line ${first} ends mid-sentence; it may go on at line ${found.candidates.map((j) => blocks[j]!.lines[0]!.n).join(' or ')} (not joined)`,
            }
          : { lines: [first], message: `line ${first} ends mid-sentence and no continuation was found after it` },
      );
      continue;
    }
    const j = found.next;
    if (found.guessed) {
      const a = blocks[i]!.lines.at(-1)!.n;
      const b = blocks[j]!.lines[0]!.n;
      const caption = b === nextLineAfter(blocks, i);
      doubts.push({
        lines: [a, b],
        message: caption
          ? `line ${a} may be a caption (it follows an image's gap and does not end a sentence); it was joined with line ${b} as a paragraph cut by the page: check`
          : `line ${a} ends mid-sentence; it was joined with line ${b}, the first paragraph after the figure or table text between them`,
        minor: !caption,
      });
    }
    const joined: Block = {
      kind: 'para',
      lines: [...blocks[i]!.lines, ...blocks[j]!.lines],
      text: joinHalves(p.text, paras[j]!.text),
    };
    // What lay between the halves goes after the joined paragraph, in its order.
    const between = blocks.slice(i + 1, j);
    const betweenParas = paras.slice(i + 1, j);
    blocks.splice(i, j - i + 1, joined, ...between);
    paras.splice(i, j - i + 1, { text: joined.text! }, ...betweenParas);
    i--; // the joined paragraph may itself still be open
  }
  return doubts;
}

function nextLineAfter(blocks: Block[], i: number): number | undefined {
  return blocks[i + 1]?.lines[0]?.n;
}

/**
 * A plain text's subhead, not a line of prose cut short: its number set aside, at most 30 characters, one comma
 * at most, no full stop, colon or semicolon, a question or exclamation mark only at its end; not a credit, a
 * phone number, a remark in brackets, or a line that starts with a sign or a bullet (its heading would lose it).
 */
function isPlainSubhead(text: string): boolean {
  const t = text.replace(/^(?:[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]+、)\s*/, '');
  return (
    t.length >= 2 &&
    t.length <= (/[？?]$/.test(t) ? 16 : 30) &&
    !/^[©@\-+*−–—•·●■◆▪]|\d{7}/.test(t) &&
    !/^[（(\[【].*[）)\]】]$/.test(t) &&
    !/[。；;：:…]|[！!？?](?=.)/.test(t) &&
    (t.match(/[，,、]/g)?.length ?? 0) <= 1 &&
    !/[，,、]$/.test(t)
  );
}

/**
 * In a text without any # heading, the subheads are short lines of their own: one that reads as a subhead, is no
 * caption or 来源 line, and is followed, without an image's gap, by prose (a paragraph that ends a sentence or
 * is long, or a list) or by a numbered subhead under it becomes a heading: ##, or ### for a numbered one under an unnumbered one
 * (settleHeadings evens out each numbered series). After joinCutParagraphs: a line it joined to the rest of its
 * paragraph is no subhead.
 */
export function markPlainSubheads(blocks: Block[]): void {
  // Gaps are counted between input lines: joining a cut paragraph moved the figure text between its halves.
  const ns = blocks.flatMap((b) => b.lines.map((l) => l.n)).sort((a, b) => a - b);
  const at = new Map(ns.map((n, i) => [n, i]));
  const around = (n: number) => {
    const i = at.get(n)!;
    return { before: i > 0 ? n - ns[i - 1]! : 0, after: i + 1 < ns.length ? ns[i + 1]! - n : Infinity };
  };
  const subhead = new Set<number>();
  for (let k = blocks.length - 2; k >= 0; k--) {
    const [prev, b, next] = [blocks[k - 1], blocks[k]!, blocks[k + 1]!];
    const text = blockText(b).trim();
    const nextText = blockText(next).trim();
    const gaps = around(b.lines[0]!.n);
    if (
      // A list item only when it is numbered and stands alone between prose: one of a list stays in its list.
      (b.kind === 'para' ||
        (b.kind === 'list' && !!numbering(text) && prev?.kind !== 'list' && next.kind !== 'list')) &&
      b.lines.length === 1 &&
      isPlainSubhead(text) &&
      !isFixedPara(text) &&
      // After an image's gap, a short line is its caption.
      gaps.before <= 3 &&
      gaps.after <= 3 &&
      // Another subhead after it: only the first of a numbered series under an unnumbered one (申报范围 → （一）…);
      // a string of short lines (names, a list set as paragraphs) is no stack of headings.
      ((subhead.has(k + 1) && !numbering(text) && !!numbering(nextText)) ||
        (next.kind === 'list' && b.kind === 'para') ||
        (next.kind === 'para' && !isFixedPara(nextText) && (/[。！？；”]$/.test(nextText) || nextText.length > 40)))
    )
      subhead.add(k);
  }
  let unnumbered = false;
  for (const [k, b] of blocks.entries()) {
    if (!subhead.has(k)) continue;
    const text = blockText(b).trim();
    const num = numbering(text);
    const level = num && num.key !== '一、' && unnumbered ? 3 : 2;
    if (!num) unnumbered = true;
    b.kind = 'heading';
    b.level = level;
    b.lines = [{ ...b.lines[0]!, text: `${'#'.repeat(level)} ${text}` }];
  }
}

/** Numbering styles of subheads: 01 / 01. / (01) / 1. / 1、 / （一） / 一、, with the number's value. */
const STYLES: { key: string; re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { key: '(0)', re: /^[(（]\s*(\d{1,2})\s*[)）]/, value: (m) => Number(m[1]) },
  { key: '0.', re: /^0(\d)\s*[.．](?!\d)/, value: (m) => Number(m[1]) },
  { key: '0', re: /^0(\d)(?![\d.%])/, value: (m) => Number(m[1]) },
  { key: '1.', re: /^([1-9]\d?)\s*[.．](?!\d)/, value: (m) => Number(m[1]) },
  { key: '1、', re: /^(\d{1,2})、/, value: (m) => Number(m[1]) },
  { key: '(一)', re: /^[(（]([一二三四五六七八九十]+)[)）]/, value: (m) => chineseNumber(m[1]!) },
  { key: '一、', re: /^([一二三四五六七八九十]+)、/, value: (m) => chineseNumber(m[1]!) },
];

function chineseNumber(s: string): number {
  const digits = '一二三四五六七八九';
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (
    (tens ? digits.indexOf(tens) + 1 : s.includes('十') ? 1 : 0) * (s.includes('十') ? 10 : 1) +
    (ones ? digits.indexOf(ones) + 1 : 0)
  );
}

export function numbering(text: string): { key: string; n: number } | undefined {
  const t = text.replace(/^\*\*/, '').trim();
  for (const s of STYLES) {
    const m = s.re.exec(t);
    if (m) return { key: s.key, n: s.value(m) };
  }
  return undefined;
}

/**
 * Heading levels of an article body, from the extraction's to ours. The title is the article's level 1, so
 * body headings start at ##: one level below the title becomes ##, two below ###, and a heading at the
 * title's level or above (a slide's or a poster's text) ##. The numbered subheads of one series (01, 02, 03 …)
 * get one level, the highest of the series, since extraction varies it; a plain short line that continues a
 * series of headings (04. after 03.) becomes one. The top level is ## in any case.
 */
export function settleHeadings(blocks: Block[], titleLevel: number): void {
  const levels = blocks.filter((b) => b.kind === 'heading').map((b) => b.level!);
  if (!levels.length) return;
  const ref = titleLevel > 0 ? titleLevel : Math.min(...levels) - 1;
  for (const b of blocks) if (b.kind === 'heading') b.level = Math.max(2, Math.min(4, b.level! - ref + 1));
  const series = new Map<string, { level: number; numbers: Set<number> }>();
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    const num = numbering(headingText(b));
    if (!num) continue;
    const s = series.get(num.key) ?? { level: b.level!, numbers: new Set<number>() };
    s.level = Math.min(s.level, b.level!);
    s.numbers.add(num.n);
    series.set(num.key, s);
  }
  for (const b of blocks) {
    const text = blockText(b);
    const num = numbering(b.kind === 'heading' ? headingText(b) : text);
    const s = num && series.get(num.key);
    if (!num || !s) continue;
    if (b.kind === 'heading') b.level = s.level;
    else if (
      (b.kind === 'para' || b.kind === 'list') &&
      b.lines.length === 1 &&
      isSubheadLike(text) &&
      s.numbers.size >= 2 &&
      (s.numbers.has(num.n - 1) || s.numbers.has(num.n + 1))
    ) {
      b.kind = 'heading';
      b.level = s.level;
      b.lines = [{ ...b.lines[0]!, text: `${'#'.repeat(s.level)} ${text}` }];
    }
  }
  const top = Math.min(...blocks.filter((b) => b.kind === 'heading').map((b) => b.level!));
  if (top > 2) for (const b of blocks) if (b.kind === 'heading') b.level! -= top - 2;
}

/** Short, one clause or two, at most a full stop at its end: reads as a subhead, not as prose. */
function isSubheadLike(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && !/[。；]./.test(t) && (t.match(/[，,]/g)?.length ?? 0) <= 1;
}

/** The article's 来源 line at its end (`（来源：…）`), if it has one: the source's name and the block's index. */
export function findSourceLine(blocks: Block[]): { source: string; index: number } | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const text = blockText(b).trim();
    if (b.kind !== 'para' || b.lines.length !== 1) return undefined;
    if (/^(?:资料|数据)来源/.test(text)) return undefined;
    if (SOURCE_LINE.test(text)) {
      const m = /^[（(]?\s*来源\s*[：:]\s*(.*?)\s*[）)]?$/.exec(text);
      if (m?.[1]) return { source: tidyProse(m[1]), index: i };
    }
    return undefined;
  }
  return undefined;
}

/** A block as our Markdown: tidied prose, GFM tables, headings at their settled level. */
export function renderBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level!)} ${tidyTitle(plainLatex(headingText(b)))}`;
    case 'table':
      return toGfmTable(
        b.lines.map((l) =>
          l.text
            .split('\t')
            .map((c) => tidyProse(plainLatex(c)))
            .join('\t'),
        ),
      ).join('\n');
    case 'list':
      return b.lines.map((l) => tidyProse(plainLatex(l.text.trimEnd()))).join('\n');
    case 'para':
      return tidyProse(plainLatex(blockText(b))).trimEnd();
  }
}
