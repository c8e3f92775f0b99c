import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../src/print/pdf-text.ts';
import { renderPages } from '../../src/print/preflight.ts';
import { build, projectDir, qikan, tmpDir, type Built } from '../helpers/build.ts';

// The mini fixture's geometry (publication.yaml): A5 trim, 3 mm bleed, the default 8 mm slug.
const mm = 72 / 25.4;
const TRIM = { width: 148 * mm, height: 210 * mm };
const BLEED = 3 * mm;
const SLUG = 8 * mm;
const fixture = path.join(projectDir, 'test/fixtures/mini');
/** The pages that fill their page edge to edge: the cover, the two openers, the back cover. */
const BLEED_PAGES = [1, 3, 7, 18];

let root: string;
let built: Built;
const file = (which: string) => fs.readFileSync(path.join(built.out, 'pdf', `2025-01${which}.pdf`));
const load = (bytes: Buffer) => PDFDocument.load(bytes, { updateMetadata: false });

beforeAll(() => {
  // A copy with its own cache: the first build is cold.
  root = path.join(tmpDir, 'print-shop-root');
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync(fixture, root, { recursive: true, filter: (f) => !f.includes('.qikan') });
  built = build(root, 'print-shop', ['--cmyk']);
});

describe('qikan build --cmyk: the print shop files', () => {
  it('writes them beside the readers’ PDF, which the site keeps linking, and says what each is', () => {
    const entry = built.manifest.issues[0]!;
    expect(entry.pdf).toBe('pdf/2025-01.pdf');
    expect(entry.printShop).toEqual({
      pdf: 'pdf/2025-01.print.pdf',
      bytes: file('.print').byteLength,
      cmyk: { pdf: 'pdf/2025-01.cmyk.pdf', bytes: file('.cmyk').byteLength },
    });
    expect(fs.readdirSync(path.join(built.out, 'pdf')).sort()).toEqual([
      '2025-01.cmyk.pdf',
      '2025-01.pdf',
      '2025-01.print.pdf',
    ]);
    const issuePage = built.html('2025-01');
    expect(issuePage).toContain('/pdf/2025-01.pdf');
    expect(issuePage).not.toContain('.print.pdf');
    expect(built.stdout).toMatch(/^pdf: 2025-01: 18 pages, .* → pdf\/2025-01\.pdf$/m);
    expect(built.stdout).toMatch(
      /^print: 2025-01: 18 pages, print-ready \(bleed 3mm, crop marks in the 8mm around it\), preflight passed, .* in [\d.]+ s → pdf\/2025-01\.print\.pdf$/m,
    );
    expect(built.stdout).toMatch(
      /^print: 2025-01: 18 pages, CMYK PDF\/X-3 for CGATS TR 001, black on K only, preflight passed, .* → pdf\/2025-01\.cmyk\.pdf$/m,
    );
  });

  it('has the same pages and 目录 numbers as the readers’ PDF', async () => {
    const [screen, print] = await Promise.all([readPdfText(file('')), readPdfText(file('.print'))]);
    expect(print.map((p) => p.compact)).toEqual(screen.map((p) => p.compact));
  });

  it('sets the boxes exactly, the bleed and the slug even on all four sides of every page, in both files', async () => {
    for (const which of ['.print', '.cmyk']) {
      for (const page of (await load(file(which))).getPages()) {
        const [media, bleed, trim] = [page.getMediaBox(), page.getBleedBox(), page.getTrimBox()];
        expect(trim.width).toBeCloseTo(TRIM.width, 2);
        expect(trim.height).toBeCloseTo(TRIM.height, 2);
        for (const [outer, inner, by] of [
          [media, trim, BLEED + SLUG],
          [bleed, trim, BLEED],
        ] as const) {
          expect(inner.x - outer.x).toBeCloseTo(by, 1);
          expect(inner.y - outer.y).toBeCloseTo(by, 1);
          expect(outer.x + outer.width - (inner.x + inner.width)).toBeCloseTo(by, 1);
          expect(outer.y + outer.height - (inner.y + inner.height)).toBeCloseTo(by, 1);
        }
      }
    }
  });

  it('takes the colour of the cover, the openers and the back cover to the bleed edge, and leaves the slug white', async () => {
    for (const which of ['.print', '.cmyk']) {
      const pages = await renderPages(file(which), 'gs', BLEED_PAGES, 50);
      for (const [k, image] of pages.entries()) {
        const px = (pt: number) => Math.round((pt / 72) * 50);
        const at = (x: number, y: number) => [
          ...image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3),
        ];
        const dark = (x: number, y: number) => Math.max(...at(x, y)) < 200;
        const [edge, inset] = [px(SLUG) + 1, px(SLUG + BLEED)];
        const middle = { x: Math.round(image.width / 2), y: Math.round(image.height / 2) };
        const where = `${which} PDF page ${BLEED_PAGES[k]}`;
        // One pixel inside the bleed edge on each side, at the middle and near both ends of the trim's length.
        for (const x of [inset + 2, middle.x, image.width - inset - 3]) {
          expect(dark(x, edge), `${where} top at x ${x}`).toBe(true);
          expect(dark(x, image.height - 1 - edge), `${where} bottom at x ${x}`).toBe(true);
        }
        for (const y of [inset + 2, middle.y, image.height - inset - 3]) {
          expect(dark(edge, y), `${where} left at y ${y}`).toBe(true);
          expect(dark(image.width - 1 - edge, y), `${where} right at y ${y}`).toBe(true);
        }
        // The slug, away from the crop marks: paper.
        expect(at(middle.x, 2), where).toEqual([255, 255, 255]);
        expect(at(2, middle.y), where).toEqual([255, 255, 255]);
      }
    }
  });

  it('prints black text on the K plate alone: a separation render finds no rich black', () => {
    // Page 9 is a page of running text. bitcmyk at 8 bits: four bytes a pixel, no header.
    const dpi = 100;
    const raster = execFileSync(
      'gs',
      [
        '-q',
        '-dBATCH',
        '-dNOPAUSE',
        '-sDEVICE=bitcmyk',
        '-dGrayValues=256',
        `-r${dpi}`,
        '-sPageList=9',
        '-sOutputFile=-',
        path.join(built.out, 'pdf/2025-01.cmyk.pdf'),
      ],
      { maxBuffer: 64 << 20 },
    );
    let kOnly = 0;
    let rich = 0;
    for (let i = 0; i < raster.length; i += 4) {
      const [c, m, y, k] = [raster[i]!, raster[i + 1]!, raster[i + 2]!, raster[i + 3]!];
      if (k < 128) continue;
      if (c < 13 && m < 13 && y < 13) kOnly++;
      else if (c > 50 && m > 50 && y > 50) rich++;
    }
    expect(kOnly).toBeGreaterThan(10000);
    expect(rich).toBe(0);
  });

  it('keeps every page’s text as text in the CMYK file, the openers’ too, and adds no image', async () => {
    const [print, cmyk] = await Promise.all([readPdfText(file('.print')), readPdfText(file('.cmyk'))]);
    expect(cmyk.map((p) => p.compact)).toEqual(print.map((p) => p.compact));
    expect(cmyk[2]!.compact).toContain('新闻NEWS');
    expect(cmyk[6]!.compact).toContain('观点');
    const text = file('.cmyk').toString('latin1');
    expect(text.match(/\/Subtype\s*\/Image/g)?.length).toBe(
      file('.print')
        .toString('latin1')
        .match(/\/Subtype\s*\/Image/g)?.length,
    );
  });

  it('is PDF/X-3 for a registered condition, its CMYK profile embedded, no RGB left, every font embedded', async () => {
    const bytes = file('.cmyk');
    const pdf = await load(bytes);
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info) as PDFDict;
    expect(String(info.get(PDFName.of('GTS_PDFXVersion')))).toBe('(PDF/X-3:2002)');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2025-01-15T00:00:00.000Z');
    const intent = pdf.context.lookup((pdf.catalog.lookup(PDFName.of('OutputIntents')) as PDFArray).get(0)) as PDFDict;
    expect((intent.get(PDFName.of('OutputConditionIdentifier')) as PDFString).decodeText()).toBe('CGATS TR 001');
    expect((intent.get(PDFName.of('RegistryName')) as PDFString).decodeText()).toBe('http://www.color.org');
    const profile = pdf.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as PDFRawStream;
    expect(String(profile.dict.get(PDFName.of('N')))).toBe('4');
    expect(bytes.toString('latin1')).not.toMatch(/\/DeviceRGB/);
    const fonts = execFileSync('pdffonts', [path.join(built.out, 'pdf/2025-01.cmyk.pdf')], { encoding: 'utf8' });
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(2);
    // pdffonts' "emb" column: yes for each.
    for (const row of rows) expect(row, row).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it('reuses both files from the cache when nothing changed, byte for byte', () => {
    const [print, cmyk] = [file('.print'), file('.cmyk')];
    const again = build(root, 'print-shop', ['--cmyk']);
    expect(again.stdout).toMatch(
      /^print: 2025-01: .*print-ready.*reused from the cache in [\d.]+ s → pdf\/2025-01\.print\.pdf$/m,
    );
    expect(again.stdout).toMatch(
      /^print: 2025-01: .*CMYK.*reused from the cache in [\d.]+ s → pdf\/2025-01\.cmyk\.pdf$/m,
    );
    expect(file('.print').equals(print)).toBe(true);
    expect(file('.cmyk').equals(cmyk)).toBe(true);
  });
});

