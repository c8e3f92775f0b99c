import type { Article, Issue } from '../lib/model.ts';
import { formatFolio, type PrintLayout } from '../lib/print-pages.ts';
import { compact, type PageText } from './pdf-text.ts';

/**
 * Checks a finished PDF against what the issue should be, before it is written: the page count, every printed
 * article on the page the layout says, every folio printed where it belongs, and every 目录 number equal to
 * the folio of the page where its article really starts. Returns the problems found (none: the PDF is right).
 */
export function checkPdf(issue: Issue, layout: PrintLayout, pages: PageText[]): string[] {
  const problems: string[] = [];
  if (pages.length !== layout.pages.length) {
    problems.push(`the PDF has ${pages.length} pages, the pagination made ${layout.pages.length}`);
  }
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
    const title = compact(article.title);
    if (!pages[place.pdfPage - 1]?.compact.includes(title)) {
      problems.push(`${article.file}: the title "${article.title}" is not on PDF page ${place.pdfPage}, where the layout puts it`);
    }
    const listed = tocNumber(tocText, article);
    if (listed !== formatFolio(place.folio)) {
      problems.push(`${article.file}: the 目录 gives page ${listed ?? '(none)'} for "${article.title}", but it starts on page ${formatFolio(place.folio)}`);
    }
  }

  for (const p of layout.pages.filter((p) => p.decorated)) {
    const page = pages[p.pdfPage - 1];
    if (page && printedFolio(page) !== formatFolio(p.folio!)) {
      problems.push(`PDF page ${p.pdfPage} should print folio ${formatFolio(p.folio!)}, found ${printedFolio(page) ?? 'none'}`);
    }
  }
  return problems;
}

/** The number the 目录 prints after an article's title. */
export function tocNumber(tocText: string, article: Pick<Article, 'title'>): string | undefined {
  const at = tocText.indexOf('▲' + compact(article.title));
  if (at < 0) return undefined;
  return /^\d+/.exec(tocText.slice(at + 1 + compact(article.title).length))?.[0];
}

/** The folio: the lowest number on the page, in the bottom margin. */
export function printedFolio(page: PageText): string | undefined {
  const numbers = page.items.filter((i) => /^\d+$/.test(i.str.trim()) && i.y < page.height * 0.08);
  return numbers.sort((a, b) => a.y - b.y)[0]?.str.trim();
}
