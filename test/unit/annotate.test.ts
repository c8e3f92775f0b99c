import { describe, expect, it } from 'vitest';
import { annotateHtml, tidyPictureSources, uniqueIds } from '../../src/site/annotate.ts';
import type { BuildManifest } from '../../src/core/manifest.ts';

const manifest: BuildManifest = {
  publication: '测试',
  issues: [
    {
      id: '2026-10',
      number: 1,
      headline: '甲',
      url: '/2026-10/',
      pdf: 'pdf/2026-10.pdf',
      pages: 48,
      bytes: 2_411_724,
      printShop: null,
      source: 'abc',
      outdated: false,
      sections: [],
      layout: null,
      articles: [
        { id: '2026-10/01-a', title: '甲', section: 'news', url: '/2026-10/a/', pdfPage: 6, folio: '04' },
        { id: '2026-10/02-b', title: '乙', section: 'news', url: '/2026-10/b/', pdfPage: null, folio: null },
      ],
    },
  ],
};

describe('annotateHtml', () => {
  it("fills in the print page of an article and the size of an issue's PDF", () => {
    const html =
      '<p><span class="print-page" data-print-page="2026-10/01-a"></span><span class="pdf-info" data-pdf-info="2026-10"></span></p>';
    expect(annotateHtml(html, manifest)).toBe(
      '<p><span class="print-page" data-print-page="2026-10/01-a">印刷版第4页</span><span class="pdf-info" data-pdf-info="2026-10">48页，2.3 MB</span></p>',
    );
  });

  it("points the link to the PDF at the article's page of the PDF (not its folio)", () => {
    const html = '<a href="/pdf/2026-10.pdf" data-pdf-page="2026-10/01-a">阅读本期印刷版 PDF</a>';
    expect(annotateHtml(html, manifest)).toBe(
      '<a href="/pdf/2026-10.pdf#page=6" data-pdf-page="2026-10/01-a">阅读本期印刷版 PDF</a>',
    );
  });

  it('promises no page of an outdated PDF, whose pages are those of an older text', () => {
    const outdated = { ...manifest, issues: [{ ...manifest.issues[0]!, outdated: true }] };
    const html =
      '<span data-print-page="2026-10/01-a"></span><a href="/pdf/2026-10.pdf" data-pdf-page="2026-10/01-a">PDF</a>';
    expect(annotateHtml(html, outdated)).toBe(html);
  });

  it('leaves the place empty for an article that is not printed, or an issue without a PDF', () => {
    const html =
      '<span data-print-page="2026-10/02-b"></span><span data-pdf-info="2026-11"></span><a href="/pdf/2026-10.pdf" data-pdf-page="2026-10/02-b">PDF</a>';
    expect(annotateHtml(html, manifest)).toBe(html);
  });
});

describe('tidyPictureSources', () => {
  it('keeps on an AVIF <source> only what a <source> takes, and leaves the <img> alone', () => {
    const html =
      '<picture><source type="image/avif" loading="lazy" sizes="100vw" data-astro-image="constrained" width="16" height="9" src="/a.avif" srcset="/a.avif 640w"><img src="/a.webp" loading="lazy"></picture>';
    expect(tidyPictureSources(html)).toBe(
      '<picture><source type="image/avif" sizes="100vw" width="16" height="9" srcset="/a.avif 640w"><img src="/a.webp" loading="lazy"></picture>',
    );
  });
});

describe('uniqueIds', () => {
  it("renames a heading whose id is an article's anchor, never the anchor", () => {
    const html =
      '<article id="article-a"><h2 id="article-b">乙</h2></article><article id="article-b"><h2 id="x">x</h2></article>';
    expect(uniqueIds(html)).toBe(
      '<article id="article-a"><h2 id="article-b-2">乙</h2></article><article id="article-b"><h2 id="x">x</h2></article>',
    );
  });

  it('numbers the second and later elements of an id, leaving the first and other attributes alone', () => {
    const html =
      '<article id="article-a"><h2 id="三申报程序">三</h2></article><article id="article-b"><h2 class="x" id="三申报程序">三</h2><p data-id="三申报程序"></p><h3 id="三申报程序-2">x</h3></article>';
    expect(uniqueIds(html)).toBe(
      '<article id="article-a"><h2 id="三申报程序">三</h2></article><article id="article-b"><h2 class="x" id="三申报程序-2">三</h2><p data-id="三申报程序"></p><h3 id="三申报程序-2-2">x</h3></article>',
    );
  });
});