describe('qikan build --cmyk when the preflight fails', () => {
  it('refuses the CMYK file, keeps the print file and a copy to look at, and says so', () => {
    // Ghostscript's new PDF interpreter, which loses the text of some of Chromium's glyphs: the text check fails.
    const gs = path.join(tmpDir, 'gs-new-interpreter');
    fs.writeFileSync(
      gs,
      '#!/bin/sh\nfor a; do shift; [ "$a" = -dNEWPDF=false ] || set -- "$@" "$a"; done\nexec gs "$@"\n',
      {
        mode: 0o755,
      },
    );
    const copy = path.join(tmpDir, 'print-shop-refused-root');
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(fixture, copy, { recursive: true, filter: (f) => !f.includes('.qikan') });
    const out = path.join(tmpDir, 'print-shop-refused');
    fs.rmSync(out, { recursive: true, force: true });
    const r = qikan(['build', '--root', copy, '--out', out, '--cmyk'], { QIKAN_GS: gs });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('print: 2025-01: REFUSED by the preflight, pdf/2025-01.cmyk.pdf not written');
    expect(r.stderr).toMatch(/preflight \(nothingFlattened\): PDF page \d+: the text is not the print file's/);
    expect(r.stderr).toContain('the refused print-shop files are not');
    expect(fs.existsSync(path.join(out, 'pdf/2025-01.print.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'pdf/2025-01.cmyk.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(copy, '.qikan/rejected/2025-01.cmyk.rejected.pdf'))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'build-manifest.json'), 'utf8'));
    expect(manifest.issues[0].printShop).toMatchObject({ pdf: 'pdf/2025-01.print.pdf', cmyk: null });
  });
});

