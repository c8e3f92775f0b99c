import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/core/model.ts';
import { outlineEntries } from '../../src/print/outline.ts';
import type { PageLayout, PrintLayout } from '../../src/print/layout.ts';
import { buildToc } from '../../src/core/toc.ts';
import { article, writePublication } from '../helpers/publication.ts';

describe('outlineEntries', () => {
  const model = loadModel(
    writePublication({
      'issues/2025-01/01-a.md': article('title: 甲\nsection: views'),
      'issues/2025-01/02-b.md': article('title: 乙\nsection: news'),
      'issues/2025-01/03-c.md': article('title: 丙\nsection: news\nnewPage: false'),
    }),
  );
  const toc = buildToc(model.publication, model.issues[0]!, 'print');
  const page = (pdfPage: number, kind: PageLayout['kind'], section?: string): PageLayout => ({
    pdfPage,
    kind,
    section,
    side: 'right',
    folio: null,
    decorated: false,
    runningHead: null,
    overflow: false,
    faults: [],
    notes: [],
  });
  const layout: PrintLayout = {
    pages: [
      page(1, 'cover'),
      page(2, 'front'),
      page(3, 'opener', 'news'),
      page(4, 'content'),
      page(5, 'opener', 'views'),
      page(6, 'content'),
    ],
    articles: [
      { anchor: 'article-b', pdfPage: 4, folio: 2 },
      { anchor: 'article-c', pdfPage: 4, folio: 2 },
      { anchor: 'article-a', pdfPage: 6, folio: 4 },
    ],
    images: [],
    fill: [],
    moved: [],
    bleeds: [],
    tightened: [],
  };

  it('puts each section at its opener and its articles under it, in 目录 order', () => {
    expect(outlineEntries(toc, layout)).toEqual([
      {
        title: '新闻',
        pdfPage: 3,
        children: [
          { title: '乙', pdfPage: 4, children: [] },
          { title: '丙', pdfPage: 4, children: [] },
        ],
      },
      { title: '观点', pdfPage: 5, children: [{ title: '甲', pdfPage: 6, children: [] }] },
    ]);
  });
});
