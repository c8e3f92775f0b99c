import type { Issue } from '../../core/model.ts';
import { lengthToPt } from '../geometry.ts';
import { formatFolio, type PrintLayout } from '../../kinds/magazine/page-layout.ts';
import type { Publication } from '../../core/schema/publication.ts';
import { compact, type PageText } from '../pdf-text.ts';

/**
 * Checks a finished PDF against what the issue should be, before it is written: the page count, every printed
 * article's head (section and title) on the page the layout says, the folio printed in the bottom margin of every
 * numbered page, and every 目录 number equal to the folio of the page where its article really starts.
 * Returns the problems found (none: the PDF is right). `bleed`, in points: how far the trim sits inside the page.
 */
export function checkPdf(
  publication: Publication,
  issue: Issue,
  layout: PrintLayout,
  pages: PageText[],
  bleed = 0,
): string[] {
  const problems: string[] = [];
  if (pages.length !== layout.pages.length) {
    problems.push(`the PDF has ${pages.length} pages, the pagination made ${layout.pages.length}`);
  }
  const placed = new Map(layout.articles.map((a) => [a.anchor, a]));
  const sections = new Map(publication.sections.map((s) => [s.id, s.title]));
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
    const head = compact(sections.get(article.section)! + article.title);
    if (!pages[place.pdfPage - 1]?.compact.includes(head)) {
      problems.push(
        `${article.file}: the head of "${article.title}" is not on PDF page ${place.pdfPage}, where the layout puts it`,
      );
    }
    const listed = tocNumbers(tocText, article.title);
    if (!listed.includes(formatFolio(place.folio))) {
      problems.push(
        `${article.file}: the 目录 gives page ${listed.join(' or ') || '(none)'} for "${article.title}", but it starts on page ${formatFolio(place.folio)}`,
      );
    }
  }

  for (const p of layout.pages) {
    if (p.kind === 'empty') problems.push(`PDF page ${p.pdfPage} is empty: nothing asked for a blank page there`);
    if (p.overflow) problems.push(`PDF page ${p.pdfPage}: content runs past the page's content area`);
    for (const fault of p.faults) problems.push(`PDF page ${p.pdfPage}: ${fault}`);
  }

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
 * Paged.js can drop content at page breaks, in tables and around floats without a word. Every block of every
 * article (from the print document before pagination) must be found, in order, in the PDF's text of the
 * article's pages, read inside the margins so that running heads and folios do not break a paragraph that runs
 * over a page.
 */
export function lostText(
  publication: Publication,
  issue: Issue,
  layout: PrintLayout,
  pages: PageText[],
  blocks: Map<string, string[]>,
  bleed = 0,
): string[] {
  const top = lengthToPt(publication.page.margins.top) + bleed;
  const bottom = lengthToPt(publication.page.margins.bottom) + bleed;
  const body = pages.map((p) =>
    compact(
      p.items
        .filter((i) => i.y > bottom && i.y < p.height - top)
        .map((i) => i.str)
        .join(''),
    ),
  );
  const starts = [...layout.articles].sort((a, b) => a.pdfPage - b.pdfPage);
  const problems: string[] = [];
  starts.forEach((place, k) => {
    const article = issue.articles.find((a) => a.anchor === place.anchor);
    const last = (starts[k + 1]?.pdfPage ?? pages.length) - 1;
    const texts = body.slice(place.pdfPage - 1, last + 1);
    const text = texts.join('');
    const pageAt = (offset: number) => {
      let end = 0;
      // The page where the text found last ends: the lost block belongs right after it.
      for (const [i, t] of texts.entries()) if ((end += t.length) >= offset) return place.pdfPage + i;
      return last + 1;
    };
    let cursor = 0;
    for (const block of blocks.get(place.anchor) ?? []) {
      // In reading order: a short cell such as 投资 must not be found in a sentence elsewhere.
      const at = text.indexOf(block, cursor);
      if (at >= 0) cursor = at + block.length;
      else {
        const shown = block.length > 40 ? block.slice(0, 40) + '…' : block;
        problems.push(`${article?.file ?? place.anchor}: text lost on PDF page ${pageAt(cursor)}: "${shown}"`);
      }
    }
  });
  return problems;
}

/** The numbers the 目录 prints right after an entry's title (one per entry with that title). */
export function tocNumbers(tocText: string, title: string): string[] {
  const entry = '▲' + compact(title);
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
