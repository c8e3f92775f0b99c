import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cmykShadings, grayForNeutral } from '../../src/print/cmyk-colours.ts';
import { resolveCmykTarget } from '../../src/print/cmyk.ts';
import { contentStreams, mapOperators, setStreamText, streamText } from '../../src/print/pdf-streams.ts';
import {
  blackOnK,
  boxes,
  fontsEmbedded,
  outputIntent,
  readPpm,
  type PreflightInput,
} from '../../src/print/preflight.ts';
import { pageBoxes, type PrintBoxes } from '../../src/print/stages/finish.ts';
import { tmpDir } from '../helpers/build.ts';

const mm = 72 / 25.4;
const A5: PrintBoxes = { trimWidth: 148 * mm, trimHeight: 210 * mm, bleed: 3 * mm, slug: 8 * mm };

describe('mapOperators', () => {
  it('hands each operator its operands and puts back what it returns', () => {
    const out = mapOperators('q 1 0 0 1 5 5 cm 0.2 0.4 0.6 rg 0 0 10 10 re f Q', (op, operands) =>
      op === 'rg' ? `[${operands.map((t) => t.text).join(',')}]` : undefined,
    );
    expect(out).toBe('q 1 0 0 1 5 5 cm [0.2,0.4,0.6] 0 0 10 10 re f Q');
  });

  it('reads past strings, hex strings, comments and inline image data', () => {
    const seen: string[] = [];
    mapOperators('(a (nested) \\) 0 0 0 rg) Tj <0 0 0 rg> Tj % 1 1 1 rg\nBI /W 1 ID \x000 0 0 rg\x01 EI 0 g', (op) => {
      seen.push(op);
      return undefined;
    });
    expect(seen).toEqual(['Tj', 'Tj', 'BI', 'g']);
  });
});

describe('grayForNeutral', () => {
  it.each([
    ['0 0 0 rg', '0 g'],
    ['.102 .102 .102 RG', '.102 G'],
    ['0.5 0.501 0.5 rg', '0.501 g'],
    ['0.2 0.3 0.2 rg', '0.2 0.3 0.2 rg'],
    ['/P0 scn 0 0 0 rg (0 0 0 rg) Tj', '/P0 scn 0 g (0 0 0 rg) Tj'],
    ['1 0 0 0 k', '1 0 0 0 k'],
  ])('%s → %s', (input, output) => expect(grayForNeutral(input)).toBe(output));
});

describe('content streams', () => {
  it('finds the pages’ streams and their forms’, and writes one back compressed', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([100, 100]);
    const form = doc.context.register(
      doc.context.flateStream('0 0 0 rg 0 0 5 5 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 5, 5] }),
    );
    page.node.setXObject(PDFName.of('X0'), form);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream('/X0 Do 1 1 1 rg')));
    const streams = contentStreams(doc);
    expect(streams.map((s) => streamText(s.stream))).toEqual(['/X0 Do 1 1 1 rg', '0 0 0 rg 0 0 5 5 re f']);
    setStreamText(doc, streams[1]!, '0 g 0 0 5 5 re f');
    expect(streamText(contentStreams(doc)[1]!.stream)).toBe('0 g 0 0 5 5 re f');
  });
});

describe('cmykShadings', () => {
  it('makes an RGB gradient CMYK through the converter, neutral stops K only', async () => {
    const doc = await PDFDocument.create();
    const fn = (c0: number[], c1: number[]) => ({ FunctionType: 2, Domain: [0, 1], C0: c0, C1: c1, N: 1 });
    const shading = doc.context.obj({
      ShadingType: 2,
      ColorSpace: 'DeviceRGB',
      Coords: [0, 0, 1, 1],
      Function: {
        FunctionType: 3,
        Domain: [0, 1],
        Bounds: [0.5],
        Encode: [0, 1, 0, 1],
        Functions: [fn([1, 0, 0], [0.2, 0.2, 0.2]), fn([0.2, 0.2, 0.2], [0, 0, 1])],
      },
    });
    doc.context.register(doc.context.obj({ PatternType: 2, Shading: shading }));
    const asked: number[][] = [];
    const result = await cmykShadings(doc, async (colours) => {
      asked.push(...colours);
      return colours.map(([r]) => [0, r!, 0, 0]);
    });
    expect(result).toEqual({ converted: 1, left: 0 });
    expect(asked).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(String(shading.get(PDFName.of('ColorSpace')))).toBe('/DeviceCMYK');
    expect(shading.toString()).toMatch(/\/C0 \[ 0 1 0 0 \][\s\S]*\/C1 \[ 0 0 0 0\.8 \]/);
  });
});

