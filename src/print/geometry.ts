import type { Publication } from '../core/schema/publication.ts';

const POINTS_PER: Record<string, number> = { mm: 72 / 25.4, cm: 72 / 2.54, in: 72, pt: 1, px: 0.75 };

/** A length of publication.yaml (e.g. "20mm") in PDF points. */
export function lengthToPt(length: string): number {
  const m = /^(\d+(?:\.\d+)?)(mm|cm|in|pt|px)$/.exec(length);
  if (!m) throw new Error(`not a length: ${length}`);
  return Number(m[1]) * POINTS_PER[m[2]!]!;
}

/**
 * The @page rules for the publication's trim size and margins. Inner margins sit at the binding: on the left of
 * a right-hand page and on the right of a left-hand page. Covers and section openers use the whole page.
 * With `bleed` (print-ready), Paged.js grows each sheet by it and draws crop marks; it reads the bleed only
 * from the same rule as the size.
 */
export function pageRules(page: Publication['page'], bleed?: string): string {
  const { top, bottom, inner, outer } = page.margins;
  const printReady = bleed ? ` bleed: ${bleed}; marks: crop;` : '';
  return [
    `@page { size: ${page.width} ${page.height}; margin: ${top} ${outer} ${bottom} ${inner};${printReady} }`,
    `@page :left { margin-left: ${outer}; margin-right: ${inner}; }`,
    `@page :right { margin-left: ${inner}; margin-right: ${outer}; }`,
    `@page cover { margin: 0; }`,
    `@page opener { margin: 0; }`,
    `:root { --toc-entry-size: ${TOC_ENTRY_PT}pt; --page-width: ${page.width}; --page-height: ${page.height}; --margin-top: ${top}; --margin-bottom: ${bottom}; --margin-inner: ${inner}; --margin-outer: ${outer}; --bleed: ${bleed ?? '0mm'}; }`,
  ].join('\n');
}

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

/** A text's width in ems as CJK type sets it: Han and full-width forms 1em, Latin letters, digits and spaces about ½em (0.55). */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u02ff]/.test(ch) ? 0.55 : 1;
  return ems;
}
