import type { Doubt } from './body.ts';
import { issueFacts } from './furniture.ts';
import { closesBracket, NgramIndex } from './join.ts';
import { isBlank, lineRange, toLines, withBlankGaps, type Line } from './lines.ts';
import { closeLetterSpacing, tidyByline, undouble } from './names.ts';
import type { ImportedArticle, ImportResult, ReportPart } from './result.ts';
import { hanCount, printWidth, PROSE_PUNCTUATION, TERMINAL, tidyProse, tidyTitle, titleKey } from './text.ts';
import { issueSlugs, type Pinyin } from '../core/title-slugs.ts';

/**
 * A newspaper page's extracted text to items: headline, subtitle, byline, body. Narrow columns are undone first
 * (hard line breaks inside sentences joined, letter-spaced lines closed up); then the page is read as runs of
 * headlines and runs of body text, and each headline run is paired with its body: before it as usual, or after
 * it where the extraction put every headline after its article.
 */

type Kind = 'masthead' | 'headline' | 'subtitle' | 'byline' | 'jump' | 'note' | 'caption' | 'ad' | 'doubled' | 'body';

/** A paragraph of the page, with the input lines it was joined from. */
interface Unit {
  text: string;
  lines: Line[];
  kind: Kind;
  /** A headline-like line inside an item's text. */
  subhead?: boolean;
}

const JUMP = /^[（(]\s*(?:下\s*转|上\s*接|转)\s*第?\s*(\d+)\s*版\s*[）)]$/;
const OPENER = /^(?:本[报刊台]讯|新华社(?:北京)?\d*月?\d*日?电)/;
const BYLINE = /^(?:本[报刊]\s*(?:特约|见习)?\s*记者|见习记者|特约记者|记者|通讯员|实习生)\s*\S/;
const NOTE = /^编者按\s*[:：]/;
const CAPTION = /^图为|(?:供图|摄)$/;
const AD = /扫码|微信号|公众号|订阅|热线|优惠/;
/** An advertisement's words: those of one, and no sentence ended (a story may well say 扫码). */
const isAdText = (text: string) => AD.test(text) && !/[。！？]/.test(text);
const MASTHEAD = /特刊|专刊|日报|晚报|周刊|时刊|第\s*\d+\s*版|总第\s*\d+\s*期/;
/** A reporter's name in brackets at an item's end: （耀文）, (布轩). */
const REPORTER_END = /[。！？”][（(]\s*(\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4})*)\s*[）)]$/u;
/** Starts a paragraph of its own: someone speaking (李乐成指出，), a dated opener, 会上 / 会后. */
const PARAGRAPH_START =
  /^(?:\p{Script=Han}{2,8}(?:指出|表示|强调|认为|介绍|说|提出)[，,:：]|本[报刊]讯|会上|会后|此外|同时|[一二三四五六七八九十]是)/u;

function isHeadlineLike(text: string): boolean {
  const t = text.trim();
  return t.length <= 32 && hanCount(t) >= 2 && !/[，。；！？、,;：:]/.test(t.replace(/^——/, '')) && !JUMP.test(t);
}

function classify(text: string): Kind {
  const t = text.trim();
  if (JUMP.test(t)) return 'jump';
  if (NOTE.test(t)) return 'note';
  if (undouble(t)) return 'doubled';
  if (/^——/.test(t) && t.length <= 60) return 'subtitle';
  if (BYLINE.test(t) && t.length <= 40 && !/[，。]/.test(t)) return 'byline';
  if (CAPTION.test(t) && t.length <= 80) return 'caption';
  if (isAdText(t)) return 'ad';
  if (!OPENER.test(t) && isHeadlineLike(t)) return 'headline';
  return 'body';
}

