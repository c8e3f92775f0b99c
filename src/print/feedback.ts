import type { Issue } from '../core/model.ts';
import type { MovedFigure, PrintLayout, TightenedRun } from './layout.ts';

/** A page filled less than this far down is worth an editor's look (a short item alone, a gap before a break). */
export const SPARSE_FILL = 0.5;

/** What an editor can act on after a build: how each article sits, and the pages that are mostly empty. */
export interface LayoutFeedback {
  articles: {
    id: string;
    pdfPage: number;
    folio: number;
    /** Pages from its first up to the next article's first (at least 1: the next may run on below it). */
    pages: number;
    /** The page a printed edition gave it (`printPage`), and ours less that. */
    printPage?: number;
    shift?: number;
  }[];
  /** Content pages filled less than half way down. */
  sparsePages: { pdfPage: number; folio: number | null; fill: number }[];
  /** Figures set apart from the text before them (layout.ts, MovedFigure), where they are printed. */
  movedFigures: ({ pdfPage: number; folio: number | null } & MovedFigure)[];
  /** The runs the copyfit set with less leading to lose a widowed page (layout.ts, TightenedRun). */
  tightened: TightenedRun[];
}

export function layoutFeedback(issue: Issue, layout: PrintLayout): LayoutFeedback {
  const byAnchor = new Map(issue.articles.map((a) => [a.anchor, a]));
  const starts = [...layout.articles].sort((a, b) => a.pdfPage - b.pdfPage);
  const lastContent = layout.pages.findLast((p) => p.kind === 'content')?.pdfPage ?? 0;
  return {
    articles: starts.map((place, k) => {
      const article = byAnchor.get(place.anchor)!;
      const end = starts[k + 1]?.pdfPage ?? lastContent + 1;
      const printed = article.printPage;
      return {
        id: article.id,
        pdfPage: place.pdfPage,
        folio: place.folio,
        pages: Math.max(1, end - place.pdfPage),
        ...(printed === undefined ? {} : { printPage: printed, shift: place.folio - printed }),
      };
    }),
    sparsePages: layout.pages
      .filter((p) => p.kind === 'content' && (layout.fill[p.pdfPage - 1] ?? 1) < SPARSE_FILL)
      .map((p) => ({ pdfPage: p.pdfPage, folio: p.folio, fill: layout.fill[p.pdfPage - 1]! })),
    movedFigures: layout.pages.flatMap((p) =>
      (layout.moved[p.pdfPage - 1] ?? []).map((figure) => ({ pdfPage: p.pdfPage, folio: p.folio, ...figure })),
    ),
    tightened: layout.tightened,
  };
}

const listed = (pages: number[]) => `PDF page ${pages.slice(0, 8).join(', ')}${pages.length > 8 ? ', …' : ''}`;

/** The build's line about it: `36 articles, 7 on their printed page, mean shift +1.5 (largest 4); 3 pages …`. */
export function feedbackSummary(feedback: LayoutFeedback): string {
  const { articles, sparsePages, movedFigures, tightened } = feedback;
  const shifts = articles.flatMap((a) => (a.shift === undefined ? [] : [a.shift]));
  const parts = [`${articles.length} articles`];
  if (shifts.length) {
    const mean = shifts.reduce((sum, s) => sum + Math.abs(s), 0) / shifts.length;
    const largest = Math.max(...shifts.map(Math.abs));
    parts.push(
      `${shifts.filter((s) => s === 0).length} of ${shifts.length} on their printed page, ` +
        `${mean.toFixed(1)} pages off on average (at most ${largest})`,
    );
  }
  const sparse = sparsePages.length
    ? `${sparsePages.length} page(s) less than half full (${listed(sparsePages.map((p) => p.pdfPage))})`
    : 'no page less than half full';
  const floated = movedFigures.filter((f) => f.paragraphs > 0).length;
  const moved = movedFigures.length
    ? `; ${movedFigures.length} figure(s) apart from their text, ${floated} floated to fill a page ` +
      `(${listed(movedFigures.map((f) => f.pdfPage))})`
    : '';
  const tight = tightened.length
    ? `; ${tightened.length} run(s) set with less leading to lose a page (` +
      tightened
        .map((r) => `PDF page ${r.from}${r.to > r.from ? `–${r.to}` : ''} at ${Math.round(r.leading * 100)} %`)
        .join(', ') +
      ')'
    : '';
  return `${parts.join(', ')}; ${sparse}${moved}${tight}`;
}
