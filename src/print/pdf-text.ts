import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { compact } from './compact-text.ts';

export interface TextItem {
  str: string;
  x: number;
  /** Distance from the page's bottom edge, in PDF points. */
  y: number;
}

export interface PageText {
  /** The page's text with all white space removed: extraction spaces and line breaks differ from the source's. */
  compact: string;
  items: TextItem[];
  height: number;
}

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The text of each page of a PDF, as a reader (or a print shop's preflight) extracts it. */
export async function readPdfText(data: Uint8Array): Promise<PageText[]> {
  const doc = await getDocument({
    data: new Uint8Array(data),
    cMapUrl: path.join(pdfjsDir, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts/'),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: PageText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const items = content.items
      .filter((it): it is typeof it & { str: string; transform: number[] } => 'str' in it)
      .map((it) => ({ str: it.str, x: it.transform[4]!, y: it.transform[5]! }));
    pages.push({ compact: compact(items.map((i) => i.str).join('')), items, height: page.view[3]! });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}