/** Joins two lines of one paragraph: nothing between Han text; a word broken with a hyphen mended if the document has it whole. */
function joinLines(a: string, b: string, index: NgramIndex): string {
  const left = a.replace(/\s+$/, '');
  const right = b.replace(/^\s+/, '');
  const hyphen = /([A-Za-z]+)-$/.exec(left);
  if (hyphen && /^[A-Za-z]/.test(right)) {
    const whole = hyphen[1]! + /^[A-Za-z]+/.exec(right)![0];
    if (index.count(whole) > 0) return left.slice(0, -1) + right;
    return left + right;
  }
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : left + right;
}

/** The column width of narrow text (the commonest line width), or undefined for text set in long lines. */
function columnWidth(lines: Line[]): number | undefined {
  const widths = lines.filter((l) => !isBlank(l)).map((l) => Math.round(printWidth(l.text)));
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const [mode] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0];
  return mode && mode <= 20 ? mode : undefined;
}

/**
 * The page's paragraphs. Runs of lines without blank lines are read first; in narrow columns a run breaks
 * into paragraphs where a line ends a sentence short of the column's width, and a run that ends mid-sentence
 * goes on in the next. Headlines, bylines and jump lines always stand alone.
 */
function toUnits(lines: Line[], index: NgramIndex, cut: number[]): Unit[] {
  const width = columnWidth(lines);
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (const l of lines) {
    if (isBlank(l)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ ...l, text: closeLetterSpacing(l.text) });
  }
  if (run.length) runs.push(run);

  const units: Unit[] = [];
  // A paragraph of a run of text is text, however short: a headline stands in a run of its own.
  const push = (ls: Line[]) => {
    const text = ls.map((l) => l.text.trim()).reduce((acc, t) => (acc ? joinLines(acc, t, index) : t), '');
    const kind = classify(text);
    units.push({ text, lines: ls, kind: kind === 'headline' && (width !== undefined || r.length > 1) ? 'body' : kind });
  };
  let r: Line[] = [];
  for (r of runs) {
    // An advertisement's lines are one unit.
    if (isAdText(r.map((l) => l.text).join(''))) {
      units.push({ text: r.map((l) => l.text.trim()).join('\n'), lines: r, kind: 'ad' });
      continue;
    }
    // A run of short lines without clause punctuation is a headline (its lines one headline); bylines apart.
    const headLine = (l: Line) =>
      classify(l.text) === 'headline' || classify(l.text) === 'byline' || classify(l.text) === 'subtitle';
    if (r.every(headLine) && r.length <= 4 && r.some((l) => classify(l.text) !== 'byline')) {
      let head: Line[] = [];
      for (const l of r) {
        if (BYLINE.test(l.text.trim())) {
          if (head.length)
            units.push({ text: head.map((h) => h.text.trim()).join(' '), lines: head, kind: kindOfHead(head) });
          head = [];
          units.push({ text: l.text.trim(), lines: [l], kind: 'byline' });
        } else head.push(l);
      }
      if (head.length)
        units.push({ text: head.map((h) => h.text.trim()).join(' '), lines: head, kind: kindOfHead(head) });
      continue;
    }
    let para: Line[] = [];
    for (const [k, l] of r.entries()) {
      para.push(l);
      const t = l.text.trim();
      const next = r[k + 1];
      // In a column, a line that ends a sentence short of the width ends its paragraph; so does one that
      // ends a sentence before a line that opens a quotation.
      const ends =
        width !== undefined
          ? TERMINAL.test(t) && (printWidth(t) < width - 0.5 || /^[“「]/.test(next?.text.trim() ?? ''))
          : true;
      if (ends || !next || JUMP.test(t) || (next && JUMP.test(next.text.trim()))) {
        push(para);
        para = [];
      }
    }
    if (para.length) push(para);
  }

  // A paragraph cut at the end of a run goes on in the next one, unless that starts something of its own.
  const merged: Unit[] = [];
  for (const u of units) {
    const prev = merged.at(-1);
    // In narrow columns any text that does not end a sentence goes on; in long lines, prose that is cut.
    const open =
      prev &&
      prev.kind === 'body' &&
      !TERMINAL.test(prev.text) &&
      (width !== undefined || PROSE_PUNCTUATION.test(prev.text));
    const fits = u.kind === 'body' || (u.kind === 'headline' && width !== undefined && !isHeadlineRun(u));
    if (
      prev &&
      open &&
      fits &&
      !OPENER.test(u.text) &&
      (!PARAGRAPH_START.test(u.text) || closesBracket(prev.text, u.text))
    ) {
      prev.text = joinLines(prev.text, u.text, index);
      prev.lines.push(...u.lines);
      continue;
    }
    if (prev && open) cut.push(prev.lines.at(-1)!.n);
    merged.push(u);
  }
  return merged;
}