describe('pageBoxes', () => {
  it('places trim, bleed and media from the sheet’s top left corner, to the hundredth of a point', () => {
    const { media, bleed, trim } = pageBoxes(A5, 0, 658.08);
    expect(trim).toEqual({ x: 31.18, y: 31.62, width: 419.53, height: 595.28 });
    expect(bleed).toEqual({ x: 22.68, y: 23.12, width: 436.54, height: 612.28 });
    expect(media).toEqual({ x: 0, y: 0.44, width: 481.89, height: 657.64 });
  });
});

/** A one-page document drawn with `ops`, its boxes as pageBoxes has them unless `skew` moves the TrimBox. */
async function onePage(ops: string, skew = 0) {
  const doc = await PDFDocument.create();
  const { media, bleed, trim } = pageBoxes(A5, 0, 658.2);
  const page = doc.addPage([media.width, media.height]);
  page.setMediaBox(media.x, media.y, media.width, media.height);
  page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
  page.setTrimBox(trim.x + skew, trim.y, trim.width, trim.height);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(ops)));
  const input: PreflightInput = {
    doc,
    bytes: new Uint8Array(),
    gs: 'gs',
    boxes: A5,
    bleedPages: [],
    cmyk: { text: [], from: [], images: [], condition: 'FOGRA39' },
  };
  return input;
}

describe('preflight steps', () => {
  it('boxes: passes exact boxes, names the box that is off', async () => {
    expect(boxes(await onePage(''))).toEqual([]);
    expect(boxes(await onePage('', 0.3))).toEqual([
      'PDF page 1: TrimBox is 31.48 31.74 451.01 627.02, not 31.18 31.74 450.71 627.02',
    ]);
  });

  it('blackOnK: K only and registration black pass; rich black and RGB do not', async () => {
    expect(blackOnK(await onePage('0 0 0 1 k 0.5 0.2 0 0 k 1 1 1 1 K 0.5 g'))).toEqual([]);
    expect(blackOnK(await onePage('0.7 0.67 0.66 0.78 k 0.1 0.2 0.3 rg'))).toEqual([
      'a rich black is drawn (70 67 66 78 CMYK): black should be K only',
      'a colour is left in RGB (0.1 0.2 0.3 rg)',
    ]);
  });

  it('fontsEmbedded: a standard font referred to by name is not embedded', async () => {
    const input = await onePage('');
    expect(fontsEmbedded(input)).toEqual([]);
    await input.doc.embedFont(StandardFonts.Helvetica);
    await input.doc.flush();
    expect(fontsEmbedded(input)).toEqual(['the font /Helvetica is not embedded']);
  });

  it('outputIntent: wants the condition of publication.yaml with a CMYK profile', async () => {
    const input = await onePage('');
    expect(outputIntent(input)).toEqual(['no output intent: a PDF/X file names the printing condition it is for']);
    const profile = input.doc.context.register(input.doc.context.flateStream('icc', { N: 4 }));
    const intent = input.doc.context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFX',
      OutputConditionIdentifier: PDFString.of('JC200103'),
      DestOutputProfile: profile,
    });
    input.doc.catalog.set(PDFName.of('OutputIntents'), input.doc.context.obj([intent]));
    expect(outputIntent(input)).toEqual(['the output intent names "JC200103", not "FOGRA39"']);
  });

  it('readPpm reads past the comment Ghostscript writes in the header', () => {
    const image = readPpm(
      Buffer.concat([
        Buffer.from('P6\n# Image generated by GPL Ghostscript\n2 1\n255\n'),
        Buffer.from([1, 2, 3, 4, 5, 6]),
      ]),
    );
    expect(image).toMatchObject({ width: 2, height: 1 });
    expect([...image.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('resolveCmykTarget', () => {
  const target = { profile: '', condition: 'X', info: 'Y', registry: '' };
  it('resolves a CMYK profile from the publication folder', async () => {
    const dir = path.join(tmpDir, 'icc-root');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync('/usr/share/color/icc/ghostscript/default_cmyk.icc', path.join(dir, 'press.icc'));
    expect(await resolveCmykTarget(dir, { ...target, profile: 'press.icc' })).toEqual({
      ...target,
      profile: path.join(dir, 'press.icc'),
    });
    expect(
      await resolveCmykTarget(dir, { ...target, profile: '/usr/share/color/icc/ghostscript/default_gray.icc' }),
    ).toMatch(/an ICC profile of GRAY, not CMYK/);
  });
});
