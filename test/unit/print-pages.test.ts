import { pageFacts } from '../helpers/page-facts.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFolio, layoutPages } from '../../src/kinds/magazine/page-layout.ts';
import type { PageFacts } from '../../src/print/layout.ts';

const heads = { publication: '天堂之芯', sections: { news: '芯动态', views: '芯观点' } };
const page = (kind: PageFacts['kind'], i: number, more: Partial<PageFacts> = {}): PageFacts =>
  pageFacts({ kind, side: i % 2 === 0 ? 'right' : 'left', ...more });

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

describe('layoutPages, as the runs engine uses it', () => {
  it('lays out a page from the pages up to it only: a prefix of the issue gives the same pages', () => {
    const kinds = fc.constantFrom<PageFacts['kind']>('opener', 'content', 'content', 'blank', 'back');
    fc.assert(
      fc.property(fc.array(kinds, { maxLength: 30 }), fc.nat(), (rest, cut) => {
        // An issue begins with its cover and front matter, as the magazine's print document does.
        const facts = (['cover', 'front', 'front', ...rest] as PageFacts['kind'][]).map((k, i) =>
          page(k, i, k === 'content' ? { section: 'news', starts: i % 3 ? [] : [`a${i}`] } : {}),
        );
        const n = 3 + (cut % (rest.length + 1));
        const whole = layoutPages(facts, heads);
        const prefix = layoutPages(facts.slice(0, n), heads);
        expect(prefix.pages).toEqual(whole.pages.slice(0, n));
        expect(prefix.articles).toEqual(whole.articles.filter((a) => a.pdfPage <= n));
      }),
    );
  });
});
