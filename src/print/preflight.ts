import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFString, type PDFDocument } from 'pdf-lib';
import { contentStreams, mapOperators, streamText } from './pdf-streams.ts';
import type { PageText } from './pdf-text.ts';
import { pageBoxes, type PrintBoxes } from './stages/finish.ts';

const run = promisify(execFile);

/** What the preflight reads a print-shop file against. */
export interface PreflightInput {
  doc: PDFDocument;
  bytes: Uint8Array;
  gs: string;
  boxes: PrintBoxes;
  /** 1-based pages whose colour must reach the bleed edge. */
  bleedPages: number[];
  /** For the CMYK file: the print file it was made from, page for page, and the condition its intent must name. */
  cmyk?: { text: PageText[]; from: PageText[]; images: number[]; condition: string };
}

/** One named check of the preflight: the problems it found, none when the file passes. */
type Step = (input: PreflightInput) => string[] | Promise<string[]>;

const near = (a: number, b: number) => Math.abs(a - b) < 0.011;
const boxText = (b: { x: number; y: number; width: number; height: number }) =>
  [b.x, b.y, b.x + b.width, b.y + b.height].map((n) => n.toFixed(2)).join(' ');

/** MediaBox, BleedBox and TrimBox as the publication's geometry has them, the bleed even on all four sides. */
export const boxes: Step = ({ doc, boxes: expected }) =>
  doc.getPages().flatMap((page, i) => {
    const media = page.getMediaBox();
    const want = pageBoxes(expected, media.x, media.y + media.height);
    const found = { media, bleed: page.getBleedBox(), trim: page.getTrimBox() };
    return (['media', 'bleed', 'trim'] as const).flatMap((box) => {
      const [a, b] = [found[box], want[box]];
      return near(a.x, b.x) && near(a.y, b.y) && near(a.width, b.width) && near(a.height, b.height)
        ? []
        : [
            `PDF page ${i + 1}: ${box === 'media' ? 'MediaBox' : box === 'bleed' ? 'BleedBox' : 'TrimBox'} is ${boxText(a)}, not ${boxText(b)}`,
          ];
    });
  });

/** Every font the pages use carries its glyphs. */
export const fontsEmbedded: Step = ({ doc }) => {
  const problems = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    // A Type0 font's glyphs are its descendant's (looked at on its own); a Type3 font's are drawn in the file.
    if (subtype === PDFName.of('Type0') || subtype === PDFName.of('Type3')) continue;
    const descriptor = doc.context.lookup(object.get(PDFName.of('FontDescriptor')));
    const embedded =
      descriptor instanceof PDFDict &&
      ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
    if (!embedded) problems.add(`the font ${String(object.get(PDFName.of('BaseFont')))} is not embedded`);
  }
  return [...problems];
};

