import type { Issue } from '../../core/model.ts';
import type { Publication } from '../../core/schema/publication.ts';
import { compact } from '../../print/compact-text.ts';
import { lengthToPt } from '../../print/geometry.ts';
import type { PrintLayout } from '../../print/layout.ts';
import type { PageText } from '../../print/pdf-text.ts';
import { pageCountProblems, pageProblems, type ArticleRanges } from '../../print/stages/verify.ts';
import { formatFolio, placementOf } from './page-layout.ts';
import { TOC_ENTRY_MARK, tocAuthors } from './page-rules.ts';

/**
 * Checks a magazine's finished PDF against what the issue should be, before it is written: the page count, every
 * printed article's head (its title with the band or section label above it) on the page the layout says, the folio printed in the bottom margin
 * of every numbered page, and every 目录 number equal to the folio of the page where its article really starts.
 * Returns the problems found (none: the PDF is right). `bleed`, in points: how far the trim sits inside the page.
 */
export function checkPdf(
  publication: Publication,
  issue: Issue,
  layout: PrintLayout,
  pages: PageText[],
  bleed = 0,
): string[] {
  const problems = pageCountProblems(layout, pages);
  const placed = new Map(layout.articles.map((a) => [a.anchor, a]));
  const tocText = layout.pages
    .filter((p) => p.kind === 'front')
    .map((p) => pages[p.pdfPage - 1]?.compact ?? '')
    .join('');

  for (const article of issue.articles.filter((a) => a.print)) {
    const place = placed.get(article.anchor);
    if (!place) {
      problems.push(`${article.file}: "${article.title}" is missing from the PDF`);
      continue;
    }
    const { above } = placementOf(issue.toc.print, article, publication.print.startOnRight);
    if (!pages[place.pdfPage - 1]?.compact.includes(compact(above + article.title))) {
      problems.push(
        `${article.file}: the head of "${article.title}" is not on PDF page ${place.pdfPage}, where the layout puts it`,
      );
    }
    const listed = tocNumbers(tocText, article.title + tocAuthors(article));
    if (!listed.includes(formatFolio(place.folio))) {
      problems.push(
        `${article.file}: the 目录 gives page ${listed.join(' or ') || '(none)'} for "${article.title}", but it starts on page ${formatFolio(place.folio)}`,
      );
    }
  }

  problems.push(...pageProblems(layout));

  const bottom = lengthToPt(publication.page.margins.bottom) + bleed;
  for (const p of layout.pages.filter((p) => p.decorated)) {
    const page = pages[p.pdfPage - 1];
    const found = page && printedFolio(page, bottom);
    if (page && found !== formatFolio(p.folio!)) {
      problems.push(`PDF page ${p.pdfPage} should print folio ${formatFolio(p.folio!)}, found ${found ?? 'none'}`);
    }
  }
  return problems;
}

/**
 * A magazine's articles follow one another: an article's text lies from its start page to the page where the next
 * one starts (which it may share), the last one's to the end of the issue.
 */
export function articleRanges(layout: PrintLayout, pageCount: number): ArticleRanges {
  const starts = [...layout.articles].sort((a, b) => a.pdfPage - b.pdfPage);
  return new Map(
    starts.map((place, k) => [place.anchor, { first: place.pdfPage, last: starts[k + 1]?.pdfPage ?? pageCount }]),
  );
}

/** The numbers the 目录 prints right after an entry's text, its title and authors (one per entry with that text). */
export function tocNumbers(tocText: string, text: string): string[] {
  const entry = TOC_ENTRY_MARK + compact(text);
  const numbers: string[] = [];
  for (let at = tocText.indexOf(entry); at >= 0; at = tocText.indexOf(entry, at + 1)) {
    const n = /^\d+/.exec(tocText.slice(at + entry.length))?.[0];
    if (n) numbers.push(n);
  }
  return numbers;
}

/** The folio: a number alone in the page's bottom margin (`bottom` in points), the lowest one there. */
export function printedFolio(page: PageText, bottom: number): string | undefined {
  const numbers = page.items.filter((i) => /^\d+$/.test(i.str.trim()) && i.y < bottom);
  return numbers.sort((a, b) => a.y - b.y)[0]?.str.trim();
}
