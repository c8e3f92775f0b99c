import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument, type PDFObject } from 'pdf-lib';
import { contentStreams, mapOperators, setStreamText, streamText } from './pdf-streams.ts';

export type Rgb = [number, number, number];
export type Cmyk = [number, number, number, number];

const isNumber = (t: string) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t);
/** How close the three components of a neutral colour are: Chromium writes four decimals. */
const NEUTRAL = 0.002;
const neutral = ([r, g, b]: number[]) => Math.abs(r! - g!) <= NEUTRAL && Math.abs(g! - b!) <= NEUTRAL;

/**
 * A colour that the browser wrote as RGB grey (`r r r rg`) as grey (`r g`): Ghostscript converts grey to the K plate
 * alone, where RGB black would come out as a rich black of all four inks, which misregisters on press.
 */
export function grayForNeutral(text: string): string {
  return mapOperators(text, (op, operands) => {
    if ((op !== 'rg' && op !== 'RG') || operands.length !== 3 || !operands.every((t) => isNumber(t.text)))
      return undefined;
    const rgb = operands.map((t) => Number(t.text));
    return neutral(rgb) ? `${operands[1]!.text} ${op === 'rg' ? 'g' : 'G'}` : undefined;
  });
}

/** grayForNeutral over every content stream of the document. */
export function grayForNeutralColours(doc: PDFDocument): void {
  for (const content of contentStreams(doc)) {
    const text = streamText(content.stream);
    if (text === undefined) continue;
    const gray = grayForNeutral(text);
    if (gray !== text) setStreamText(doc, content, gray);
  }
}

/** The exponential (type 2) functions of a shading's function: its own, or those a stitching (type 3) joins. */
function colourFunctions(doc: PDFDocument, fn: PDFObject | undefined): PDFDict[] | undefined {
  const dict = fn && doc.context.lookup(fn);
  if (!(dict instanceof PDFDict)) return undefined;
  const type = String(dict.get(PDFName.of('FunctionType')));
  if (type === '2') return [dict];
  if (type !== '3') return undefined;
  const parts = doc.context.lookup(dict.get(PDFName.of('Functions')));
  if (!(parts instanceof PDFArray)) return undefined;
  const all = parts.asArray().map((p) => colourFunctions(doc, p));
  return all.every(Boolean) ? (all.flat() as PDFDict[]) : undefined;
}

const numbers = (doc: PDFDocument, value: PDFObject | undefined) => {
  const array = value && doc.context.lookup(value);
  return array instanceof PDFArray ? array.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [];
};

/**
 * The RGB gradients the browser draws (axial and radial shadings through exponential functions) made CMYK, each
 * colour as `convert` gives it (Ghostscript through the output profile, so that they match the rest of the page):
 * Ghostscript 10.0 turns an RGB shading into a low-resolution image when it converts a page to CMYK, a CMYK one
 * it keeps as it is. Returns how many shadings were converted and how many could not be (other function types).
 */
export async function cmykShadings(
  doc: PDFDocument,
  convert: (colours: Rgb[]) => Promise<Cmyk[]>,
): Promise<{ converted: number; left: number }> {
  const shadings: { dict: PDFDict; functions: PDFDict[] }[] = [];
  let left = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const shading = object.has(PDFName.of('PatternType'))
      ? doc.context.lookup(object.get(PDFName.of('Shading')))
      : object.has(PDFName.of('ShadingType'))
        ? object
        : undefined;
    if (!(shading instanceof PDFDict) || shading.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue;
    const functions = colourFunctions(doc, shading.get(PDFName.of('Function')));
    if (functions) shadings.push({ dict: shading, functions });
    else left++;
  }
  const key = (c: number[]) => c.join(' ');
  const colours = new Map<string, Rgb>();
  for (const { functions } of shadings)
    for (const f of functions)
      for (const entry of ['C0', 'C1']) {
        const c = numbers(doc, f.get(PDFName.of(entry)));
        if (c.length === 3) colours.set(key(c), c as Rgb);
      }
  const chromatic = [...colours.values()].filter((c) => !neutral(c));
  const converted = new Map(
    (await (chromatic.length ? convert(chromatic) : Promise.resolve([]))).map((cmyk, i) => [key(chromatic[i]!), cmyk]),
  );
  const toCmyk = (c: number[]): number[] => (neutral(c) ? [0, 0, 0, 1 - c[1]!] : converted.get(key(c))!);
  const done = new Set<PDFDict>();
  for (const { dict, functions } of shadings) {
    for (const f of functions.filter((f) => !done.has(f) && done.add(f)))
      for (const entry of ['C0', 'C1']) {
        const c = numbers(doc, f.get(PDFName.of(entry)));
        // C0 and C1 default to black and white (PDF 32000-1 §7.10.3).
        const rgb = c.length === 3 ? c : entry === 'C0' ? [0, 0, 0] : [1, 1, 1];
        f.set(PDFName.of(entry), doc.context.obj(toCmyk(rgb).map((v) => Math.round(v * 10000) / 10000)));
      }
    dict.set(PDFName.of('ColorSpace'), PDFName.of('DeviceCMYK'));
  }
  return { converted: shadings.length, left };
}