describe('qikan build for the print shop, with what it needs missing', () => {
  it.each(['--cmyk', '--print-ready'])('%s says how to install Ghostscript', (flag) => {
    const r = qikan(['build', '--root', fixture, '--out', path.join(tmpDir, 'no-gs'), flag], {
      QIKAN_GS: '/nonexistent/gs',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${flag} needs Ghostscript`);
    expect(r.stderr).toContain('apt-get install -y ghostscript');
  });

  it.each([
    ['missing.icc', 'no such file'],
    ['/usr/share/color/icc/ghostscript/srgb.icc', 'an ICC profile of RGB, not CMYK'],
    ['publication.yaml', 'not an ICC profile'],
  ])('names the field when print.cmyk.profile is %s', (profile, said) => {
    const copy = path.join(tmpDir, 'bad-profile-root');
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(fixture, copy, { recursive: true, filter: (f) => !f.includes('.qikan') });
    const yaml = path.join(copy, 'publication.yaml');
    const text = fs.readFileSync(yaml, 'utf8');
    fs.writeFileSync(yaml, text.replace(/^print:\n/m, `print:\n  cmyk:\n    profile: ${profile}\n`));
    expect(fs.readFileSync(yaml, 'utf8')).toContain(`profile: ${profile}`);
    const r = qikan(['build', '--root', copy, '--out', path.join(tmpDir, 'bad-profile'), '--cmyk']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`publication.yaml: print.cmyk.profile: ${profile}: ${said}`);
  });
});
