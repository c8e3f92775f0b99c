import { PDFDocument } from 'pdf-lib';

/** The runs' PDFs, in order, as one document. One run is the document as it is. */
export async function mergeRuns(runs: Uint8Array[]): Promise<Uint8Array> {
  if (runs.length === 1) return runs[0]!;
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const bytes of runs) {
    const run = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of await merged.copyPages(run, run.getPageIndices())) merged.addPage(page);
  }
  return merged.save();
}