function kindOfHead(head: Line[]): Kind {
  const text = head.map((h) => h.text.trim()).join(' ');
  return /^——/.test(text) ? 'subtitle' : 'headline';
}

function isHeadlineRun(u: Unit): boolean {
  return u.lines.length > 1;
}

interface Item {
  head: Unit[];
  body: Unit[];
}

/** Bigram overlap of a headline with the start of a body: how well they belong together. */
function affinity(head: Unit[], body: Unit[]): number {
  const h = titleKey(
    head
      .filter((u) => u.kind === 'headline' || u.kind === 'subtitle')
      .map((u) => u.text)
      .join(''),
  );
  const b = titleKey(body.map((u) => u.text).join('')).slice(0, 400);
  if (!h || !b) return 0;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < b.length; i++) grams.add(b.slice(i, i + 2));
  let hit = 0;
  for (let i = 0; i + 1 < h.length; i++) if (grams.has(h.slice(i, i + 2))) hit++;
  return hit / Math.max(1, h.length - 1);
}

export interface NewspaperOptions {
  section: string;
  /**
   * The publication is a newspaper (`kind: newspaper`): each item becomes a story of page 1 with its place
   * (priority, width) and its jump as `jumpTo`; the jump line itself goes to the report, since the build prints it.
   */
  placed?: boolean;
  /** pinyin-pro's converter, for the articles' slugs (loadPinyin). */
  pinyin: Pinyin;
}

