import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { Page } from 'playwright-core';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  /** The date: two builds of the same issue carry the same dates. */
  date: Date;
}

/** Prints the paginated document (page size from its @page rules) and sets what Chromium leaves out. */
export async function renderPdf(page: Page, meta: PdfMeta): Promise<Uint8Array> {
  const raw = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  return setMetadata(raw, meta);
}

export async function setMetadata(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('qikan');
  doc.setProducer('qikan (Paged.js, Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  return doc.save();
}
