import type { Publication } from '../core/schema/publication.ts';

const POINTS_PER: Record<string, number> = { mm: 72 / 25.4, cm: 72 / 2.54, in: 72, pt: 1, px: 0.75 };

/** A length of publication.yaml (e.g. "20mm") in PDF points. */
export function lengthToPt(length: string): number {
  const m = /^(\d+(?:\.\d+)?)(mm|cm|in|pt|px)$/.exec(length);
  if (!m) throw new Error(`not a length: ${length}`);
  return Number(m[1]) * POINTS_PER[m[2]!]!;
}

/** The type area (the page inside its margins), in millimetres. */
export function typeAreaMm(page: Publication['page']): { width: number; height: number } {
  const mm = (length: string) => (lengthToPt(length) * 25.4) / 72;
  const { top, bottom, inner, outer } = page.margins;
  return { width: mm(page.width) - mm(inner) - mm(outer), height: mm(page.height) - mm(top) - mm(bottom) };
}

/** A text's width in ems as CJK type sets it: Han and full-width forms 1em, Latin letters, digits and spaces about ½em (0.55). */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u02ff]/.test(ch) ? 0.55 : 1;
  return ems;
}