export function importNewspaper(text: string, options: NewspaperOptions): ImportResult {
  const lines = toLines(text);
  const index = new NgramIndex(lines.map((l) => l.text));
  const cut: number[] = [];
  const units = toUnits(lines, index, cut);
  const doubts: Doubt[] = cut.map((n) => ({
    lines: [n],
    message: `line ${n} ends mid-sentence, and what follows starts a paragraph of its own: the continuation was not found (the extraction may have put it elsewhere)`,
  }));
  const parts: ReportPart[] = [];
  const added: ImportResult['added'] = [];
  const placed: ImportResult['placed'] = new Map();
  const place = (ls: Line[], where: number | 'issue' | 'report') => ls.forEach((l) => placed.set(l.n, where));
  const issue: ImportResult['issue'] = {};

  // The masthead: the first line, when it names the paper or the special issue.
  const first = units[0];
  if (first && first.kind !== 'body' && MASTHEAD.test(first.text)) {
    first.kind = 'masthead';
    Object.assign(issue, issueFacts(first.text));
    issue.headline = tidyTitle(first.text);
    issue.headlineFrom = `the masthead (${lineRange(first.lines[0]!.n)})`;
    place(first.lines, 'issue');
  }
  // Advertisement: the ad-like units at the end of the page.
  let end = units.length;
  while (
    end > 0 &&
    (units[end - 1]!.kind === 'ad' ||
      (units[end - 1]!.kind === 'headline' && end < units.length && units[end]!.kind === 'ad'))
  )
    end--;
  const ad = units.slice(end);
  if (ad.length) {
    const adLines = ad.flatMap((u) => u.lines);
    place(adLines, 'report');
    parts.push({
      heading: `Advertisement (${lineRange(adLines[0]!.n, adLines.at(-1)!.n)})`,
      notes: ['An advertisement at the foot of the page: no article.'],
      quote: adLines,
    });
  }
  const page = units.slice(first?.kind === 'masthead' ? 1 : 0, end);

  // Subheads: a headline-like line inside an item's text (body before and after it, the item not closed).
  let closed = true;
  for (const [k, u] of page.entries()) {
    if (u.kind === 'body' || u.kind === 'caption') {
      if (OPENER.test(u.text)) closed = false;
      else if (closed && u.kind === 'body') closed = false;
      if (REPORTER_END.test(u.text)) closed = true;
    } else if (u.kind === 'jump' || u.kind === 'note') closed = true;
    else if (
      u.kind === 'headline' &&
      !closed &&
      page[k + 1]?.kind === 'body' &&
      !OPENER.test(page[k + 1]!.text) &&
      (page[k - 1]?.kind === 'body' || page[k - 1]?.kind === 'caption') &&
      !REPORTER_END.test(page[k - 1]!.text)
    ) {
      u.subhead = true;
    }
  }

  // Runs: heads (headline, subtitle, byline) and bodies (text, captions, subheads, jump lines), bodies split
  // at each 本报讯 opener and after an item's end (the reporter's name in brackets, a jump line).
  const isHead = (u: Unit) => (u.kind === 'headline' && !u.subhead) || u.kind === 'subtitle' || u.kind === 'byline';
  type Run = { head: boolean; units: Unit[] };
  const seq: Run[] = [];
  for (const u of page) {
    const last = seq.at(-1);
    if (u.kind === 'doubled') {
      seq.push({ head: false, units: [u] });
      continue;
    }
    if (isHead(u)) {
      // Headline, subtitle and byline in a row are one head.
      if (last?.head) last.units.push(u);
      else seq.push({ head: true, units: [u] });
      continue;
    }
    const startsItem = OPENER.test(u.text) || u.kind === 'note';
    const lastUnit = last?.units.at(-1);
    const ended =
      lastUnit && (lastUnit.kind === 'jump' || lastUnit.kind === 'note' || REPORTER_END.test(lastUnit.text));
    if (last && !last.head && !startsItem && !ended && last.units[0]!.kind !== 'doubled') last.units.push(u);
    else seq.push({ head: false, units: [u] });
  }

  // Pairing. Usual layout: each head run before its body (a run of k headlines over k bodies). The other:
  // the page starts with a body and ends with a head run: every headline after its article.
  const bodies = seq.filter((r) => !r.head && r.units[0]!.kind !== 'doubled' && r.units[0]!.kind !== 'note');
  const startsWithBody = seq[0] && !seq[0].head;
  const lastBodyIdx = seq.findLastIndex((r) => !r.head && r.units[0]!.kind !== 'doubled');
  const endsWithHead = seq.slice(lastBodyIdx + 1).some((r) => r.head);
  const after = pair(seq, 'after');
  const before = pair(seq, 'before');
  const score = (items: Item[]) => items.reduce((s, it) => s + (it.head.length ? affinity(it.head, it.body) : 0), 0);
  let items: Item[];
  if (startsWithBody && endsWithHead) {
    items = after;
    if (score(after) < score(before)) {
      doubts.push({
        lines: [],
        message:
          'the page starts with text and ends with headlines, as if every headline came after its article, but the words of the headlines fit the articles after them better: check which headline belongs to which article',
      });
    }
  } else {
    items = before;
  }
  // Orphans: head runs with no body, bodies with no head.
  const articles: ImportedArticle[] = [];
  const jumps: string[] = [];
  const jumpLines: Line[] = [];
  let order = 0;
  for (const it of items) {
    if (!it.body.length) {
      const ls = it.head.flatMap((u) => u.lines);
      place(ls, 'report');
      const near = bestBody(it.head, bodies);
      parts.push({ heading: `Headline without an article (${lineRange(ls[0]!.n, ls.at(-1)!.n)})`, quote: ls });
      doubts.push({
        lines: ls.map((l) => l.n),
        message: `${lineRange(ls[0]!.n, ls.at(-1)!.n)}: a headline with no article of its own${near ? ` (its words are those of the article at ${lineRange(near.units[0]!.lines[0]!.n)}: a banner or a kicker?)` : ''}; it is in no article`,
      });
      continue;
    }
    if (it.body[0]!.kind === 'doubled') {
      const ls = it.body.flatMap((u) => u.lines);
      place(ls, 'report');
      parts.push({
        heading: `Printed twice over (${lineRange(ls[0]!.n)})`,
        quote: ls,
        notes: [
          'Every word of this line is doubled, as a PDF prints fake bold. It is a photo credit; the photo is not in the text, so it is in no article.',
        ],
      });
      doubts.push({
        lines: ls.map((l) => l.n),
        message: `${lineRange(ls[0]!.n)}: a photo credit printed twice over; it is in no article`,
      });
      continue;
    }
    order++;
    articles.push(makeArticle(it, order, options, doubts, added, place, jumps, jumpLines));
  }

  for (const a of articles) a.lines = withBlankGaps(a.lines, lines);
  if (options.placed) jumps.push(...mayJump(articles));
  for (const [k, slug] of issueSlugs(articles, options.pinyin).entries()) articles[k]!.slug = slug;
  if (jumps.length)
    parts.push({ heading: 'Continued on other pages', notes: jumps, quote: jumpLines.length ? jumpLines : undefined });
  const leftovers = lines.filter((l) => !isBlank(l) && !placed.has(l.n));
  if (leftovers.length) {
    place(leftovers, 'report');
    parts.push({ heading: 'Lines not placed in any article', quote: leftovers });
  }
  if (!issue.headline && articles[0]) {
    issue.headline = articles[0].title;
    issue.headlineFrom = `the title of the first article`;
    added.push({ text: articles[0].title, why: "issue.yaml's headline, a copy of the first article's title" });
  }
  return { kind: 'newspaper', articles, issue, doubts, parts, added, placed };

  function bestBody(head: Unit[], candidates: Run[]): Run | undefined {
    let best: Run | undefined;
    let bestScore = 0.5;
    for (const b of candidates) {
      const s = affinity(head, b.units);
      if (s > bestScore) {
        best = b;
        bestScore = s;
      }
    }
    return best;
  }
}

