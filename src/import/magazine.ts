import { SOURCE_LINE } from '../core/markdown/patterns.ts';
import { articleFileName } from '../core/names.ts';
import {
  findSourceLine,
  joinCutParagraphs,
  markPlainSubheads,
  renderBlock,
  settleHeadings,
  toBlocks,
  type Block,
  type Doubt,
} from './body.ts';
import {
  compareDisclaimer,
  compareImprint,
  compareMasthead,
  findImprint,
  readMasthead,
  runningHeadTest,
} from './furniture.ts';
import { NgramIndex } from './join.ts';
import { isBlank, lineList, lineRange, toLines, type Line } from './lines.ts';
import { isTitleLike, matchTitles, type TitleMatch } from './match.ts';
import type { ImportedArticle, ImportResult, PublicationFacts, ReportPart } from './result.ts';
import { parseToc, tocEntries, tocHeadings, type TocSection } from './toc.ts';
import { issueSlugs, type Pinyin } from '../core/title-slugs.ts';
import { tidyProse, tidyTitle, titleKey } from './text.ts';

/** A staff byline at an article's start: 本刊记者 林晓, 文／张三, 作者：李四. */
const BYLINE = /^(?:本刊(?:特约)?记者|特约记者|记者|通讯员|撰文|作者|文)\s*[:：/／]?\s*\S.{0,30}$/;

/** No 目录 read: `heading` is the line of a 目录 heading no entries followed, with the lines after it. */
export class NoTocError extends Error {
  readonly heading?: { line: number; after: string[] };
  constructor(heading?: { line: number; after: string[] }) {
    super(
      heading ? `a 目录 heading on line ${heading.line} without entries after it` : 'no 目录 (table of contents) found',
    );
    this.name = 'NoTocError';
    this.heading = heading;
  }
}

export interface MagazineOptions {
  /** pinyin-pro's converter, for the articles' slugs (loadPinyin). */
  pinyin: Pinyin;
  pub?: PublicationFacts;
}

/**
 * A magazine issue's extracted text to articles: the 目录 says which articles there are, in which section
 * and on which page; each is found in the body by its title and cut out there. Masthead, front pages, the
 * disclaimer and the back-cover imprint go to the report, compared with publication.yaml.
 */
