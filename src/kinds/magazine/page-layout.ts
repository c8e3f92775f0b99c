import type { Article } from '../../core/model.ts';
import type { TocSection } from '../../core/toc.ts';
import type { PageFacts, PageLayout, PrintLayout, RunningHeads } from '../../print/layout.ts';

/** The folio as the magazine prints it: two digits at least (01, 02 … 112). */
export function formatFolio(folio: number): string {
  return String(folio).padStart(2, '0');
}

/**
 * A magazine's pages: numbered from the first page after the front matter (cover, 目录), and only content pages
 * print their folio and running head (the publication on left pages, the section on right pages); covers,
 * openers and blanks stay clean.
 */
export function layoutPages(facts: PageFacts[], heads: RunningHeads): Omit<PrintLayout, 'images'> {
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
 * Whether an article starts on a new page in print. The first article of a section always does (it follows
 * the section opener); a later one only unless it set `newPage: false`.
 */
export function startsNewPage(toc: TocSection[], article: Article): boolean {
  const section = toc.find((s) => s.section.id === article.section);
  return !section || section.articles[0] === article || article.newPage;
}
