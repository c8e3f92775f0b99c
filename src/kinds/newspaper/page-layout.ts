import type { KindLayout, PageFacts, PageLayout, PrintLayout } from '../../print/layout.ts';
import type { ArticleRanges } from '../../print/stages/verify.ts';

/**
 * A newspaper's pages are its 版, numbered from 1 in the order printed; each prints its own 报眉 and 版序 (the print
 * document composes them), so no page gets running heads from the engine. A story starts on the page its
 * headline is on.
 */
export function layoutPages(facts: PageFacts[]): KindLayout {
  const pages = facts.map((p, i): PageLayout => ({
    pdfPage: i + 1,
    kind: p.kind,
    side: p.side,
    folio: i + 1,
    decorated: false,
    runningHead: null,
    section: p.section,
    overflow: p.overflow,
    faults: p.faults,
    notes: p.notes,
  }));
  const articles = facts.flatMap((p, i) => p.starts.map((anchor) => ({ anchor, pdfPage: i + 1, folio: i + 1 })));
  return { pages, articles };
}

/** 第3版 is page 3: the folio as the 报眉 prints it. */
export const formatFolio = (folio: number) => String(folio);

/** A story's text is on its page and, where it jumps, on a later one: read from its page to the last. */
export function articleRanges(layout: PrintLayout, pageCount: number): ArticleRanges {
  return new Map(layout.articles.map((a) => [a.anchor, { first: a.pdfPage, last: pageCount }]));
}