export function importMagazine(text: string, { pinyin, pub }: MagazineOptions): ImportResult {
  const lines = toLines(text);
  const toc = parseToc(
    lines,
    pub?.sections.map((s) => s.title),
  );
  if (!toc) {
    const heading = tocHeadings(lines)[0];
    const after = heading ? lines.filter((l) => l.n > heading.n && l.text.trim()).slice(0, 3) : [];
    throw new NoTocError(heading && { line: heading.n, after: after.map((l) => l.text.trim()) });
  }
  const placed: ImportResult['placed'] = new Map();
  const place = (ls: Iterable<Line | number>, where: number | 'issue' | 'report') => {
    for (const l of ls) {
      const n = typeof l === 'number' ? l : l.n;
      if (!isBlank(lines[n - 1])) placed.set(n, where);
    }
  };
  const doubts: Doubt[] = [];
  const parts: ReportPart[] = [];
  const added: ImportResult['added'] = [];
  const idx = (n: number) => n - 1;
  /** Sections that run their articles on (publication.yaml `runOn: true`). */
  const runOnSections = new Set(pub?.sections.filter((s) => s.runOn).map((s) => s.id));

  // Sections: the 目录's titles to publication.yaml's ids.
  const sectionIds = new Map<TocSection, string>();
  toc.sections.forEach((s, k) => {
    const known =
      pub?.sections.find((p) => titleKey(p.title) === titleKey(s.title)) ??
      pub?.sections.find((p) => s.title && titleKey(s.title).includes(titleKey(p.title)));
    if (known) sectionIds.set(s, known.id);
    else {
      const id = pub?.sections[0]?.id ?? `section-${k + 1}`;
      sectionIds.set(s, id);
      const why = !s.title
        ? `${lineRange(s.entries[0]!.lines[0]!)}: entries before any section heading`
        : pub
          ? `line ${s.line}: the section is not in publication.yaml; its articles`
          : `line ${s.line}: there is no publication.yaml to name the section; its articles`;
      doubts.push({ lines: [s.line], message: `${why} were put in "${id}"` });
    }
  });

  // Before the 目录: the masthead, then pages such as the inside-cover advertisement.
  const masthead = readMasthead(lines, idx(toc.start));
  if (masthead?.lines.length) {
    place(masthead.lines, 'report');
    parts.push({
      heading: `Masthead (${lineRange(masthead.lines[0]!.n, masthead.lines.at(-1)!.n)})`,
      quote: masthead.lines,
      notes: compareMasthead(masthead, pub),
    });
  }
  const mastheadEnd = masthead?.lines.at(-1)?.n ?? 0;
  const front = lines.slice(mastheadEnd, idx(toc.start)).filter((l) => !isBlank(l));
  if (front.length) {
    place(front, 'report');
    parts.push({
      heading: `Pages before the table of contents (${lineRange(front[0]!.n, front.at(-1)!.n)})`,
      notes: [
        'The text of a page before the table of contents, such as an inside-cover advertisement: it is no article. If it is a full-page image, add it to issue.yaml as `insideCover: { image: images/…, alt: … }`.',
      ],
      quote: front,
    });
  }

  // The 目录 itself, and its disclaimer(s).
  const entries = tocEntries(toc);
  place(toc.other, 'report');
  place(
    toc.sections.map((s) => s.line),
    'report',
  );
  for (const d of toc.disclaimers) {
    place(d.lines, 'report');
    parts.push({
      heading: `Disclaimer (${lineRange(d.lines[0]!, d.lines.at(-1)!)})`,
      quote: d.lines.map((n) => lines[idx(n)]!),
      notes: [compareDisclaimer(d.text, pub)],
    });
  }
  if (toc.unread.length) {
    const heading = `Table of contents lines read as neither entry nor section (${lineList(toc.unread)})`;
    place(toc.unread, 'report');
    parts.push({ heading, quote: toc.unread.map((n) => lines[idx(n)]!) });
    for (const n of toc.unread)
      doubts.push({
        lines: [n],
        message: `line ${n}, among the lines of the table of contents, is neither an entry with a page number nor a section heading (quoted under "${heading}"): if it lists an article, no article was made for it and its text is in the article before it.`,
      });
  }

  // The back cover at the end; the articles lie between the 目录 and it.
  const back = findImprint(lines.slice(toc.end), pub);
  const bodyEnd = back ? toc.end + back.start : lines.length;
  if (back) {
    place(back.imprint.lines, 'report');
    parts.push({
      heading: `Back cover (${lineRange(back.imprint.lines[0]!.n, back.imprint.lines.at(-1)!.n)})`,
      quote: back.imprint.lines,
      notes: compareImprint(back.imprint, pub),
    });
  }

  const matches: (TitleMatch | { at: number; lines: number[]; text: string; how: 'position' } | undefined)[] =
    matchTitles(
      entries.map((e) => e.entry.title),
      lines,
      toc.end,
      bodyEnd,
    );
  const isRunningHead = runningHeadTest(pub);
  // A title missing from the body: the article is where the previous one ended (after its 来源 line).
  for (const [k, m] of matches.entries()) {
    if (m) continue;
    const { entry } = entries[k]!;
    const prev = matches.slice(0, k).findLast(Boolean);
    const next = matches.slice(k + 1).find(Boolean);
    const lo = prev ? prev.at + prev.lines.length : toc.end;
    const hi = next ? next.at : bodyEnd;
    // The previous article ends with its 来源 line, where there is one: the bracketed one that ends an article
    // rather than a figure's 来源：… inside it.
    const sourceAt = (test: (text: string) => boolean) =>
      lines.findIndex((l, i) => i >= lo && i < hi && SOURCE_LINE.test(l.text.trim()) && test(l.text.trim()));
    const source = [sourceAt((t) => /^[（(]/.test(t)), sourceAt(() => true)].find((i) => i >= 0);
    const from = source === undefined ? lo : source + 1;
    const heading = lines.findIndex(
      (l, i) => i >= from && i < hi && isTitleLike(l.text) && /^#{1,6}\s/.test(l.text.trim()),
    );
    // Plain text has no headings: the line after the 来源 line (running heads aside), if it reads as a title and
    // prose follows it.
    const after = (i: number) => lines.findIndex((l, j) => j > i && j < hi && !isBlank(l) && !isRunningHead(l.text));
    const afterSource = source === undefined ? -1 : after(source);
    const prose = afterSource >= 0 ? after(afterSource) : -1;
    const at =
      heading >= 0
        ? heading
        : afterSource >= 0 && isTitleLike(lines[afterSource]!.text) && prose >= 0 && !isTitleLike(lines[prose]!.text)
          ? afterSource
          : -1;
    if (at >= 0) {
      matches[k] = { at, lines: [lines[at]!.n], text: lines[at]!.text, how: 'position' };
      const repeat = matches.slice(0, k).some((p) => p && titleKey(p.text) === titleKey(lines[at]!.text));
      doubts.push({
        lines: [entry.lines[0]!, lines[at]!.n],
        message: `the title of the entry at line ${entry.lines[0]} (page ${entry.page}) is not in the body. The article was taken to start at line ${lines[at]!.n}, ${heading >= 0 ? 'a heading' : "the line after the previous article's source line"}${repeat ? " that repeats the previous article's title" : heading >= 0 ? ' after the previous article' : ''}; its title comes from the table of contents. Check where it starts and its title.`,
      });
    } else {
      doubts.push({
        lines: entry.lines,
        message: `the entry at ${lineRange(entry.lines[0]!, entry.lines.at(-1))} (page ${entry.page}; "not found" in the table of contents below) was not found in the body: no article was made for it; its text, if there is any, is in the article before it.`,
      });
    }
  }

  // Each article runs from its title to the next article's title.
  const found = entries.map((e, k) => ({ ...e, match: matches[k], k })).filter((e) => e.match);
  found.sort((a, b) => a.match!.at - b.match!.at);
  const firstAt = found[0]?.match!.at ?? bodyEnd;
  const before = lines.slice(toc.end, firstAt).filter((l) => !isBlank(l) && !placed.has(l.n));
  if (before.length) {
    place(before, 'report');
    parts.push({
      heading: `Before the first article (${lineRange(before[0]!.n, before.at(-1)!.n)})`,
      notes: ['Text between the table of contents and the first article.'],
      quote: before,
    });
  }

  const index = new NgramIndex(lines.map((l) => l.text));
  // A text that marks no heading in its body: its subheads are found by their shape.
  const plain = !lines.slice(toc.end).some((l) => !l.text.includes('\t') && /^#{1,6}\s/.test(l.text.trim()));
  const dropped: Line[] = [];
  const articles: ImportedArticle[] = [];
  const inOrder = [...found].sort((a, b) => a.k - b.k);
  for (const [pos, item] of found.entries()) {
    const m = item.match!;
    const end = pos + 1 < found.length ? found[pos + 1]!.match!.at : bodyEnd;
    const order = inOrder.indexOf(item) + 1;
    const titleLines = m.lines.map((n) => lines[idx(n)]!);
    const bodyLines = lines.slice(m.at + 1, end).filter((l) => !m.lines.includes(l.n));
    const kept: Line[] = [];
    for (const l of bodyLines) {
      if (isRunningHead(l.text)) dropped.push(l);
      else kept.push(l);
    }
    const blocks = toBlocks(kept);
    doubts.push(...joinCutParagraphs(blocks, index));
    const src = findSourceLine(blocks);
    if (src) blocks.splice(src.index, 1);
    const byline = takeByline(blocks);
    if (plain) markPlainSubheads(blocks);
    const titleLevel = /^(#{1,6})\s/.exec(titleLines[0]!.text.trim())?.[1]?.length ?? 0;
    settleHeadings(blocks, titleLevel);

    let title: string;
    if (m.how === 'position') {
      title = tidyTitle(item.entry.title);
      added.push({ text: title, why: `the title of article ${order}, taken from the table of contents` });
      place(titleLines, 'report');
      parts.push({
        heading: `Heading replaced by the title from the table of contents (${lineRange(titleLines[0]!.n)})`,
        quote: titleLines,
      });
    } else {
      title = tidyTitle(m.text);
      place(titleLines, order);
      if (m.how === 'fuzzy') {
        doubts.push({
          lines: [item.entry.lines[0]!, ...m.lines],
          message: `the entry at line ${item.entry.lines[0]} was matched to the title at ${lineRange(m.lines[0]!, m.lines.at(-1))}, which is worded differently: check that they are the same article (the article keeps the body's title).`,
        });
      }
    }
    place(item.entry.lines, 'report');
    place(kept, order);

    const prevInSection = inOrder[inOrder.indexOf(item) - 1];
    const runOn = prevInSection?.section === item.section && prevInSection.entry.page === item.entry.page;
    const sectionId = sectionIds.get(item.section)!;
    articles.push({
      title,
      section: sectionId,
      order,
      printPage: item.entry.page,
      source: src?.source,
      byline,
      // Unset, the section's `runOn` decides: where it is true, an article printed on a page of its own says so.
      newPage: runOn ? false : runOnSections.has(sectionId) ? true : undefined,
      body: blocks.map(renderBlock).join('\n\n') + '\n',
      lines: [...titleLines, ...kept].map((l) => l.n),
    });
  }
  articles.sort((a, b) => a.order - b.order);
  for (const [k, slug] of issueSlugs(articles, pinyin).entries()) articles[k]!.slug = slug;
  if (dropped.length) {
    place(dropped, 'report');
    parts.push({ heading: 'Running heads and page numbers removed from the articles', quote: dropped });
  }

  // The 目录 as printed, and where each entry went.
  const rows = entries.map(({ entry, section }, k) => {
    const m = matches[k];
    const order = inOrder.findIndex((f) => f.k === k) + 1;
    const article = m ? articles.find((x) => x.order === order) : undefined;
    return [
      String(entry.page),
      sectionIds.get(section) ?? '',
      entry.lines.map((n) => lines[idx(n)]!.text.trim()).join(' '),
      entry.lines.join(', '),
      article ? fileName(article) : 'not found',
      m ? (m.how === 'position' ? 'position' : `${m.how}, ${lineRange(m.lines[0]!, m.lines.at(-1))}`) : '',
    ];
  });
  parts.unshift({
    heading: `Table of contents (${lineRange(toc.start, toc.end)})`,
    notes: [
      `${entries.length} entries in ${toc.sections.length} sections; ${articles.length} articles written. "exact": the body's title equals the entry's once punctuation, spaces and full/half-width forms are set aside; "close": one contains the other; "fuzzy": most of their characters agree; "position": found where the title should be. The section headings and other lines of the table of contents:`,
    ],
    quote: [...toc.other, ...toc.sections.map((s) => s.line)].sort((a, b) => a - b).map((n) => lines[idx(n)]!),
    table: { head: ['page', 'section', 'entry as printed', 'line', 'file', 'found'], rows },
  });

  const leftovers = lines.filter((l) => !isBlank(l) && !placed.has(l.n));
  if (leftovers.length) {
    place(leftovers, 'report');
    parts.push({ heading: 'Lines not placed in any article', quote: leftovers });
  }
  const first = articles[0];
  if (first) added.push({ text: first.title, why: "issue.yaml's headline, a copy of the first article's title" });
  return {
    kind: 'magazine',
    articles,
    issue: {
      number: masthead?.number,
      year: masthead?.year,
      month: masthead?.month,
      headline: first?.title,
      headlineFrom: first ? `the title of ${fileName(first)}` : undefined,
    },
    doubts,
    parts,
    added,
    placed,
  };
}

/** A byline paragraph at the start of the body (before any heading): taken out into the front matter. */
function takeByline(blocks: Block[]): string | undefined {
  const i = 0;
  const b = blocks[i];
  if (!b || b.kind !== 'para' || b.lines.length !== 1) return undefined;
  const text = b.lines[0]!.text.trim();
  if (!BYLINE.test(text) || /[。，]/.test(text)) return undefined;
  blocks.splice(i, 1);
  return tidyProse(text);
}

/** `03-slug.md`, or `03-article-03.md` for a title with neither Han characters nor Latin words. */
export function fileName(a: Pick<ImportedArticle, 'order' | 'slug'>): string {
  return articleFileName(a.order, a.slug ?? `article-${String(a.order).padStart(2, '0')}`);
}
