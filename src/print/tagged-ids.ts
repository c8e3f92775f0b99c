import { PDFArray, PDFDict, PDFHexString, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const NODE_ID = /^node(\d+)$/;
const nodeNumber = (obj: PDFObject | undefined) =>
  obj instanceof PDFString || obj instanceof PDFHexString ? NODE_ID.exec(obj.decodeText())?.[1] : undefined;

/**
 * Chromium names the elements of a tagged PDF's structure tree (`/ID (node00000781)`, table cells' `/Headers`)
 * from a counter of the whole browser, so the same document printed twice gets other names. They are renumbered
 * from 1 in their order, which keeps the structure tree's ID tree sorted: same input, same bytes.
 */
export function renumberTaggedIds(doc: PDFDocument): void {
  const containers: (PDFDict | PDFArray)[] = [];
  const seen = new Set<PDFObject>();
  const walk = (obj: PDFObject | undefined): void => {
    if (!(obj instanceof PDFDict || obj instanceof PDFArray) || seen.has(obj)) return;
    seen.add(obj);
    containers.push(obj);
    for (const value of obj instanceof PDFDict ? obj.values() : obj.asArray()) walk(value);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) walk(obj);
  /** Each string with its place, to put the new one in: a dictionary's key or an array's index. */
  type Place = { value: PDFObject; set: (value: PDFString) => void };
  const entries = containers.flatMap((c): Place[] =>
    c instanceof PDFDict
      ? c.entries().map(([k, value]) => ({ value, set: (v) => c.set(k, v) }))
      : c.asArray().map((value, i) => ({ value, set: (v) => c.set(i, v) })),
  );
  const numbers = [...new Set(entries.map((e) => nodeNumber(e.value)).filter((n) => n !== undefined))];
  numbers.sort((a, b) => Number(a) - Number(b));
  const renamed = new Map(numbers.map((n, i) => [n, PDFString.of(`node${String(i + 1).padStart(8, '0')}`)]));
  for (const { value, set } of entries) {
    const n = nodeNumber(value);
    if (n !== undefined) set(renamed.get(n)!);
  }
}
