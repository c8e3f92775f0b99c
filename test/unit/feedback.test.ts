import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/core/model.ts';
import { feedbackSummary, layoutFeedback } from '../../src/print/feedback.ts';
import type { PageLayout, PrintLayout } from '../../src/print/layout.ts';
import { article, writePublication } from '../helpers/publication.ts';

const issue = loadModel(
  writePublication({
    'issues/2025-01/01-a.md': article('title: 甲\nsection: news\nprintPage: 1'),
    'issues/2025-01/02-b.md': article('title: 乙\nsection: news\nprintPage: 4'),
    'issues/2025-01/03-c.md': article('title: 丙\nsection: views'),
  }),
).issues[0]!;
const anchor = (title: string) => issue.articles.find((a) => a.title === title)!.anchor;
const page = (pdfPage: number, kind: PageLayout['kind'], folio: number | null): PageLayout => ({
  pdfPage,
  kind,
  side: pdfPage % 2 ? 'right' : 'left',
  folio,
  decorated: kind === 'content',
  runningHead: null,
  overflow: false,
  faults: [],
  notes: [],
});
// Cover, 目录, then 甲 on folios 1–2, 乙 on 3 (one page before its printed 4), 丙 running on below it; back cover.
const layout: PrintLayout = {
  pages: [page(1, 'cover', null), page(2, 'front', null), page(3, 'content', 1), page(4, 'content', 2)].concat([
    page(5, 'content', 3),
    page(6, 'back', null),
  ]),
  articles: [
    { anchor: anchor('甲'), pdfPage: 3, folio: 1 },
    { anchor: anchor('乙'), pdfPage: 5, folio: 3 },
    { anchor: anchor('丙'), pdfPage: 5, folio: 3 },
  ],
  images: [],
  fill: [1, 0.9, 1, 0.3, 0.45, 1],
  moved: [[], [], [], [{ caption: '图1 结构', paragraphs: 0 }], [{ caption: '图2 趋势', paragraphs: 3 }], []],
  bleeds: [],
  tightened: [{ from: 3, to: 4, leading: 0.96 }],
};

describe('layoutFeedback', () => {
  const feedback = layoutFeedback(issue, layout);

  it('gives each article its pages and its shift from the printed page, where the 目录 of print gave one', () => {
    expect(feedback.articles.map((a) => [a.pdfPage, a.pages, a.printPage, a.shift])).toEqual([
      [3, 2, 1, 0],
      [5, 1, 4, -1],
      [5, 1, undefined, undefined],
    ]);
  });

  it('lists the content pages less than half full, never a cover', () => {
    expect(feedback.sparsePages).toEqual([
      { pdfPage: 4, folio: 2, fill: 0.3 },
      { pdfPage: 5, folio: 3, fill: 0.45 },
    ]);
  });

  it('lists the figures set apart from their text, with the page and folio they are printed on', () => {
    expect(feedback.movedFigures).toEqual([
      { pdfPage: 4, folio: 2, caption: '图1 结构', paragraphs: 0 },
      { pdfPage: 5, folio: 3, caption: '图2 趋势', paragraphs: 3 },
    ]);
  });

  it('says it in one line', () => {
    expect(feedbackSummary(feedback)).toBe(
      '3 articles, 1 of 2 on their printed page, 0.5 pages off on average (at most 1); ' +
        '2 page(s) less than half full (PDF page 4, 5); ' +
        '2 figure(s) apart from their text, 1 floated to fill a page (PDF page 4, 5); ' +
        '1 run(s) set with less leading to lose a page (PDF page 3–4 at 96 %)',
    );
    expect(feedbackSummary({ ...feedback, sparsePages: [], movedFigures: [], tightened: [] })).toBe(
      '3 articles, 1 of 2 on their printed page, 0.5 pages off on average (at most 1); no page less than half full',
    );
  });
});
