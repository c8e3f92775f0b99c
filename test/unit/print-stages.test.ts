import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { magazine } from '../../src/kinds/magazine/index.ts';
import type { PageFacts } from '../../src/print/layout.ts';
import type { Decoration } from '../../src/print/runtime/contract.ts';
import { decorate } from '../../src/print/stages/decorate.ts';
import { mergeRuns, type RunPart } from '../../src/print/stages/merge.ts';
import type { PrintRun } from '../../src/print/stages/prepare.ts';

const pdfOf = async (widths: number[]) => {
  const doc = await PDFDocument.create();
  for (const w of widths) doc.addPage([w, 800]);
  return doc.save();
};

describe('mergeRuns', () => {
  const part = (pdf: Uint8Array, more: Partial<RunPart> = {}): RunPart => ({
    pdf,
    blankBefore: false,
    ids: new Set(),
    ...more,
  });
  /** A PDF whose named destinations point at its pages: `{ name: pageIndex }`. */
  const withDests = async (widths: number[], dests: Record<string, number>) => {
    const doc = await PDFDocument.create();
    for (const w of widths) doc.addPage([w, 800]);
    const dict = doc.context.obj({}) as PDFDict;
    for (const [name, page] of Object.entries(dests))
      dict.set(PDFName.of(name), doc.context.obj([doc.getPage(page).ref, 'XYZ', 0, 800, 0]));
    doc.catalog.set(PDFName.of('Dests'), doc.context.register(dict));
    return doc.save();
  };
  const destPages = (doc: PDFDocument) => {
    const refs = doc.getPages().map((p) => p.ref.toString());
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    return Object.fromEntries(
      dests
        .entries()
        .map(([k, v]) => [k.decodeText(), refs.indexOf(doc.context.lookup(v, PDFArray).get(0).toString())]),
    );
  };

  it('keeps one run as it is', async () => {
    const one = await pdfOf([500]);
    expect(await mergeRuns([part(one)])).toBe(one);
  });

  it('puts the runs one after another, with a blank page of the size before where a run asks for one', async () => {
    const merged = await PDFDocument.load(
      await mergeRuns([part(await pdfOf([500, 501])), part(await pdfOf([502]), { blankBefore: true })]),
    );
    expect(merged.getPages().map((p) => p.getWidth())).toEqual([500, 501, 501, 502]);
  });

  it("points each run's destinations at the merged pages, never a stand-in, and adds those only links elsewhere need", async () => {
    // Run 1 (a 目录) links to #b and #d in run 2: it holds stand-ins for them on its own page; Chromium named
    // no destination for d in run 2, which nothing there links to.
    const toc = await withDests([500], { a: 0, b: 0, d: 0 });
    const article = await withDests([500, 500], { b: 1, c: 0 });
    const merged = await PDFDocument.load(
      await mergeRuns(
        [part(toc, { ids: new Set(['a']) }), part(article, { ids: new Set(['b', 'c', 'd']), blankBefore: true })],
        new Map([['d', 3]]),
      ),
    );
    expect(destPages(merged)).toEqual({ a: 0, b: 3, c: 2, d: 2 });
  });
});

describe('decorate', () => {
  const fact = (kind: PageFacts['kind'], side: PageFacts['side'], more: Partial<PageFacts> = {}): PageFacts => ({
    kind,
    side,
    starts: [],
    overflow: false,
    faults: [],
    notes: [],
    ...more,
  });
  const run = { heads: { publication: '示例月刊', sections: { news: '新闻' } } } as unknown as PrintRun;

  it('hands the page its running heads and folios by the kind, and the 目录 its numbers', async () => {
    let handed: Decoration | undefined;
    const page = { evaluate: async (_fn: unknown, arg: Decoration) => void (handed = arg) } as unknown as Page;
    const facts = [
      fact('cover', 'right'),
      fact('front', 'left'),
      fact('content', 'right', { section: 'news', starts: ['article-a'] }),
      fact('content', 'left', { section: 'news' }),
    ];
    const layout = await decorate(run, { page, facts, images: [] }, magazine);
    expect(layout.articles).toEqual([{ anchor: 'article-a', pdfPage: 3, folio: 1 }]);
    expect(handed).toEqual({
      pages: [
        { runningHead: null, folio: null },
        { runningHead: null, folio: null },
        { runningHead: '新闻', folio: '01' },
        { runningHead: '示例月刊', folio: '02' },
      ],
      tocFolios: { 'article-a': '01' },
    });
  });
});
