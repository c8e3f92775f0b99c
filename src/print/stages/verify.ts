import type { Issue } from '../../core/model.ts';
import type { Publication } from '../../core/schema/publication.ts';
import { DATA_SOURCE, FIGURE_CAPTION } from '../../core/markdown/patterns.ts';
import { compact } from '../compact-text.ts';
import { lengthToPt } from '../geometry.ts';
import type { PrintLayout } from '../layout.ts';
import type { PageText } from '../pdf-text.ts';

/** What the verify stage reads: the finished PDF's text per page beside what the issue should be. */
export interface VerifyInput {
  publication: Publication;
  issue: Issue;
  layout: PrintLayout;
  pages: PageText[];
  /** Every article's text blocks from the print document before pagination, by anchor (source-text.ts). */
  blocks: Map<string, string[]>;
  /** And from its Markdown source, by anchor (source-blocks.ts): what the HTML may already have lost. */
  sourceBlocks: Map<string, string[]>;
  /** In points: how far the trim sits inside the page (print-ready PDFs). */
  bleed: number;
}

/** The PDF pages an article's text is on, first to last (1-based), by anchor: each kind says how it places text. */
export type ArticleRanges = Map<string, { first: number; last: number }>;

/**
 * The last stage: a PDF that fails is not written. The kind checks what its layout promises (heads, folios, the
 * 目录); every kind's text must all be there.
 */
export function verifyPdf(
  input: VerifyInput,
  kind: {
    verifyPdf(input: VerifyInput): string[];
    articleRanges(layout: PrintLayout, pageCount: number): ArticleRanges;
    jumps: boolean;
  },
): string[] {
  const ranges = kind.articleRanges(input.layout, input.pages.length);
  const lost = (blocks: Map<string, string[]>) =>
    lostText(input.publication, input.issue, ranges, input.pages, blocks, input.bleed, kind.jumps);
  return [...new Set([...kind.verifyPdf(input), ...lost(input.blocks), ...lost(input.sourceBlocks)])];
}

/**
 * A block found in two parts, in order, with other text between them: a paragraph a newspaper story jumps in the
 * middle of (its first part ends one page, the rest follows its continuation's head on a later one). Returns where
 * its second part ends, or undefined.
 */
export function splitAt(text: string, block: string, from: number): number | undefined {
  // The longest start of the block found from `from` on: a longer start is found only where a shorter one is.
  let [low, high] = [0, block.length - 1];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (text.indexOf(block.slice(0, mid), from) >= 0) low = mid;
    else high = mid - 1;
  }
  if (low < 2) return undefined;
  const first = text.indexOf(block.slice(0, low), from);
  const rest = text.indexOf(block.slice(low), first + low);
  return rest >= 0 ? rest + block.length - low : undefined;
}

/** The PDF has as many pages as the pagination made. */
export function pageCountProblems(layout: PrintLayout, pages: PageText[]): string[] {
  return pages.length === layout.pages.length
    ? []
    : [`the PDF has ${pages.length} pages, the pagination made ${layout.pages.length}`];
}

/** What the pagination found on each page: an empty page nobody asked for, overflow, the layout's faults. */
export function pageProblems(layout: PrintLayout): string[] {
  return layout.pages.flatMap((p) => [
    ...(p.kind === 'empty' ? [`PDF page ${p.pdfPage} is empty: nothing asked for a blank page there`] : []),
    ...(p.overflow ? [`PDF page ${p.pdfPage}: content runs past the page's content area`] : []),
    ...p.faults.map((fault) => `PDF page ${p.pdfPage}: ${fault}`),
  ]);
}

/**
 * Paged.js can drop content at page breaks, in tables and around floats without a word. Every block of every
 * article (from the print document before pagination) must be found, in order, in the PDF's text of the
 * article's pages, read inside the margins so that running heads and folios do not break a paragraph that runs
 * over a page. A figure's caption and its 资料来源 note are found anywhere in the article: a figure that did not fit
 * where it stands floats below the text after it (handlers.ts).
 */
export function lostText(
  publication: Publication,
  issue: Issue,
  ranges: ArticleRanges,
  pages: PageText[],
  blocks: Map<string, string[]>,
  bleed = 0,
  jumps = false,
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
  const problems: string[] = [];
  for (const [anchor, { first, last }] of ranges) {
    const article = issue.articles.find((a) => a.anchor === anchor);
    const texts = body.slice(first - 1, last);
    const text = texts.join('');
    const pageAt = (offset: number) => {
      let end = 0;
      // The page where the text found last ends: the lost block belongs right after it.
      for (const [i, t] of texts.entries()) if ((end += t.length) >= offset) return first + i;
      return last;
    };
    let cursor = 0;
    for (const block of blocks.get(anchor) ?? []) {
      const floats = FIGURE_CAPTION.test(block) || DATA_SOURCE.test(block);
      // In reading order: a short cell such as 投资 must not be found in a sentence elsewhere.
      const at = text.indexOf(block, floats ? 0 : cursor);
      const split = at < 0 && !floats && jumps ? splitAt(text, block, cursor) : undefined;
      if (at >= 0) cursor = floats ? cursor : at + block.length;
      else if (split !== undefined) cursor = split;
      else {
        const shown = block.length > 40 ? block.slice(0, 40) + '…' : block;
        problems.push(`${article?.file ?? anchor}: text lost on PDF page ${pageAt(cursor)}: "${shown}"`);
      }
    }
  }
  return problems;
}
