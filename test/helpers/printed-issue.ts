import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Model } from '../../src/core/model.ts';
import { lengthToPt } from '../../src/print/geometry.ts';
import { placementOf } from '../../src/kinds/magazine/page-layout.ts';
import { tocAuthors } from '../../src/kinds/magazine/page-rules.ts';
import { printedFolio } from '../../src/kinds/magazine/verify-pdf.ts';
import { compact as squash } from '../../src/print/compact-text.ts';
import type { PageText } from '../../src/print/pdf-text.ts';
import type { Built } from './build.ts';
import { readFonts, readOutline } from './pdf-structure.ts';

/** The number printed in a page's bottom margin, read from the PDF's text positions. */
export function folioOn(model: Model, page: PageText): string | undefined {
  return printedFolio(page, lengthToPt(model.publication.page.margins.bottom));
}

/** The first line of text at the top of a page (the running head where there is one). */
export function topLine(page: PageText): string {
  const top = Math.max(...page.items.filter((i) => i.str.trim()).map((i) => i.y));
  return squash(
    page.items
      .filter((i) => Math.abs(i.y - top) < 1)
      .map((i) => i.str)
      .join(''),
  );
}

/**
 * The checks every printed issue must pass, read from the PDF's text page by page: the cover, the 目录's numbers
 * against the pages where the titles really are, the folios, the running heads, the manifest.
 */
export function printedIssueChecks(get: () => { built: Built; model: Model }, issueId: string): void {
  const setup = async () => {
    const { built, model } = get();
    const issue = model.issues.find((i) => i.id === issueId)!;
    const entry = built.manifest.issues.find((i) => i.id === issueId)!;
    const pages = await built.pdf(issueId);
    // Front pages carry no folio: the 目录 is among the pages between the cover and the first numbered page.
    const firstNumbered = pages.findIndex((p) => folioOn(model, p) !== undefined);
    const toc = pages
      .slice(1, firstNumbered)
      .map((p) => p.compact)
      .join('');
    return { built, model, issue, entry, pages, toc };
  };

  it('writes as many pages as the manifest says, an even number ending on the back cover', async () => {
    const { entry, pages, model } = await setup();
    expect(pages.length).toBe(entry.pages);
    expect(pages.length % 2).toBe(0);
    expect(pages.at(-1)!.compact).toContain(squash(model.publication.imprint.address));
  });

  it('has the cover on page 1: masthead, issue number, headline', async () => {
    const { pages, model, issue } = await setup();
    const p1 = pages[0]!.compact;
    expect(p1).toContain(model.publication.name);
    if (model.publication.englishName) expect(p1).toContain(squash(model.publication.englishName));
    expect(p1).toContain(`总第${issue.meta.number}期`);
    expect(p1).toContain(squash(issue.meta.headline));
  });

  it('lists every printed article in the 目录 with the folio of the page where its title really is', async () => {
    const { issue, pages, toc, entry, model } = await setup();
    for (const a of issue.articles.filter((x) => x.print)) {
      const title = squash(a.title);
      // Above the title: the section's band or label (a run-on article has neither); the title alone may be quoted.
      const head = squash(placementOf(issue.toc.print, a, model.publication.print.startOnRight).above) + title;
      const listed = new RegExp(
        `▲${(title + squash(tocAuthors(a))).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)`,
      ).exec(toc)?.[1];
      const at = pages.findIndex((p) => p.compact.includes(head) && folioOn(model, p) !== undefined);
      expect(at, `"${a.title}" is on no numbered page`).toBeGreaterThan(0);
      expect(listed, `目录 number of "${a.title}"`).toBe(folioOn(model, pages[at]!));
      const m = entry.articles.find((x) => x.id === a.id)!;
      expect([m.pdfPage, m.folio]).toEqual([at + 1, listed]);
    }
  });

  it('prints running heads: the publication on left pages, the section on right pages', async () => {
    const { model, entry, pages } = await setup();
    const sections = new Map(model.publication.sections.map((s) => [s.id, s.title]));
    for (const a of entry.articles.filter((x) => x.pdfPage)) {
      const page = pages[a.pdfPage! - 1]!;
      const left = a.pdfPage! % 2 === 0;
      expect(topLine(page), `running head on PDF page ${a.pdfPage}`).toBe(
        left ? model.publication.name : sections.get(a.section),
      );
    }
  });

  it('has bookmarks in 目录 order: each section, and under it its articles at their pages', async () => {
    const { built, model, entry } = await setup();
    const outline = await readOutline(fs.readFileSync(path.join(built.out, entry.pdf!)));
    const expected = model.publication.sections
      .map((s) => ({ title: s.title, articles: entry.articles.filter((a) => a.section === s.id && a.pdfPage) }))
      .filter((s) => s.articles.length);
    expect(outline.map((b) => b.title)).toEqual(expected.map((s) => s.title));
    for (const [i, s] of expected.entries()) {
      expect(outline[i]!.children.map((c) => [c.title, c.pdfPage])).toEqual(
        s.articles.map((a) => [a.title, a.pdfPage]),
      );
    }
  });

  it('starts no line with punctuation that clreq forbids at a line start', async () => {
    const { pages } = await setup();
    const forbidden = /^[、。，．；：？！）」』》〉】〕’”…]/;
    const bad: string[] = [];
    pages.forEach((page, i) => {
      const lines = new Map<number, { x: number; str: string }[]>();
      for (const item of page.items.filter((it) => it.str.trim())) {
        const y = Math.round(item.y);
        lines.set(y, [...(lines.get(y) ?? []), item]);
      }
      for (const items of lines.values()) {
        const line = items
          .sort((a, b) => a.x - b.x)
          .map((it) => it.str)
          .join('')
          .trim();
        if (forbidden.test(line)) bad.push(`PDF page ${i + 1}: ${line.slice(0, 30)}`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('embeds every font, and none as Type 3', async () => {
    const { built, entry } = await setup();
    const fonts = await readFonts(fs.readFileSync(path.join(built.out, entry.pdf!)));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.subtype === 'Type3' || !f.embedded)).toEqual([]);
  });

  it('has every article in the site too, and the site links the PDF', async () => {
    const { built, issue } = await setup();
    const issuePage = built.html(issue.id);
    expect(issuePage).toContain(`/pdf/${issue.id}.pdf`);
    for (const a of issue.articles.filter((x) => x.web)) {
      expect(issuePage).toContain(`href="${a.url}"`);
      expect(built.html(a.url.slice(1))).toContain(a.title);
    }
  });
}