/** Pages rendered by Ghostscript (RGB, 8 bits a channel), MediaBox and all. */
export async function renderPages(
  bytes: Uint8Array,
  gs: string,
  pages: number[],
  dpi = 50,
): Promise<{ width: number; height: number; data: Buffer }[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qikan-preflight-'));
  try {
    await fs.writeFile(path.join(dir, 'in.pdf'), bytes);
    await run(gs, [
      '-q',
      '-dBATCH',
      '-dNOPAUSE',
      '-dSAFER',
      '-sDEVICE=ppmraw',
      `-r${dpi}`,
      `-sPageList=${pages.join(',')}`,
      `-sOutputFile=${path.join(dir, 'p-%04d.ppm')}`,
      path.join(dir, 'in.pdf'),
    ]);
    const files = (await fs.readdir(dir)).filter((f) => f.startsWith('p-')).sort();
    return Promise.all(files.map(async (f) => readPpm(await fs.readFile(path.join(dir, f)))));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A binary PPM (P6, 8 bits), its header's comments (Ghostscript writes one) read past. */
export function readPpm(file: Buffer): { width: number; height: number; data: Buffer } {
  const header = /^P6(?:\s+|#[^\n]*\n)+(\d+)(?:\s+|#[^\n]*\n)+(\d+)(?:\s+|#[^\n]*\n)+255\s/.exec(
    file.toString('latin1', 0, 200),
  );
  if (!header) throw new Error('not a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), data: file.subarray(header[0].length) };
}

/** How much of a line of pixels is paper white. */
function whiteShare(image: { width: number; data: Buffer }, points: [number, number][]): number {
  const white = points.filter(([x, y]) => {
    const i = (y * image.width + x) * 3;
    return image.data[i]! >= 245 && image.data[i + 1]! >= 245 && image.data[i + 2]! >= 245;
  }).length;
  return white / points.length;
}

/**
 * Colour to the bleed edge: each page that bleeds, rendered at 50 dpi, is sampled one pixel inside its BleedBox
 * along each side's trim length; more than 2 % of paper white there is a gap a cutter would show.
 */
export const bleedEdges: Step = async ({ bytes, gs, boxes: geometry, bleedPages }) => {
  if (!bleedPages.length) return [];
  const images = await renderPages(bytes, gs, bleedPages);
  const px = (pt: number) => Math.round((pt / 72) * 50);
  return images.flatMap((image, k) => {
    const [slug, bleed] = [px(geometry.slug), px(geometry.bleed)];
    const inner = { left: slug + 1, top: slug + 1, right: image.width - slug - 2, bottom: image.height - slug - 2 };
    const along = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    const xs = along(slug + bleed, image.width - slug - bleed);
    const ys = along(slug + bleed, image.height - slug - bleed);
    const sides: [string, [number, number][]][] = [
      ['top', xs.map((x) => [x, inner.top])],
      ['bottom', xs.map((x) => [x, inner.bottom])],
      ['left', ys.map((y) => [inner.left, y])],
      ['right', ys.map((y) => [inner.right, y])],
    ];
    return sides.flatMap(([side, points]) => {
      const share = whiteShare(image, points);
      return share > 0.02
        ? [
            `PDF page ${bleedPages[k]}: the colour stops short of the bleed edge at the ${side}: ${Math.round(share * 100)} % of it is white`,
          ]
        : [];
    });
  });
};

/** How many images each page draws (its own and its forms'), to tell a page turned into a picture. */
export function pageImageCounts(doc: PDFDocument): number[] {
  const count = (resources: PDFDict | undefined, seen: Set<PDFDict>): number => {
    const xobjects = resources && doc.context.lookup(resources.get(PDFName.of('XObject')));
    if (!(xobjects instanceof PDFDict)) return 0;
    let n = 0;
    for (const [, ref] of xobjects.entries()) {
      const x = doc.context.lookup(ref);
      if (!(x instanceof PDFRawStream) || seen.has(x.dict)) continue;
      seen.add(x.dict);
      const subtype = x.dict.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Image')) n++;
      else if (subtype === PDFName.of('Form'))
        n += count(doc.context.lookup(x.dict.get(PDFName.of('Resources'))) as PDFDict | undefined, seen);
    }
    return n;
  };
  return doc.getPages().map((page) => count(page.node.Resources(), new Set()));
}

/** The CMYK file has the print file's text on every page and no more images: nothing was flattened. */
export const nothingFlattened: Step = ({ doc, cmyk }) => {
  if (!cmyk) return [];
  const images = pageImageCounts(doc);
  return cmyk.from.flatMap((page, i) => {
    const problems: string[] = [];
    const text = cmyk.text[i]?.compact ?? '';
    if (text !== page.compact) {
      const at = [...page.compact].findIndex((c, k) => [...text][k] !== c);
      problems.push(
        `PDF page ${i + 1}: the text is not the print file's: "${page.compact.slice(Math.max(0, at), at + 16)}" became "${text.slice(Math.max(0, at), at + 16)}"`,
      );
    }
    if ((images[i] ?? 0) > (cmyk.images[i] ?? 0))
      problems.push(
        `PDF page ${i + 1}: ${images[i]} images where the print file has ${cmyk.images[i]}: art was made an image`,
      );
    return problems;
  });
};

/**
 * Text and rules in black on the K plate alone: a rich black (K of 50 % or more with all of C, M and Y at 20 % or
 * more, nearly equal) misregisters in small type. Registration black (100 % of each, for marks) is meant to.
 * And no colour left in RGB.
 */
export const blackOnK: Step = ({ doc, cmyk }) => {
  if (!cmyk) return [];
  const problems = new Set<string>();
  for (const { stream } of contentStreams(doc)) {
    mapOperators(streamText(stream) ?? '', (op, operands) => {
      const v = operands.map((t) => Number(t.text));
      if ((op === 'k' || op === 'K') && v.length === 4) {
        const [c, m, y, k] = v as [number, number, number, number];
        const registration = c === 1 && m === 1 && y === 1 && k === 1;
        const cmy = [c, m, y];
        if (!registration && k >= 0.5 && cmy.every((x) => x >= 0.2) && Math.max(...cmy) - Math.min(...cmy) < 0.15)
          problems.add(
            `a rich black is drawn (${v.map((x) => Math.round(x * 100)).join(' ')} CMYK): black should be K only`,
          );
      }
      if (op === 'rg' || op === 'RG')
        problems.add(`a colour is left in RGB (${operands.map((t) => t.text).join(' ')} ${op})`);
      return undefined;
    });
  }
  return [...problems];
};

/** The PDF/X output intent: the printing condition named, its CMYK profile embedded. */
export const outputIntent: Step = ({ doc, cmyk }) => {
  if (!cmyk) return [];
  const intents = doc.context.lookup(doc.catalog.get(PDFName.of('OutputIntents')));
  const intent = intents instanceof PDFArray ? doc.context.lookup(intents.get(0)) : undefined;
  if (!(intent instanceof PDFDict)) return ['no output intent: a PDF/X file names the printing condition it is for'];
  const problems: string[] = [];
  const condition = intent.get(PDFName.of('OutputConditionIdentifier'));
  const named = condition instanceof PDFString ? condition.decodeText() : String(condition);
  if (named !== cmyk.condition) problems.push(`the output intent names "${named}", not "${cmyk.condition}"`);
  const profile = doc.context.lookup(intent.get(PDFName.of('DestOutputProfile')));
  if (!(profile instanceof PDFRawStream) || String(profile.dict.get(PDFName.of('N'))) !== '4')
    problems.push('the output intent has no CMYK profile embedded');
  return problems;
};

/** The steps in the order they run; each names what it checks, as the build reports it. */
export const PREFLIGHT = { boxes, fontsEmbedded, bleedEdges, nothingFlattened, blackOnK, outputIntent };

/** Every step's problems: none when the print shop would take the file. */
export async function preflight(input: PreflightInput): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, step] of Object.entries(PREFLIGHT))
    problems.push(...(await step(input)).map((p) => `preflight (${name}): ${p}`));
  return problems;
}
