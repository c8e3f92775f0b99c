import type { Article } from '../../core/model.ts';
import type { Columns } from '../../core/schema/columns.ts';
import type { Publication, Section } from '../../core/schema/publication.ts';
import type { TocSection } from '../../core/toc.ts';
import type { KindLayout, PageFacts, PageLayout, PrintLayout, RunningHeads } from '../../print/layout.ts';

/** The folio as the magazine prints it: two digits at least (01, 02 … 112). */
export function formatFolio(folio: number): string {
  return String(folio).padStart(2, '0');
}

/**
 * A magazine's pages: numbered from the first page after the front matter (cover, 目录), and only content pages
 * print their folio and running head (the publication on left pages, the section on right pages); covers,
 * openers and blanks stay clean.
 */
export function layoutPages(facts: PageFacts[], heads: RunningHeads): KindLayout {
  const lastFront = facts.findLastIndex((p) => p.kind === 'cover' || p.kind === 'front');
  const first = facts.findIndex((p, i) => i > lastFront && p.kind !== 'blank' && p.kind !== 'empty');
  const pages = facts.map((p, i): PageLayout => {
    const folio = first >= 0 && i >= first ? i - first + 1 : null;
    const decorated = p.kind === 'content' && folio !== null;
    const runningHead = !decorated
      ? null
      : p.side === 'left'
        ? heads.publication
        : (p.section && heads.sections[p.section]) || heads.publication;
    return {
      pdfPage: i + 1,
      kind: p.kind,
      side: p.side,
      folio,
      decorated,
      runningHead,
      section: p.section,
      overflow: p.overflow,
      faults: p.faults,
      notes: p.notes,
    };
  });
  const articles = facts.flatMap((p, i) =>
    p.starts.map((anchor) => {
      const folio = pages[i]!.folio;
      if (folio === null) throw new Error(`article ${anchor} starts on page ${i + 1}, before the numbered pages`);
      return { anchor, pdfPage: i + 1, folio };
    }),
  );
  return { pages, articles };
}

/**
 * Whether an article starts on a new page in print. The first article of a section always does (a section
 * starts a page, as in the printed issue); a later one as its `newPage` says, and unset, unless its section
 * runs its articles on.
 */
export function startsNewPage(toc: TocSection[], article: Article): boolean {
  const entry = toc.find((s) => s.section.id === article.section);
  return !entry || entry.articles[0] === article || (article.newPage ?? !entry.section.runOn);
}

/**
 * Whether an article starts on a right-hand page, as publication.yaml's `print.startOnRight` asks: every article
 * that starts a page, or a section's first. After an opener (itself on the right), the article faces it.
 */
export function startsOnRight(
  toc: TocSection[],
  article: Article,
  startOnRight: Publication['print']['startOnRight'],
): boolean {
  const entry = toc.find((s) => s.section.id === article.section);
  const first = entry?.articles[0] === article;
  if (startOnRight === 'none' || !startsNewPage(toc, article) || (first && entry.section.opener)) return false;
  return startOnRight === 'articles' || first;
}

/**
 * A table of more columns than this does not fit beside text set in columns: Chromium lays the part of it that
 * follows a column group out wider than the page under Paged.js (and a row is lost at the page break). Such an
 * article is set in one column, unless it asks for columns itself.
 */
export const WIDE_TABLE_COLUMNS = 6;

/** How many columns an article's body is set in: its own `columns`, else its section's, as its tables allow. */
export function columnsOf(article: Article, section: Section): Columns {
  // 1 or 2: the magazine's front matter rules (front-matter.ts) refuse more.
  if (article.columns) return article.columns as Columns;
  return article.widestTable > WIDE_TABLE_COLUMNS ? 1 : section.columns;
}

/** How an article is set in print, from its section's rules and its own front matter: the one place for them. */
export interface Placement {
  newPage: boolean;
  right: boolean;
  columns: Columns;
  /** The section's band above the title: its first article, where the section has no opener. */
  band: boolean;
  /** The section's name as a label above the title: an article that starts a page, other than under a band. */
  label: boolean;
  /** What is printed right above the title (band or label, then the kicker), for the PDF check to find the head by. */
  above: string;
}

export function placementOf(
  toc: TocSection[],
  article: Article,
  startOnRight: Publication['print']['startOnRight'],
): Placement {
  const entry = toc.find((s) => s.section.id === article.section);
  const newPage = startsNewPage(toc, article);
  const band = !!entry && !entry.section.opener && entry.articles[0] === article;
  const label = !band && newPage;
  const section = entry?.section;
  return {
    newPage,
    right: startsOnRight(toc, article, startOnRight),
    columns: section ? columnsOf(article, section) : ((article.columns as Columns | undefined) ?? 1),
    band,
    label,
    above:
      (!section ? '' : band ? section.title + (section.english ?? '') : label ? section.title : '') +
      (article.kicker ?? ''),
  };
}
