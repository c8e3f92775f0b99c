import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/core/model.ts';
import { articleRanges, checkPdf, printedFolio, tocNumbers } from '../../src/kinds/magazine/verify-pdf.ts';
import type { PrintLayout } from '../../src/print/layout.ts';
import { lostText } from '../../src/print/stages/verify.ts';
import { compact } from '../../src/print/compact-text.ts';
import type { PageText } from '../../src/print/pdf-text.ts';
import { article, writePublication } from '../helpers/publication.ts';

const model = loadModel(
  writePublication({
    'issues/2025-01/01-a.md': article('title: 晶圆厂开工\nsection: news'),
    'issues/2025-01/02-b.md': article('title: 晶圆厂开工后记\nsection: views'),
  }),
);
const issue = model.issues[0]!;
const H = 842;
const text = (compact: string, folio?: string): PageText => ({
  compact,
  height: H,
  items: [{ str: compact, x: 50, y: 700 }, ...(folio ? [{ str: folio, x: 50, y: 20 }] : [])],
});
const layout: PrintLayout = {
  pages: [
    {
      pdfPage: 1,
      kind: 'cover',
      side: 'right',
      folio: null,
      decorated: false,
      runningHead: null,
      overflow: false,
      faults: [],
      notes: [],
    },
    {
      pdfPage: 2,
      kind: 'front',
      side: 'left',
      folio: null,
      decorated: false,
      runningHead: null,
      overflow: false,
      faults: [],
      notes: [],
    },
    {
      pdfPage: 3,
      kind: 'content',
      side: 'right',
      folio: 1,
      decorated: true,
      runningHead: '新闻',
      overflow: false,
      faults: [],
      notes: [],
    },
    {
      pdfPage: 4,
      kind: 'content',
      side: 'left',
      folio: 2,
      decorated: true,
      runningHead: '测试月刊',
      overflow: false,
      faults: [],
      notes: [],
    },
  ],
  articles: [
    { anchor: 'article-a', pdfPage: 3, folio: 1 },
    { anchor: 'article-b', pdfPage: 4, folio: 2 },
  ],
  images: [],
  fill: [],
  moved: [],
  bleeds: [],
  tightened: [],
};
const good = [
  text('封面'),
  text('目录▲晶圆厂开工01▲晶圆厂开工后记02'),
  text('新闻晶圆厂开工正文', '01'),
  text('观点晶圆厂开工后记正文', '02'),
];

describe('checkPdf', () => {
  it('accepts a PDF that matches its layout', () => {
    expect(checkPdf(model.publication, issue, layout, good)).toEqual([]);
  });

  it('reports a 目录 number that is not the page where the article starts', () => {
    const pages = [good[0]!, text('目录▲晶圆厂开工01▲晶圆厂开工后记03'), good[2]!, good[3]!];
    expect(checkPdf(model.publication, issue, layout, pages)).toEqual([
      'issues/2025-01/02-b.md: the 目录 gives page 03 for "晶圆厂开工后记", but it starts on page 02',
    ]);
  });

  it('reports an article whose head is not on its page, a wrong folio and a page count that differs', () => {
    const pages = [good[0]!, good[1]!, text('新闻正文', '01'), text('观点晶圆厂开工后记正文', '12')];
    expect(checkPdf(model.publication, issue, layout, [...pages, text('')])).toEqual([
      'the PDF has 5 pages, the pagination made 4',
      'issues/2025-01/01-a.md: the head of "晶圆厂开工" is not on PDF page 3, where the layout puts it',
      'PDF page 4 should print folio 02, found 12',
    ]);
  });

  it('reports a printed article that the pagination lost', () => {
    const lost = { ...layout, articles: layout.articles.slice(0, 1) };
    expect(checkPdf(model.publication, issue, lost, good)).toContain(
      'issues/2025-01/02-b.md: "晶圆厂开工后记" is missing from the PDF',
    );
  });

  it('reports an empty page nobody asked for and content past the page area', () => {
    const pages = layout.pages.map((p) =>
      p.pdfPage === 2 ? { ...p, kind: 'empty' as const } : p.pdfPage === 4 ? { ...p, overflow: true } : p,
    );
    const problems = checkPdf(model.publication, issue, { ...layout, pages }, good);
    expect(problems).toContain('PDF page 2 is empty: nothing asked for a blank page there');
    expect(problems).toContain("PDF page 4: content runs past the page's content area");
  });

  it('reports what the pagination found against the layout rules, with its page', () => {
    const pages = layout.pages.map((p) =>
      p.pdfPage === 3 ? { ...p, faults: ['the heading "结语" is the last line of the page'] } : p,
    );
    expect(checkPdf(model.publication, issue, { ...layout, pages }, good)).toEqual([
      'PDF page 3: the heading "结语" is the last line of the page',
    ]);
  });
});

describe('lostText', () => {
  // Body text sits between the margins (20 mm ≈ 57 pt); running heads and folios outside them.
  const page = (...lines: [string, number][]): PageText => ({
    compact: '',
    height: H,
    items: lines.map(([str, y]) => ({ str, x: 50, y })),
  });
  const pages = [
    good[0]!,
    good[1]!,
    page(['新闻', 800], ['投资总额为', 700], ['50亿元。', 680], ['投资', 600], ['01', 20]),
    page(['测试月刊', 820], ['观点', 700], ['后记正文一段话，跨', 680], ['页继续。', 100], ['02', 20]),
  ];
  const blocks = new Map([
    ['article-a', ['投资总额为50亿元。', '投资']],
    ['article-b', ['后记正文一段话，跨页继续。']],
  ]);

  it('finds every block in reading order, across lines and without heads and folios', () => {
    expect(lostText(model.publication, issue, articleRanges(layout, pages.length), pages, blocks)).toEqual([]);
  });

  it('reports a block that is missing, with its page, even when its words appear earlier', () => {
    const cut = [
      ...pages.slice(0, 2),
      page(['新闻', 800], ['投资总额为', 700], ['50亿元。', 680], ['01', 20]),
      pages[3]!,
    ];
    expect(lostText(model.publication, issue, articleRanges(layout, cut.length), cut, blocks)).toEqual([
      'issues/2025-01/01-a.md: text lost on PDF page 3: "投资"',
    ]);
  });
});

describe('compact', () => {
  it('reads the micro sign of the source as the μ the PDF gives back, and drops white space', () => {
    expect(compact('线宽 5 µm，电阻 2 Ω')).toBe(compact('线宽5μm，电阻2Ω'));
    expect(compact('（来源：甲）')).toBe('（来源：甲）');
  });
});

describe('tocNumbers', () => {
  it('reads the number after each entry, also when one title begins another', () => {
    expect(tocNumbers('▲晶圆厂开工后记12▲晶圆厂开工03', '晶圆厂开工')).toEqual(['03']);
    expect(tocNumbers('▲同题05▲同题09', '同题')).toEqual(['05', '09']);
  });
});

describe('printedFolio', () => {
  it('takes the number in the bottom margin, not a number in the text', () => {
    const page: PageText = {
      compact: '',
      height: H,
      items: [
        { str: '2026', x: 50, y: 400 },
        { str: '07', x: 50, y: 20 },
      ],
    };
    expect(printedFolio(page, 56)).toBe('07');
    expect(printedFolio({ ...page, items: page.items.slice(0, 1) }, 56)).toBeUndefined();
  });
});