/**
 * Pairs head runs with bodies. 'before': a head run takes the bodies up to the next head run (one each when
 * it holds as many headlines as there are bodies, else all for its first headline). 'after': a head run
 * belongs to the body before it.
 */
function pair(seq: { head: boolean; units: Unit[] }[], layout: 'before' | 'after'): Item[] {
  const items: Item[] = [];
  if (layout === 'after') {
    let pending: Unit[][] = [];
    for (const r of seq) {
      if (!r.head) {
        if (r.units[0]!.kind === 'doubled' || r.units[0]!.kind === 'note') items.push({ head: [], body: r.units });
        else pending.push(r.units);
        continue;
      }
      const body = pending.flat();
      pending = [];
      items.push({ head: r.units, body });
    }
    for (const p of pending) items.push({ head: [], body: p });
    return items;
  }
  for (let k = 0; k < seq.length; k++) {
    const r = seq[k]!;
    if (!r.head) {
      items.push({ head: [], body: r.units });
      continue;
    }
    const following: Unit[][] = [];
    let j = k + 1;
    while (j < seq.length && !seq[j]!.head && seq[j]!.units[0]!.kind !== 'note' && seq[j]!.units[0]!.kind !== 'doubled')
      following.push(seq[j++]!.units);
    const headlines = r.units.filter((u) => u.kind === 'headline');
    if (headlines.length > 1 && headlines.length === following.length) {
      // Stacked headlines over as many items: in order, each with what follows it (subtitle, byline).
      const groups: Unit[][] = [];
      for (const u of r.units) u.kind === 'headline' || !groups.length ? groups.push([u]) : groups.at(-1)!.push(u);
      following.forEach((body, i) => items.push({ head: groups[i]!, body }));
    } else if (following.length) {
      items.push({ head: r.units, body: following[0]! });
      for (const body of following.slice(1)) items.push({ head: [], body });
    } else items.push({ head: r.units, body: [] });
    k = j - 1;
  }
  return items;
}

