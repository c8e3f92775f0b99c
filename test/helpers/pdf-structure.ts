import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Bookmark {
  title: string;
  pdfPage: number;
  children: Bookmark[];
}

/** The PDF's outline as a reader shows it. */
export async function readOutline(data: Uint8Array): Promise<Bookmark[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const walk = async (items: { title: string; dest: unknown; items: unknown[] }[] | null): Promise<Bookmark[]> =>
    Promise.all(
      (items ?? []).map(async (i) => ({
        title: i.title,
        pdfPage: (await doc.getPageIndex((i.dest as [{ num: number; gen: number }])[0])) + 1,
        children: await walk(i.items as typeof items),
      })),
    );
  const outline = await walk((await doc.getOutline()) as never);
  await doc.destroy();
  return outline;
}

export interface FontInfo {
  name: string;
  subtype: string;
  embedded: boolean;
}

/** Every font dictionary in the PDF, with whether its glyphs are embedded (as pdffonts reports it). */
export async function readFonts(data: Uint8Array): Promise<FontInfo[]> {
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  const ctx = doc.context;
  const get = (d: PDFDict, key: string) => {
    const v = d.get(PDFName.of(key));
    return v instanceof PDFRef ? ctx.lookup(v) : v;
  };
  const embedded = (font: PDFDict): boolean => {
    const descendants = get(font, 'DescendantFonts') as { asArray?: () => unknown[] } | undefined;
    if (descendants?.asArray) return descendants.asArray().every((d) => embedded(ctx.lookup(d as PDFRef) as PDFDict));
    const descriptor = get(font, 'FontDescriptor') as PDFDict | undefined;
    return !!descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
  };
  const fonts: FontInfo[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || get(obj, 'Type')?.toString() !== '/Font') continue;
    const subtype = get(obj, 'Subtype')!.toString().slice(1);
    if (subtype === 'CIDFontType2' || subtype === 'CIDFontType0') continue; // counted with their Type0 parent
    fonts.push({ name: String(get(obj, 'BaseFont') ?? ''), subtype, embedded: subtype === 'Type3' || embedded(obj) });
  }
  return fonts;
}
