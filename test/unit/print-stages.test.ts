import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { magazine } from '../../src/kinds/magazine/index.ts';
import type { PageFacts } from '../../src/print/layout.ts';
import type { Decoration } from '../../src/print/runtime/contract.ts';
import { decorate } from '../../src/print/stages/decorate.ts';
import { mergeRuns } from '../../src/print/stages/merge.ts';
import type { PrintRun } from '../../src/print/stages/prepare.ts';

const pdfOf = async (widths: number[]) => {
  const doc = await PDFDocument.create();
  for (const w of widths) doc.addPage([w, 800]);
  return doc.save();
};

describe('mergeRuns', () => {
  it('keeps one run as it is', async () => {
    const one = await pdfOf([500]);
    expect(await mergeRuns([one])).toBe(one);
  });

  it('puts the runs one after another', async () => {
    const merged = await PDFDocument.load(await mergeRuns([await pdfOf([500, 501]), await pdfOf([502])]));
    expect(merged.getPages().map((p) => p.getWidth())).toEqual([500, 501, 502]);
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
