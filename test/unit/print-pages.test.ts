import { describe, expect, it } from 'vitest';
import { formatFolio, layoutPages } from '../../src/kinds/magazine/page-layout.ts';
import type { PageFacts } from '../../src/print/layout.ts';

const heads = { publication: '天堂之芯', sections: { news: '芯动态', views: '芯观点' } };
const page = (kind: PageFacts['kind'], i: number, more: Partial<PageFacts> = {}): PageFacts => ({
  kind,
  side: i % 2 === 0 ? 'right' : 'left',
  starts: [],
  overflow: false,
  faults: [],
  notes: [],
  ...more,
});

describe('layoutPages', () => {
  const facts = [
    page('cover', 0),
    page('front', 1),
    page('front', 2),
    page('blank', 3),
    page('opener', 4, { section: 'news' }),
    page('content', 5, { section: 'news', starts: ['a'] }),
    page('content', 6, { section: 'news', starts: ['b', 'c'] }),
    page('opener', 7, { section: 'views' }),
    page('content', 8, { section: 'views', starts: ['d'] }),
    page('blank', 9),
    page('back', 10),
  ];
  const layout = layoutPages(facts, heads);

  it('does not number from an empty page after the front matter', () => {
    const f = [page('cover', 0), page('front', 1), page('empty', 2), page('content', 3, { starts: ['x'] })];
    expect(layoutPages(f, heads).pages.map((p) => p.folio)).toEqual([null, null, null, 1]);
  });

  it('numbers pages from the first page after the front matter and its blank', () => {
    expect(layout.pages.map((p) => p.folio)).toEqual([null, null, null, null, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('prints folio and running head on content pages only', () => {
    expect(layout.pages.filter((p) => p.decorated).map((p) => p.pdfPage)).toEqual([6, 7, 9]);
  });

  it('puts the publication on left pages and the section on right pages', () => {
    expect(layout.pages.map((p) => p.runningHead)).toEqual([
      null,
      null,
      null,
      null,
      null,
      '天堂之芯',
      '芯动态',
      null,
      '芯观点',
      null,
      null,
    ]);
  });

  it('places each article on the page and folio where it starts', () => {
    expect(layout.articles).toEqual([
      { anchor: 'a', pdfPage: 6, folio: 2 },
      { anchor: 'b', pdfPage: 7, folio: 3 },
      { anchor: 'c', pdfPage: 7, folio: 3 },
      { anchor: 'd', pdfPage: 9, folio: 5 },
    ]);
  });

  it('refuses an article that starts before the numbered pages', () => {
    expect(() => layoutPages([page('cover', 0, { starts: ['x'] }), page('content', 1)], heads)).toThrow(
      /article x starts on page 1/,
    );
  });
});

describe('formatFolio', () => {
  it('prints at least two digits', () => {
    expect([1, 9, 10, 112].map(formatFolio)).toEqual(['01', '09', '10', '112']);
  });
});
