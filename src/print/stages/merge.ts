import { PDFArray, PDFDict, PDFDocument, PDFName, PDFPage, PDFRef, type PDFPageLeaf } from 'pdf-lib';
import { StructTreeMerge } from '../struct-tree.ts';
import { LOAD_PDF } from '../pdf-lib-options.ts';

/**
 * A run's pages: these pages (0-based, all when not given) of a PDF that may hold other runs too, whether a
 * blank page goes before them, and the ids of the elements of the run.
 */
export interface RunPart {
  pdf: Uint8Array;
  pages?: number[];
  blankBefore: boolean;
  ids: Set<string>;
}

/**
 * The runs' pages, in order, as one document, with a blank page (of the size of the page before) where a run
 * starts on the side it asks for. Each PDF's pages are copied in one go, so that the fonts and images its
 * runs share are copied once. Named destinations come along, pointed at the merged pages (see setDestinations),
 * and when every PDF is tagged, so is the merged one: each page keeps its part of the structure tree.
 * One PDF taken whole is the document as it is. The document is handed on unsaved, to be finished and saved once.
 */
export async function mergeRuns(parts: RunPart[], anchors: Map<string, number> = new Map()): Promise<PDFDocument> {
  const only = parts[0]!;
  if (parts.length === 1 && !only.blankBefore && !only.pages) return PDFDocument.load(only.pdf, LOAD_PDF);
  const merged = await PDFDocument.create(LOAD_PDF);
  const sources = new Map<Uint8Array, { doc: PDFDocument; wanted: number[]; ids: Set<string> }>();
  for (const part of parts) {
    let source = sources.get(part.pdf);
    if (!source) {
      source = { doc: await PDFDocument.load(part.pdf, LOAD_PDF), wanted: [], ids: new Set() };
      sources.set(part.pdf, source);
    }
    source.wanted.push(...(part.pages ?? source.doc.getPageIndices()));
    for (const id of part.ids) source.ids.add(id);
  }
  const copies = new Map<Uint8Array, Map<number, PDFPage>>();
  const tree = new StructTreeMerge(merged);
  let tagged = true;
  for (const [pdf, { doc, wanted }] of sources) {
    const copied = tree.copyPages(doc, wanted);
    tagged &&= copied.tagged;
    const pages = copied.refs.map((ref) => PDFPage.of(merged.context.lookup(ref) as PDFPageLeaf, ref, merged));
    copies.set(pdf, new Map(wanted.map((index, i) => [index, pages[i]!])));
  }
  for (const part of parts) {
    if (part.blankBefore) {
      const last = merged.getPages().at(-1)!.getMediaBox();
      merged.addPage([last.width, last.height]);
    }
    const copied = copies.get(part.pdf)!;
    for (const index of part.pages ?? sources.get(part.pdf)!.doc.getPageIndices()) merged.addPage(copied.get(index)!);
  }
  if (tagged) tree.write();
  setDestinations(merged, sources, copies, anchors);
  return merged;
}

/**
 * Chromium names a destination only for an element that a link of the same PDF points to: a run's own links
 * come with theirs; `anchors` (name → 1-based page) gives those that links from other runs point to, such as
 * the 目录's to each article. A run's stand-in for an element printed elsewhere is never taken.
 */
function setDestinations(
  merged: PDFDocument,
  sources: Map<Uint8Array, { doc: PDFDocument; ids: Set<string> }>,
  copies: Map<Uint8Array, Map<number, PDFPage>>,
  anchors: Map<string, number>,
): void {
  const dests = merged.context.obj({}) as PDFDict;
  for (const [pdf, { doc, ids }] of sources) {
    const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
    for (const [key, value] of doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)?.entries() ?? []) {
      const dest = doc.context.lookup(value);
      if (!(dest instanceof PDFArray) || !ids.has(key.decodeText())) continue;
      const target = dest.get(0);
      const index = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined;
      const page = index === undefined ? undefined : copies.get(pdf)!.get(index);
      if (page) dests.set(key, merged.context.obj([page.ref, ...dest.asArray().slice(1)]));
    }
  }
  const pages = merged.getPages();
  for (const [name, pdfPage] of anchors) {
    const key = PDFName.of(name);
    if (!dests.has(key) && pages[pdfPage - 1])
      dests.set(key, merged.context.obj([pages[pdfPage - 1]!.ref, 'XYZ', null, null, null]));
  }
  if (dests.keys().length) merged.catalog.set(PDFName.of('Dests'), merged.context.register(dests));
}
