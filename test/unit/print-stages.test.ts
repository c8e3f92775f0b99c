import { pageFacts } from '../helpers/page-facts.ts';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
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
  /** The merged document as written and read back. */
  const merge = async (...args: Parameters<typeof mergeRuns>) =>
    PDFDocument.load(await (await mergeRuns(...args)).save());
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
    const merged = await merge([part(await pdfOf([500, 501]))]);
    expect(merged.getPages().map((p) => p.getWidth())).toEqual([500, 501]);
  });

  it('puts the runs one after another, with a blank page of the size before where a run asks for one', async () => {
    const merged = await merge([part(await pdfOf([500, 501])), part(await pdfOf([502]), { blankBefore: true })]);
    expect(merged.getPages().map((p) => p.getWidth())).toEqual([500, 501, 501, 502]);
  });

  it("points each run's destinations at the merged pages, never a stand-in, and adds those only links elsewhere need", async () => {
    // Run 1 (a 目录) links to #b and #d in run 2: it holds stand-ins for them on its own page; Chromium named
    // no destination for d in run 2, which nothing there links to.
    const toc = await withDests([500], { a: 0, b: 0, d: 0 });
    const article = await withDests([500, 500], { b: 1, c: 0 });
    const merged = await merge(
      [part(toc, { ids: new Set(['a']) }), part(article, { ids: new Set(['b', 'c', 'd']), blankBefore: true })],
      new Map([['d', 3]]),
    );
    expect(destPages(merged)).toEqual({ a: 0, b: 3, c: 2, d: 2 });
  });

  /**
   * A tagged PDF as Chromium prints a Paged.js document: a Document element with one element per page, here a
   * paragraph with ID `node00000001`, `node00000002`… (as a fresh browser numbers them) and its marked content.
   */
  const tagged = async (texts: string[]) => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const rootRef = context.nextRef();
    const documentRef = context.nextRef();
    const nums: (number | PDFRef[])[] = [];
    const kids = texts.map((text, i) => {
      const page = doc.addPage([500, 800]);
      page.node.set(PDFName.of('StructParents'), context.obj(i));
      const pageElement = context.nextRef();
      const paragraph = context.register(
        context.obj({
          Type: 'StructElem',
          S: 'P',
          P: pageElement,
          Pg: page.ref,
          K: 0,
          ID: PDFString.of(`node${i + 1}`),
          T: PDFHexString.fromText(text),
        }),
      );
      context.assign(pageElement, context.obj({ Type: 'StructElem', S: 'NonStruct', P: documentRef, K: [paragraph] }));
      nums.push(i, [paragraph]);
      return pageElement;
    });
    context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: kids }));
    context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: { Nums: nums } }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    return doc.save();
  };
  /** Per merged page: the titles of the elements its parent-tree entry names, and those the tree holds for it. */
  const treeOf = (doc: PDFDocument) => {
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    const title = (ref: unknown) =>
      doc.context
        .lookup(ref as never, PDFDict)
        .lookup(PDFName.of('T'), PDFHexString)
        .decodeText();
    const documentElement = root.lookup(PDFName.of('K'), PDFDict);
    const kids = documentElement.lookup(PDFName.of('K'), PDFArray).asArray();
    return {
      pages: doc.getPages().map((page) => {
        const key = page.node.get(PDFName.of('StructParents'));
        if (!key) return '(blank)';
        const at = nums.findIndex((n, i) => i % 2 === 0 && n.toString() === key.toString());
        return (nums[at + 1] as PDFArray).asArray().map(title).join();
      }),
      kids: kids.map((kid) => {
        const paragraph = doc.context.lookup(kid, PDFDict).lookup(PDFName.of('K'), PDFArray).get(0);
        const pg = doc.context.lookup(paragraph, PDFDict).get(PDFName.of('Pg'))!.toString();
        return `${title(paragraph)}@${doc.getPages().findIndex((p) => p.ref.toString() === pg)}`;
      }),
      ids: root
        .lookup(PDFName.of('IDTree'), PDFDict)
        .lookup(PDFName.of('Names'), PDFArray)
        .asArray()
        .filter((_, i) => i % 2 === 0)
        .map(String),
    };
  };

  it("carries each page's part of the structure tree, in page order, with IDs unique across the PDFs", async () => {
    // Two PDFs printed by different browsers: both number their elements from node1. Of the second, only its
    // second page is wanted (its first is a run that changed), and it goes before the first PDF's pages.
    const first = await tagged(['甲', '乙']);
    const second = await tagged(['丙', '丁']);
    const merged = await merge([part(second, { pages: [1] }), part(first, { blankBefore: true })]);
    expect(treeOf(merged)).toEqual({
      pages: ['丁', '(blank)', '甲', '乙'],
      kids: ['丁@0', '甲@2', '乙@3'],
      ids: ['(node00000001)', '(node00000002)', '(node00000003)'],
    });
    // Nothing of the page left out came along.
    expect(
      merged.context
        .enumerateIndirectObjects()
        .some(([, o]) => o.toString().includes(PDFHexString.fromText('丙').toString())),
    ).toBe(false);
  });

  it('leaves the merged PDF untagged when one of its PDFs is not tagged', async () => {
    const merged = await merge([part(await tagged(['甲'])), part(await pdfOf([500]))]);
    expect(merged.catalog.get(PDFName.of('StructTreeRoot'))).toBeUndefined();
  });
});

describe('decorate', () => {
  const fact = (kind: PageFacts['kind'], side: PageFacts['side'], more: Partial<PageFacts> = {}): PageFacts =>
    pageFacts({ kind, side, ...more });
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
