import { isBlank, type Line } from './lines.ts';
import { titleKey } from './text.ts';

/** One entry of a printed 目录: the title as printed, its page, and the line(s) it was read from. */
export interface TocEntry {
  title: string;
  page: number;
  lines: number[];
}

export interface TocSection {
  /** The section's title as printed, bullet and heading marks and an English name after it removed. */
  title: string;
  line: number;
  entries: TocEntry[];
}

export interface Toc {
  /** Line of the 目录 heading, and the last line that belongs to the 目录 (entries, disclaimer). */
  start: number;
  end: number;
  sections: TocSection[];
  /** The 免责声明 printed on the 目录 page(s), each with its lines. */
  disclaimers: { text: string; lines: number[] }[];
  /** Lines of the 目录 that are neither a section nor an entry nor a disclaimer: its heading, "CONTENTS". */
  other: number[];
  /** Lines among the 目录's that could not be read as an entry or a section: the report quotes them. */
  unread: number[];
}

/** `目录`, `目 录`, `目次`, `CONTENTS`, `目录 CONTENTS`, once the marks of Markdown are off. */
const TOC_HEADING = /^(?:目\s*[录錄次](?:\s*[/／|]?\s*contents)?|contents(?:\s*[/／|]?\s*目\s*[录錄次])?)$/iu;
const DISCLAIMER = /免\s*责\s*声\s*明/;

/** A page number as printed: `5`, `05`, `P5`, `p.5`. */
const PAGE = String.raw`(?:[Pp]\.?\s*)?(\d{1,3})`;
/** What parts a title from the page number at its end: a dash, leader dots, a slash, a tab. */
const LEADER = String.raw`(?:\s*[—–－]{1,2}|\s+-{1,2}|\s*(?:…+|[.．·・]{2,})|\s*[／/]|\t)`;

/** A way an entry prints its page: the groups of its title and page, and whether the page comes first. */
interface EntryShape {
  re: RegExp;
  title: number;
  page: number;
  pageFirst: boolean;
}

// 标题 — 05, 标题……05, 标题 ........ 05, 标题／05, 标题\t05
const LEADER_SHAPE: EntryShape = {
  re: new RegExp(String.raw`^(.+?)${LEADER}\s*${PAGE}$`, 'u'),
  title: 1,
  page: 2,
  pageFirst: false,
};
// 标题 P05, 标题 p.5 (not the P of a word such as HBM3P); a model name (华为P70) reads so too, see readEntry.
const P_SHAPE: EntryShape = {
  re: /^(.+?)\s*(?<![A-Za-z0-9])[Pp]\.?\s*(\d{1,3})$/u,
  title: 1,
  page: 2,
  pageFirst: false,
};
// 05 标题, P5 标题
const PAGE_FIRST_SHAPE: EntryShape = { re: /^(?:[Pp]\.?\s*)?(\d{1,3})\s+(\S.*)$/u, title: 2, page: 1, pageFirst: true };
// 标题 05: a year (2025) has more digits than a page, but a title's own number after a space (骁龙 8, Windows 11)
// reads as one: the 目录's shape, its page order and its marks tell them apart (entryAt).
const BARE_SHAPE: EntryShape = { re: /^(.+?)\s+(\d{1,3})$/u, title: 1, page: 2, pageFirst: false };

/** The shapes, most telling first (`12 解读华为P70` has its page first): a bare number is the last resort. */
const ENTRY_SHAPES = [LEADER_SHAPE, PAGE_FIRST_SHAPE, P_SHAPE, BARE_SHAPE];
/** Longer lines are prose (a title has at most 80 characters): the shapes' patterns are not tried on them. */
const MAX_ENTRY_LINE = 120;

