import type { PrintLayout } from './layout.ts';
import type { TocSection } from '../core/toc.ts';

/** One bookmark of the PDF: a title and the 1-based PDF page it opens. */
export interface OutlineEntry {
  title: string;
  pdfPage: number;
  children: OutlineEntry[];
}

/** The PDF's bookmarks, as the 目录 orders them: each section (at its opener), and under it its articles. */
export function outlineEntries(toc: TocSection[], layout: PrintLayout): OutlineEntry[] {
  const startOf = new Map(layout.articles.map((a) => [a.anchor, a.pdfPage]));
  return toc.map(({ section, articles }) => {
    const children = articles
      .filter((a) => startOf.has(a.anchor))
      .map((a) => ({ title: a.title, pdfPage: startOf.get(a.anchor)!, children: [] }));
    const opener = layout.pages.find((p) => p.kind === 'opener' && p.section === section.id);
    return { title: section.title, pdfPage: opener?.pdfPage ?? children[0]?.pdfPage ?? 1, children };
  });
}
