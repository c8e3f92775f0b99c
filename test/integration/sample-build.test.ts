import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Model } from '../../src/core/model.ts';
import { build, projectDir, qikan, type Built } from '../helpers/build.ts';
import { printedIssueChecks } from '../helpers/printed-issue.ts';
import { siteChecks } from '../helpers/site-checks.ts';

// The repository's own sample issues, built as the README's first command builds them, into a folder outside
// the project (a build must work wherever --out points).
let built: Built;
let model: Model;

beforeAll(() => {
  model = loadModel(projectDir);
  built = build(projectDir, path.join(os.tmpdir(), 'qikan-sample'));
});

describe('the sample publication', () => {
  it('has two issues, the first with at least 18 articles in all six sections, printing to 32 pages or more', () => {
    expect(model.issues.length).toBeGreaterThanOrEqual(2);
    const first = model.issues.find((i) => i.id === '2026-10')!;
    expect(first.articles.length).toBeGreaterThanOrEqual(18);
    expect(new Set(first.articles.map((a) => a.section)).size).toBe(6);
    expect(built.manifest.issues.find((i) => i.id === '2026-10')!.pages).toBeGreaterThanOrEqual(32);
  });

  it('says in the manifest where each section starts: the page of its first article, under its band', () => {
    const entry = built.manifest.issues.find((i) => i.id === '2026-10')!;
    const first = model.issues.find((i) => i.id === '2026-10')!.toc.print.map((t) => t.articles[0]!.id);
    expect(entry.sections.map((s) => s.id)).toEqual(['dongtai', 'qiye', 'zixun', 'zhengce', 'guandian', 'huoban']);
    expect(entry.sections.map((s) => [s.pdfPage, s.folio])).toEqual(
      first.map((id) => entry.articles.find((a) => a.id === id)!).map((a) => [a.pdfPage, a.folio]),
    );
  });

  it('floats a figure that does not fit at the foot of a page below later text, leaving no half-empty page before it', async () => {
    const { layout } = built.manifest.issues.find((i) => i.id === '2026-10')!;
    const floated = layout!.movedFigures.filter((f) => f.paragraphs > 0);
    expect(floated.length).toBeGreaterThan(0);
    const pages = await built.pdf('2026-10');
    const sparse = layout!.sparsePages.map((p) => p.pdfPage);
    for (const figure of floated) {
      expect(pages[figure.pdfPage - 1]!.compact).toContain(figure.caption.replace(/\s+/g, ''));
      expect(sparse).not.toContain(figure.pdfPage - 1);
    }
  });

  it('leaves no single line of a paragraph alone at the top or foot of a page (widows and orphans)', () => {
    // Made and checked now, or reused from the cache, which says again what its making warned of.
    expect(built.stdout).toMatch(/pdf: 2026-10: .*(checked|reused from the cache)/);
    expect(built.stdout).not.toContain('a single line of a paragraph');
  });

  for (const id of ['2026-10', '2026-11']) describe(id, () => printedIssueChecks(() => ({ built, model }), id));

  describe('website', () => siteChecks(() => ({ built, model })));

  // Last: it rebuilds into the same folder.
  it("--only makes one issue's PDF again and keeps the other issues' PDFs and manifest entries", () => {
    const before = JSON.parse(fs.readFileSync(path.join(built.out, 'build-manifest.json'), 'utf8'));
    const r = qikan(['build', '--only', '2026-11', '--out', built.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('pdf: 2026-11');
    expect(r.stdout).not.toContain('pdf: 2026-10 paginating');
    expect(r.stdout).toMatch(/pdf: 2026-10: \d+ pages, reused from the last build \(sources unchanged\)/);
    const after = JSON.parse(fs.readFileSync(path.join(built.out, 'build-manifest.json'), 'utf8'));
    const without = (m: typeof before, id: string) =>
      m.issues.map((i: { id: string }) => (i.id === id ? { ...i, bytes: 0 } : i));
    // Chromium's PDF writer does not give the same bytes twice; everything else must be equal.
    expect(without(after, '2026-11')).toEqual(without(before, '2026-11'));
    expect(fs.existsSync(path.join(built.out, 'pdf/2026-10.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(built.out, '2026-10/index.html'))).toBe(true);
  });
});