/** Bullets printed before an entry or a section. */
const BULLETS = '▲△●○■□◆◇•·►▶▌★☆';
/** Marks of entries only, never of a section: a Markdown list item, a triangle pointing at a title. */
const ENTRY_ONLY_MARKS = new Set(['-', '▲', '△']);
/** A section printed in brackets, an English name after it: `【芯动态】`, `[芯动态] NEWS`. */
const BRACKETED = /^[【[]\s*([^】\]]{1,12}?)\s*[】\]]\s*(?:[A-Za-z][A-Za-z\s&/-]*)?$/u;
/** A section's English name after its Chinese one: `芯动态 NEWS`. */
const ENGLISH_NAME = /(?<=\p{Script=Han})\s*[A-Za-z][A-Za-z\s&/-]*$/u;
/** A section name printed without any mark: a few Han characters. */
const SHORT_NAME = /^\p{Script=Han}{1,6}$/u;
/** Lines of a 目录 that cannot be read, at most, between two that can: more, and the 目录 has ended. */
const MAX_UNREAD = 2;

/** A 目录 line with the marks of Markdown and print taken off, the marks it had (`#`, `-`, `**`, `▲` …). */
interface Unmarked {
  text: string;
  marks: string[];
  indented: boolean;
}

/**
 * Marks a line may open with, each matched where the one before ended: a heading's, a list item's (a space
 * after it), a bullet (named by itself). Bold around all the rest is one too (openingMark).
 */
