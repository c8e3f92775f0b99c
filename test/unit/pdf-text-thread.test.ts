import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../src/print/pdf-text.ts';
import { readPdfTextAside } from '../../src/print/pdf-text-thread.ts';

async function twoPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['first page', 'second page']) doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, font });
  return doc.save();
}

describe('readPdfTextAside: the text of a PDF read on a thread of its own', () => {
  it('reads what readPdfText reads, page by page, several PDFs at once', async () => {
    const pdf = await twoPages();
    const [a, b] = await Promise.all([readPdfTextAside(pdf), readPdfTextAside(pdf)]);
    expect(a.map((p) => p.compact)).toEqual(['firstpage', 'secondpage']);
    expect(a).toEqual(await readPdfText(pdf));
    expect(b).toEqual(a);
  });

  it("fails the read of what is no PDF, with pdf.js's reason, and reads the next one", async () => {
    await expect(readPdfTextAside(new TextEncoder().encode('not a PDF'))).rejects.toThrow(/PDF/);
    expect((await readPdfTextAside(await twoPages())).length).toBe(2);
  });
});