function makeArticle(
  it: Item,
  order: number,
  options: NewspaperOptions,
  doubts: Doubt[],
  added: ImportResult['added'],
  place: (ls: Line[], where: number | 'report') => void,
  jumps: string[],
  jumpLines: Line[],
): ImportedArticle {
  const { section, placed } = options;
  const headlines = it.head.filter((u) => u.kind === 'headline');
  const subtitles = it.head.filter((u) => u.kind === 'subtitle');
  const bylineUnits = [...it.head.filter((u) => u.kind === 'byline'), ...takeLeadingBylines(it.body)];
  const body = it.body.filter((u) => !bylineUnits.includes(u));
  let title: string;
  let subtitle: string | undefined;
  const firstBody = body[0];
  if (headlines.length) {
    title = tidyTitle(headlines[0]!.text);
    const rest = [...headlines.slice(1), ...subtitles];
    if (rest.length) subtitle = tidyTitle(rest.map((u) => u.text.replace(/^——\s*/, '')).join(' '));
    const [h1, h2] = headlines;
    if (h2 && h1!.lines.length === 1 && h2.lines.length === 1 && h2.text.length >= h1!.text.length * 0.6) {
      doubts.push({
        lines: [h1!.lines[0]!.n, h2.lines[0]!.n],
        message: `${lineRange(h1!.lines[0]!.n)} and ${lineRange(h2.lines[0]!.n)} are two headlines of one article; the first was taken as the title and the second as the subtitle: check which is the main one`,
      });
    }
  } else if (firstBody?.kind === 'note') {
    title = '编者按';
    added.push({ text: title, why: `the title of article ${order}, the label its text starts with` });
  } else {
    const words = (firstBody?.text ?? '')
      .replace(OPENER, '')
      .replace(/^[（(][^）)]*[）)]/, '')
      .trim();
    title = tidyTitle(words.split(/[，。；！？,]/)[0]!.slice(0, 24)) || `Article ${order}`;
    added.push({ text: title, why: `the title of article ${order}, its first words` });
    doubts.push({
      lines: firstBody ? [firstBody.lines[0]!.n] : [],
      message: `the article at ${firstBody ? lineRange(firstBody.lines[0]!.n) : '?'} has no headline; its title was made of its first words: write one`,
    });
  }
  if (!headlines.length && subtitles.length)
    subtitle = tidyTitle(subtitles.map((u) => u.text.replace(/^——\s*/, '')).join(' '));

  // Bylines: the staff line (moved), else the one in the opener's brackets or the reporter at the end (copied).
  let byline: string | undefined;
  if (bylineUnits.length) {
    const b = tidyByline(bylineUnits.map((u) => u.text).join(' '));
    byline = b.text;
    if (!b.certain)
      doubts.push({
        lines: bylineUnits.map((u) => u.lines[0]!.n),
        message: `${lineRange(bylineUnits[0]!.lines[0]!.n)}: the names of the byline could not be told apart for certain; their spaces were left as printed`,
      });
  }
  const texts = body.map((u) =>
    u.kind === 'body' || u.kind === 'note' ? tidyOpener(u.text, doubts, u.lines[0]!.n) : u.text,
  );
  if (!byline && firstBody) {
    const bracket = /^(?:本[报刊台]讯)\s*[（(]([^）)]*)[）)]/.exec(texts[0] ?? '');
    const end =
      REPORTER_END.exec(texts.at(-1)?.trim() ?? '') ??
      REPORTER_END.exec(texts.findLast((t) => REPORTER_END.test(t.trim()))?.trim() ?? '');
    const found = bracket?.[1] ?? end?.[1];
    if (found) {
      byline = found.trim();
      added.push({ text: byline, why: `the byline of article ${order}, copied from its text` });
    }
  }

  place(
    it.head.flatMap((u) => u.lines),
    order,
  );
  place(
    it.body.flatMap((u) => u.lines),
    order,
  );
  let jumpTo: number | undefined;
  for (const j of body.filter((u) => u.kind === 'jump')) {
    const page = Number(JUMP.exec(j.text)![1]);
    const down = !/上\s*接/.test(j.text);
    if (placed && down) {
      jumpTo ??= page;
      place(j.lines, 'report');
      jumpLines.push(...j.lines);
    }
    jumps.push(
      placed && down
        ? `${capitalise(lineRange(j.lines[0]!.n))}: article ${order} goes on on page ${page}, which is not in this file: its front matter says \`jumpTo: ${page}\`, and the build prints the jump line where its text really breaks.`
        : `${capitalise(lineRange(j.lines[0]!.n))}: article ${order} goes on on page ${page}, which is not in this file; its text ends with the jump line.`,
    );
  }
  const kept = body
    .map((u, k) => ({ u, t: texts[k]! }))
    .filter(({ u }) => !(placed && u.kind === 'jump' && jumpLines.includes(u.lines[0]!)));
  const md = kept.map(({ u, t: text }) => {
    const t = tidyProse(text);
    if (u.subhead) return `## ${tidyTitle(t)}`;
    return t;
  });
  const length = md.join('').length;
  return {
    title,
    subtitle,
    section,
    order,
    byline,
    ...(placed
      ? // Its place on page 1: in the order printed, as wide as its length asks (the editor moves it after).
        { page: 1, priority: order, columns: length > 1200 ? 3 : length > 500 ? 2 : 1, jumpTo }
      : { newPage: order > 1 ? false : undefined }),
    body: md.join('\n\n') + '\n',
    lines: [...it.head, ...it.body].flatMap((u) => u.lines.map((l) => l.n)),
  };
}