const LINE_MARKS: { re: RegExp; mark?: string }[] = [
  { re: /#{1,6}/y, mark: '#' },
  { re: /[-*+]\s/y, mark: '-' },
  { re: new RegExp(`[${BULLETS}]`, 'uy') },
];

/** The marks taken off a line one by one, from both ends of what is left: linear even on `- - - -` or `****`. */
function unmark(raw: string): Unmarked {
  const marks: string[] = [];
  const text = raw
    .trim()
    .replace(/^(?:>\s*)+/, '')
    .replace(/^\\/, '');
  let start = 0;
  let end = text.length;
  for (let m = openingMark(text, start, end); m; m = openingMark(text, start, end)) {
    marks.push(m.mark);
    ({ start, end } = m);
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
  }
  // Bold inside the line (`**标题** — 05`) is no mark of the line.
  return { text: text.slice(start, end).replace(/\*\*/g, '').trim(), marks, indented: /^\s/.test(raw) };
}

/** The mark text[start, end) opens with, and the bounds of the text after it. */
function openingMark(
  text: string,
  start: number,
  end: number,
): { mark: string; start: number; end: number } | undefined {
  for (const { re, mark } of LINE_MARKS) {
    re.lastIndex = start;
    const m = re.exec(text);
    if (m && re.lastIndex <= end) return { mark: mark ?? m[0], start: re.lastIndex, end };
  }
  const bold = end - start >= 5 && text.startsWith('**', start) && text.startsWith('**', end - 2);
  return bold ? { mark: '**', start: start + 2, end: end - 2 } : undefined;
}

/** Prose, never a 目录 line: a full stop or semicolon inside, or a paragraph's length. */
function isProse(text: string): boolean {
  return /[。；]/.test(text) || [...text].length > 100;
}

/** Can be the (part of a) title of an entry: letters, no table cells, no prose. */
function isEntryTitle(text: string): boolean {
  return /\p{L}/u.test(text) && !text.includes('\t') && !isProse(text) && [...text].length <= 80;
}

function isTocHeading(text: string): boolean {
  return TOC_HEADING.test(text);
}

function isDisclaimerHeading(text: string): boolean {
  return DISCLAIMER.test(text) && text.length <= 12;
}

interface Paged {
  title: string;
  page: number;
  /** The shape it was read in: one with the page first may have its title go on on the next line. */
  shape: EntryShape;
}

/**
 * A line's title and page number, in the 目录's own shape if it reads so, else in the first other shape that
 * does, but the P shape (a model name such as 华为P70 ends so too). Without the 目录's shape (while it is being
 * found), every shape in turn. Undefined for a line without a page.
 */
function readEntry(text: string, tocShape?: EntryShape): Paged | undefined {
  if (text.length > MAX_ENTRY_LINE) return undefined;
  const shapes = tocShape ? [tocShape, ...ENTRY_SHAPES.filter((s) => s !== tocShape && s !== P_SHAPE)] : ENTRY_SHAPES;
  for (const shape of shapes) {
    const m = shape.re.exec(text);
    if (!m) continue;
    const title = m[shape.title]!.replace(new RegExp(`^[${BULLETS}\\s]+`, 'u'), '').trim();
    const page = Number(m[shape.page]);
    if (page > 0 && isEntryTitle(title)) return { title, page, shape };
  }
  return undefined;
}

/** Two lines of one title: Han text runs on, Latin words keep a space between them. */
function joinTitle(first: string, second: string): string {
  return /[A-Za-z0-9]$/.test(first) && /^[A-Za-z0-9]/.test(second) ? `${first} ${second}` : first + second;
}

function sectionName(text: string): string {
  return (BRACKETED.exec(text)?.[1] ?? text).replace(ENGLISH_NAME, '').trim();
}

interface Reader {
  lines: Line[];
  /** publication.yaml's section titles, as keys. */
  known: Set<string>;
  /** The shape most of the 目录's entries print their page in: tried first on every line. */
  shape: EntryShape | undefined;
  /** The marks the 目录's entries carry: on a line without a page, they do not make it a section. */
  entryMarks: Set<string>;
  /** The page of the last entry read: the next entry's is not lower (a title's own number may be). */
  lastPage: number;
}

/** The marks of a line that only a section has: neither entries' own marks nor those this 目录's entries carry. */
function sectionMarks(r: Reader, marks: string[]): string[] {
  return marks.filter((m) => !ENTRY_ONLY_MARKS.has(m) && !r.entryMarks.has(m));
}

/** An entry read at line index i, over one line or two (`at`: their indices). */
type ReadEntry = Paged & { at: number[] };

/** A line of the 目录 read, with the indices of the line(s) it takes. */
type Read = { at: number[] } & (
  | { kind: 'other' }
  | { kind: 'disclaimer'; text: string }
  | { kind: 'section'; title: string }
  | { kind: 'entry'; entry: Paged }
);

/** The lines after a 目录 heading at index `from`, unmarked, to the first prose (read on past a disclaimer's). */
function linesAhead(lines: Line[], from: number): Unmarked[] {
  const ahead: Unmarked[] = [];
  for (const line of lines.slice(from)) {
    if (isBlank(line)) continue;
    const unmarked = unmark(line.text);
    if (isProse(unmarked.text) && !isDisclaimerHeading(ahead.at(-1)?.text ?? '')) break;
    ahead.push(unmarked);
  }
  return ahead;
}

/** The shape most lines ahead print a page in, each counted in the first shape that reads it; on a tie, the most telling. */
function tocShape(ahead: Unmarked[]): EntryShape | undefined {
  const count = new Map<EntryShape, number>();
  for (const { text } of ahead) {
    const shape = readEntry(text)?.shape;
    if (shape) count.set(shape, (count.get(shape) ?? 0) + 1);
  }
  let best: EntryShape | undefined;
  for (const shape of ENTRY_SHAPES) if ((count.get(shape) ?? 0) > (best ? count.get(best)! : 0)) best = shape;
  return best;
}

/**
 * The marks of the lines ahead with a page, pages in order. The last of them may be the first article's title
 * (`## 迈向 Top 10`, its text after it): its marks are the entries' only when another entry carries them too.
 */
function marksOfEntries(ahead: Unmarked[], shape: EntryShape | undefined): Set<string> {
  const marked: string[][] = [];
  let lastPage = 0;
  for (const { text, marks } of ahead) {
    const page = readEntry(text, shape)?.page;
    if (page === undefined || page < lastPage) continue;
    lastPage = page;
    marked.push(marks);
  }
  if (marked.length > 1) marked.pop();
  return new Set(marked.flat());
}

function nextNonBlank(lines: Line[], i: number): number | undefined {
  for (let j = i + 1; j < lines.length; j++) if (!isBlank(lines[j])) return j;
  return undefined;
}

/**
 * The section title at line index i, if it is one: a known section title; a name marked as a heading (#, a
 * bullet the entries do not use, brackets, bold); or, without publication.yaml, a few Han characters alone.
 * An English name after it is dropped. A section is followed by an entry.
 */
function sectionAt(r: Reader, i: number): string | undefined {
  const { text, marks, indented } = unmark(r.lines[i]!.text);
  const paged = readEntry(text, r.shape);
  const name = sectionName(paged?.title ?? text);
  const known = r.known.has(titleKey(name));
  if (!name || (paged && !known)) return undefined;
  const looksLikeOne =
    known ||
    BRACKETED.test(text) ||
    (sectionMarks(r, marks).length
      ? [...name].length <= 20 && /\p{L}/u.test(name) && !isProse(name)
      : !r.known.size && !indented && SHORT_NAME.test(name));
  const next = nextNonBlank(r.lines, i);
  return looksLikeOne && next !== undefined && entryAt(r, next) ? name : undefined;
}

/**
 * The entry one line reads as: its page not lower than the last entry's, and no mark on it that only a section
 * has (the `#` of an article's title after the 目录, which no entry carries).
 */
function lineEntry(r: Reader, line: Unmarked): Paged | undefined {
  const paged = readEntry(line.text, r.shape);
  return paged && paged.page >= r.lastPage && !sectionMarks(r, line.marks).length ? paged : undefined;
}

/**
 * The entry at line index i: a line with its page, or a title over two lines: `05 标题` going on on the next
 * line, or a first line with no page (and no mark of a section) whose next line, unmarked, ends with the page.
 * A page without a leader before it may be the title's own number (`Windows 11` / `新特性解读 — 06`): when the
 * next line's page is lower, the two lines are one title.
 */
function entryAt(r: Reader, i: number): ReadEntry | undefined {
  const here = unmark(r.lines[i]!.text);
  const next = r.lines[i + 1];
  const after = next && !isBlank(next) ? unmark(next.text) : undefined;
  const own = lineEntry(r, here);
  if (own?.shape.pageFirst && after && goesOn(r, i + 1, after))
    return { ...own, title: joinTitle(own.title, after.text), at: [i, i + 1] };
  const two = after && titleOverTwoLines(r, here, after);
  if (own && !(own.shape !== LEADER_SHAPE && two && two.page < own.page)) return { ...own, at: [i] };
  return two && { ...two, at: [i, i + 1] };
}

/** One title over two lines, the page at the end of the second: no mark of a section on the first, none on the second. */
function titleOverTwoLines(r: Reader, first: Unmarked, second: Unmarked): Paged | undefined {
  if (second.marks.length || !isEntryTitle(first.text) || sectionMarks(r, first.marks).length) return undefined;
  const rest = lineEntry(r, second);
  return rest && !rest.shape.pageFirst ? { ...rest, title: joinTitle(first.text, rest.title) } : undefined;
}

/** Line index j, right after a `05 标题` entry, is the rest of its title: unmarked, no page, no section. */
function goesOn(r: Reader, j: number, line: Unmarked): boolean {
  return (
    !line.marks.length &&
    !readEntry(line.text, r.shape) &&
    isEntryTitle(line.text) &&
    !isTocHeading(line.text) &&
    !isDisclaimerHeading(line.text) &&
    (line.indented || sectionAt(r, j) === undefined)
  );
}

/** What the 目录 line at index i is, or undefined when it is none of its kinds of line. */
function readAt(r: Reader, i: number): Read | undefined {
  const { text } = unmark(r.lines[i]!.text);
  if (isTocHeading(text)) return { kind: 'other', at: [i] };
  if (isDisclaimerHeading(text)) {
    // The heading "*免责声明：" and the paragraph after it.
    const j = nextNonBlank(r.lines, i);
    const body = j !== undefined ? unmark(r.lines[j]!.text).text : '';
    const isBody = j !== undefined && !readEntry(body, r.shape) && sectionAt(r, j) === undefined;
    return isBody ? { kind: 'disclaimer', text: body, at: [i, j] } : { kind: 'disclaimer', text, at: [i] };
  }
  const section = sectionAt(r, i);
  if (section !== undefined) return { kind: 'section', title: section, at: [i] };
  const entry = entryAt(r, i);
  return entry ? { kind: 'entry', entry, at: entry.at } : undefined;
}

/**
 * Where the 目录 goes on after unreadable line(s) at index i: the next line it can read (an entry whose page
 * goes on from the last one's, or a section, a disclaimer), when at most MAX_UNREAD lines that are no prose
 * come first. Undefined: the 目录 has ended (the first article's title and text follow).
 */
function resumeAt(r: Reader, i: number): number | undefined {
  let unread = 0;
  for (let j: number | undefined = i; j !== undefined; j = nextNonBlank(r.lines, j)) {
    if (isProse(unmark(r.lines[j]!.text).text)) return undefined;
    if (j > i && readAt(r, j)) return j;
    if (++unread > MAX_UNREAD) return undefined;
  }
  return undefined;
}

/**
 * Reads the 目录 from its heading on: section lines, entries with their page numbers (in any of the shapes
 * magazines print them, the one most of its entries use first), 免责声明 paragraphs, until the first article.
 * A line between them that is none of these is kept in `unread`. The first 目录 heading that lists entries is
 * the 目录.
 */
/** The lines that read as a 目录's heading (目录, 目 录, CONTENTS …), in order. */
export function tocHeadings(lines: Line[]): Line[] {
  return lines.filter((line) => isTocHeading(unmark(line.text).text));
}

export function parseToc(lines: Line[], knownSections: string[] = []): Toc | undefined {
  const known = new Set(knownSections.map(titleKey));
  for (const [i, line] of lines.entries()) {
    if (!isTocHeading(unmark(line.text).text)) continue;
    const ahead = linesAhead(lines, i + 1);
    const shape = tocShape(ahead);
    const toc = readToc({ lines, known, shape, entryMarks: marksOfEntries(ahead, shape), lastPage: 0 }, i);
    if (toc) return toc;
  }
  return undefined;
}

function readToc(r: Reader, start: number): Toc | undefined {
  const { lines } = r;
  const n = (i: number) => lines[i]!.n;
  const toc: Toc = {
    start: n(start),
    end: n(start),
    sections: [],
    disclaimers: [],
    other: [n(start)],
    unread: [],
  };
  let section: TocSection | undefined;
  const orphanEntries: TocEntry[] = [];
  let i = start + 1;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const read = readAt(r, i);
    if (!read) {
      const resume = resumeAt(r, i);
      if (resume === undefined) break;
      for (let k = i; k < resume; k++) if (!isBlank(lines[k])) toc.unread.push(n(k));
      i = resume;
      continue;
    }
    if (read.kind === 'other') toc.other.push(n(read.at[0]!));
    else if (read.kind === 'disclaimer') toc.disclaimers.push({ text: read.text, lines: read.at.map(n) });
    else if (read.kind === 'section') {
      section = { title: read.title, line: n(read.at[0]!), entries: [] };
      toc.sections.push(section);
    } else {
      const { title, page } = read.entry;
      (section ? section.entries : orphanEntries).push({ title, page, lines: read.at.map(n) });
      r.lastPage = page;
    }
    const last = read.at.at(-1)!;
    toc.end = n(last);
    i = last + 1;
  }
  if (orphanEntries.length)
    toc.sections.unshift({ title: '', line: orphanEntries[0]!.lines[0]!, entries: orphanEntries });
  return toc.sections.some((s) => s.entries.length) ? toc : undefined;
}

/** All entries in printed order, each with its section. */
export function tocEntries(toc: Toc): { entry: TocEntry; section: TocSection }[] {
  return toc.sections.flatMap((section) => section.entries.map((entry) => ({ entry, section })));
}
