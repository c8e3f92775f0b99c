import type { Publication } from '../../core/schema/publication.ts';
import { lengthToPt } from '../../print/geometry.ts';

/**
 * A newspaper's @page rule: every page the same trim size and margins (no inner and outer: a newspaper is not
 * bound), and the sizes the print CSS composes pages with. With `print` (a print-shop file), the bleed and slug
 * around the sheet and crop marks in the slug (print-base.css).
 */
export function pageRules(publication: Publication, print?: Publication['print']): string {
  const { page } = publication;
  const { top, bottom, inner, outer } = page.margins;
  const paper = publication.newspaper!;
  const sheet = print ? ` bleed: ${(lengthToPt(print.bleed) + lengthToPt(print.slug)).toFixed(3)}pt; marks: crop;` : '';
  return [
    `@page { size: ${page.width} ${page.height}; margin: ${top} ${outer} ${bottom} ${inner};${sheet} }`,
    `:root { --page-width: ${page.width}; --page-height: ${page.height}; --margin-top: ${top}; --margin-bottom: ${bottom}; ` +
      `--margin-inner: ${inner}; --margin-outer: ${outer}; --grid-columns: ${paper.columns}; --gutter: ${paper.gutter}; --bleed: ${print?.bleed ?? '0mm'}; }`,
  ].join('\n');
}
