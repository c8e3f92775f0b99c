import type { Publication } from '../../core/schema/publication.ts';
import { lengthToPt } from '../../print/geometry.ts';

/**
 * The @page rules for the publication's trim size and margins. Inner margins sit at the binding: on the left of
 * a right-hand page and on the right of a left-hand page. Covers and section openers use the whole page.
 * With `print` (a print-shop file), Paged.js grows each sheet by the bleed and the slug around it and draws crop
 * marks in the slug; it reads the bleed only from the same rule as the size. `--bleed` is the bleed alone: how far
 * full-page colour reaches past the trim.
 */
export function pageRules(page: Publication['page'], print?: Publication['print']): string {
  const { top, bottom, inner, outer } = page.margins;
  const sheetBleed = print ? `${(lengthToPt(print.bleed) + lengthToPt(print.slug)).toFixed(3)}pt` : '';
  const printReady = print ? ` bleed: ${sheetBleed}; marks: crop;` : '';
  return [
    `@page { size: ${page.width} ${page.height}; margin: ${top} ${outer} ${bottom} ${inner};${printReady} }`,
    `@page :left { margin-left: ${outer}; margin-right: ${inner}; }`,
    `@page :right { margin-left: ${inner}; margin-right: ${outer}; }`,
    `@page cover { margin: 0; }`,
    `@page opener { margin: 0; }`,
    `:root { --toc-entry-size: ${TOC_ENTRY_PT}pt; --page-width: ${page.width}; --page-height: ${page.height}; --margin-top: ${top}; --margin-bottom: ${bottom}; --margin-inner: ${inner}; --margin-outer: ${outer}; --bleed: ${print?.bleed ?? '0mm'}; }`,
  ].join('\n');
}

/** The 责任者 a 目录 entry names after its title (GB/T 13417): the article's authors, when it has any. */
export function tocAuthors(article: { authors?: string[] }): string {
  return article.authors?.join('、') ?? '';
}

/** What each 目录 entry starts with: the print CSS sets it before the title, the PDF check reads it back. */
export const TOC_ENTRY_MARK = '▲';

/** The 目录 entry's type size: the print CSS reads it (--toc-entry-size), the title-length check measures with it. */
export const TOC_ENTRY_PT = 10;

/**
 * How many ems of title fit on one 目录 line: the type area's width less the ▲ before the title (1em), the
 * leader's minimum with its margins (9mm) and the page number (2.2em), as the print CSS lays the entry out.
 */
export function tocTitleEms(page: Publication['page']): number {
  const width = lengthToPt(page.width) - lengthToPt(page.margins.inner) - lengthToPt(page.margins.outer);
  return (width - lengthToPt('9mm')) / TOC_ENTRY_PT - 1 - 2.2;
}