/** Shorter than this, a story on page 1 is not given a jump: it fits a few lines of a column. */
const JUMP_FROM_CHARS = 300;

/**
 * The page was printed on a sheet of its own size, and ours may hold less: each long story of page 1 that does
 * not jump already may go on on the first page its jumps name (or page 2). The build jumps a story only where
 * it does not fit, so a story that fits is printed whole. Returns the report's note, if any story was given one.
 */
function mayJump(articles: ImportedArticle[]): string[] {
  const named = Math.min(...articles.filter((a) => a.page === 1).map((a) => a.jumpTo ?? Infinity));
  const to = Number.isFinite(named) ? named : 2;
  const given = articles.filter((a) => a.page === 1 && a.jumpTo === undefined && a.body.length >= JUMP_FROM_CHARS);
  for (const a of given) a.jumpTo = to;
  if (!given.length) return [];
  return [
    `Article${given.length > 1 ? 's' : ''} ${given.map((a) => a.order).join(', ')} may go on on page ${to} (\`jumpTo: ${to}\`): this page was printed on a sheet of its own, and ours may hold less. The build jumps a story only where it does not fit, and prints the jump line there; take \`jumpTo\` out where you would rather shorten the story or move it (\`page\`).`,
  ];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Byline lines at the start of a body (本报记者 张心怡 under the headline). */
function takeLeadingBylines(body: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of body) {
    if (u.kind !== 'byline') break;
    out.push(u);
  }
  return out;
}

/** The opener's bracketed byline with its names set right (本刊讯（记者 叶 玉娇 江阳） → （记者 叶玉娇 江阳）). */
function tidyOpener(text: string, doubts: Doubt[], line: number): string {
  return text.replace(/^(本[报刊台]讯\s*)[（(]([^）)]*)[）)]\s*/, (m, lead: string, inner: string) => {
    const b = tidyByline(inner);
    if (!b.certain)
      doubts.push({
        lines: [line],
        message: `${lineRange(line)}: the names in the byline could not be told apart for certain; their spaces were left as printed`,
      });
    return `${lead.trim()}（${b.text}）`;
  });
}
