import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFDict, type PDFRef } from 'pdf-lib';
import type { OutlineEntry } from '../outline.ts';
import { renumberTaggedIds } from '../tagged-ids.ts';
import { LOAD_PDF, SAVE_PDF } from '../pdf-lib-options.ts';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  /** The date: two builds of the same issue carry the same dates. */
  date: Date;
}

/** A print-shop file's geometry, in points: the trim size of publication.yaml, the bleed and the slug around it. */
export interface PrintBoxes {
  trimWidth: number;
  trimHeight: number;
  bleed: number;
  /** Past the bleed, where the crop marks are drawn. */
  slug: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The boxes of one page whose sheet's top left corner is at (x, top): exact to the hundredth of a point, whatever
 * Chromium rounded the sheet to (whole CSS pixels), as Paged.js places the trim `bleed + slug` in from that corner.
 */
export function pageBoxes(boxes: PrintBoxes, x: number, top: number) {
  const box = (grow: number) => {
    const [x0, y1] = [round(x + boxes.slug + boxes.bleed - grow), round(top - boxes.slug - boxes.bleed + grow)];
    const [w, h] = [round(boxes.trimWidth + 2 * grow), round(boxes.trimHeight + 2 * grow)];
    return { x: x0, y: round(y1 - h), width: w, height: h };
  };
  return { media: box(boxes.bleed + boxes.slug), bleed: box(boxes.bleed), trim: box(0) };
}

/**
 * What Chromium leaves out: the document's metadata, bookmarks that follow the 目录, and for a print-shop file the
 * boxes a print shop's preflight reads (pageBoxes).
 */
export async function finishPdf(
  source: Uint8Array | PDFDocument,
  meta: PdfMeta,
  outline: OutlineEntry[],
  boxes?: PrintBoxes,
): Promise<Uint8Array> {
  const doc = source instanceof PDFDocument ? source : await PDFDocument.load(source, LOAD_PDF);
  renumberTaggedIds(doc);
  if (boxes) {
    for (const page of doc.getPages()) {
      const { x, y, height } = page.getMediaBox();
      const { media, bleed, trim } = pageBoxes(boxes, x, y + height);
      page.setMediaBox(media.x, media.y, media.width, media.height);
      page.setCropBox(media.x, media.y, media.width, media.height);
      page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
      page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
      page.node.delete(PDFName.of('ArtBox'));
    }
  }
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('qikan');
  doc.setProducer('qikan (Paged.js, Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  setOutline(doc, outline);
  return doc.save(SAVE_PDF);
}

/** Writes the outline dictionaries of PDF 32000-1 §12.3.3: a linked list of items per level, open. */
function setOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (!entries.length) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const link = (items: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    let count = items.length;
    items.forEach((item, i) => {
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      dict.set(PDFName.of('Dest'), ctx.obj([pages[item.pdfPage - 1]!.ref, 'XYZ', null, null, null]));
      if (item.children.length) {
        const sub = link(item.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), ctx.obj(sub.count));
        count += sub.count;
      }
      ctx.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const root = ctx.nextRef();
  const { first, last, count } = link(entries, root);
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: first, Last: last, Count: count }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
