import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintedIssue } from '../../src/core/manifest.ts';
import { loadModel } from '../../src/core/model.ts';
import { readPdfText, type PageText } from '../../src/print/pdf-text.ts';
import { printIssues, type PrintOptions } from '../../src/print/pipeline.ts';
import { projectDir, qikan, tmpDir } from '../helpers/build.ts';

// The sample issue printed by the runs engine against the whole document in one pass (the reference), then
// rebuilt as an editor does: one paragraph changed, then nothing.
const ID = '2026-10';
const root = path.join(tmpDir, 'print-runs');
const out = path.join(root, 'dist');
const pdfFile = path.join(out, 'pdf', `${ID}.pdf`);

function buildSite(): void {
  const r = qikan(['build', '--root', root, '--out', out, '--no-pdf', '--print-documents']);
  if (r.status !== 0) throw new Error(`qikan build failed:\n${r.stdout}\n${r.stderr}`);
}

async function print(options: PrintOptions = {}): Promise<{ result: PrintedIssue; text: PageText[]; bytes: Buffer }> {
  const model = loadModel(root);
  const refused: string[] = [];
  const printed = await printIssues(
    model,
    model.issues.filter((i) => i.id === ID),
    out,
    { pages: () => {}, warn: () => {}, done: () => {}, refused: (_, e) => refused.push(e.message) },
    options,
  );
  expect(refused).toEqual([]);
  const bytes = fs.readFileSync(pdfFile);
  return { result: printed.get(ID)!, text: await readPdfText(bytes), bytes };
}

/** Per page, the structure elements a reader of the tagged PDF meets there, in order, and their content count. */
async function structureOf(bytes: Buffer): Promise<string[]> {
  type Node = { role?: string; type?: string; children?: Node[] };
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const roles: string[] = [];
    let content = 0;
    const walk = (node: Node | null) => {
      if (node?.type === 'content') content++;
      else if (node?.role && node.role !== 'NonStruct') roles.push(node.role);
      node?.children?.forEach(walk);
    };
    walk((await (await doc.getPage(i)).getStructTree()) as Node | null);
    pages.push(`${roles.join(' ')} (${content})`);
  }
  return pages;
}

const folios = (r: PrintedIssue) => r.layout.articles.map((a) => `${a.anchor}:${a.pdfPage}:${a.folio}`);
const compact = (pages: PageText[]) => pages.map((p) => p.compact);

let whole: Awaited<ReturnType<typeof print>>;
let runs: Awaited<ReturnType<typeof print>>;
let fitted: Awaited<ReturnType<typeof print>>;
const article = path.join(root, 'issues', ID, '03-zhejiang-ic-report-2026.md');

beforeAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'issues'), { recursive: true });
  fs.copyFileSync(path.join(projectDir, 'publication.yaml'), path.join(root, 'publication.yaml'));
  fs.cpSync(path.join(projectDir, 'issues', ID), path.join(root, 'issues', ID), { recursive: true });
  // The second article of a two-column section runs on below the first (once a false "missing from the PDF").
  const second = path.join(root, 'issues', ID, '16-hangzhou-high-growth-ic-enterprises.md');
  fs.writeFileSync(second, fs.readFileSync(second, 'utf8').replace(/\n---\n/, '\nnewPage: false\n---\n'));
  buildSite();
  whole = await print({ engine: 'whole' });
  // Without copyfit, which the whole document has not.
  runs = await print({ copyfit: false });
  fitted = await print();
}, 280_000);

describe('the runs engine against the whole document', () => {
  it('makes the same pages: count, 目录 numbers and the text of every page', () => {
    expect(runs.text.length).toBe(whole.text.length);
    expect(folios(runs.result)).toEqual(folios(whole.result));
    expect(compact(runs.text)).toEqual(compact(whole.text));
    // More than one run, each paginated once.
    const work = runs.result.work as Extract<PrintedIssue['work'], { reused: false }>;
    expect(work.runs).toBeGreaterThan(10);
    expect(work.paginated).toBe(work.runs);
  });

  it('keeps the structure tree: every page tagged as the whole document tags it', async () => {
    const structure = await structureOf(runs.bytes);
    expect(structure).toEqual(await structureOf(whole.bytes));
    expect(structure.filter((page) => /\bH1\b.*\bP\b/.test(page)).length).toBeGreaterThan(10);
    // One page object per page: the structure tree brought no page along that the PDF does not show.
    const doc = await PDFDocument.load(runs.bytes);
    const leaves = doc.context
      .enumerateIndirectObjects()
      .filter(([, o]) => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Page'));
    expect(leaves.length).toBe(doc.getPageCount());
  });

  it('places the run-on article of the two-column section on the page the 目录 gives', () => {
    const place = runs.result.layout.articles.find((a) => a.anchor === 'article-hangzhou-high-growth-ic-enterprises')!;
    const previous = runs.result.layout.articles.find((a) => a.anchor === 'article-zhejiang-ic-pilot-platform-plan')!;
    expect(place.pdfPage).toBeGreaterThanOrEqual(previous.pdfPage);
    expect(runs.text[place.pdfPage - 1]!.compact).toContain('杭州');
  });

  it('links every 目录 entry to the page where its article starts', async () => {
    const doc = await PDFDocument.load(runs.bytes);
    const refs = doc.getPages().map((p) => p.ref.toString());
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    for (const a of runs.result.layout.articles) {
      const dest = dests.lookup(PDFName.of(a.anchor), PDFArray);
      expect(refs.indexOf(dest.get(0).toString()) + 1, a.anchor).toBe(a.pdfPage);
    }
    // The 目录's own links, made by Chromium on its page, name the articles.
    const toc = runs.text.findIndex((p) => p.compact.includes('目录CONTENTS'));
    const annots = doc.getPage(toc).node.lookup(PDFName.of('Annots'), PDFArray).asArray();
    const named = annots.map((a) => doc.context.lookup(a, PDFDict).get(PDFName.of('Dest'))?.toString());
    expect(named).toContain(`/${runs.result.layout.articles[0]!.anchor}`);
    expect(annots.length).toBeGreaterThanOrEqual(runs.result.layout.articles.length / 2);
  });
});

describe('copyfit', () => {
  // The sample's 芯企业 items run on in one run of pages whose last page, set as the theme has it, holds two lines.
  const widowed = (p: Awaited<ReturnType<typeof print>>) =>
    p.result.layout.fill.filter((fill, i) => fill < 0.2 && p.result.layout.pages[i]!.kind === 'content').length;

  it('sets a run with a widowed last page a little tighter, and loses the page', () => {
    // One page of text less (the issue may keep its page count: it is made up to an even one with a blank).
    const content = (p: Awaited<ReturnType<typeof print>>) =>
      p.result.layout.pages.filter((page) => page.kind === 'content').length;
    expect(content(fitted)).toBe(content(runs) - 1);
    expect(fitted.text.length).toBeLessThanOrEqual(runs.text.length);
    expect(widowed(runs), 'the sample has no run ending in a few lines any more: give this test one').toBe(1);
    expect(widowed(fitted)).toBe(0);
    // The run that ended on the widowed page, set tighter, and no other.
    const [tight, ...others] = fitted.result.layout.tightened;
    expect(others).toEqual([]);
    expect(tight!.leading).toBeGreaterThanOrEqual(0.94);
    const widow = runs.result.layout.fill.findIndex(
      (f, i) => f < 0.2 && runs.result.layout.pages[i]!.kind === 'content',
    );
    // Loose, that run's last page came right after the pages it holds now.
    expect(widow + 1).toBe(tight!.to + 1);
    expect(runs.result.layout.tightened).toEqual([]);
    // No rule of layout broken that the looser setting kept.
    const faults = (p: Awaited<ReturnType<typeof print>>) => p.result.layout.pages.flatMap((page) => page.faults);
    expect(faults(fitted)).toEqual(faults(runs));
  });

  it('is off where publication.yaml says so', async () => {
    const yaml = path.join(root, 'publication.yaml');
    const before = fs.readFileSync(yaml, 'utf8');
    fs.writeFileSync(yaml, `${before}print:\n  copyfit: false\n`);
    try {
      const off = await print();
      expect(off.result.layout.tightened).toEqual([]);
      expect(compact(off.text)).toEqual(compact(runs.text));
    } finally {
      fs.writeFileSync(yaml, before);
    }
  });

  it('keeps every article, each starting on a page that shows its title', () => {
    // print() also saw the build's own check pass: no text lost against the source, the 目录's numbers true.
    expect(fitted.result.layout.articles.map((a) => a.anchor)).toEqual(
      runs.result.layout.articles.map((a) => a.anchor),
    );
    const titles = new Map(
      loadModel(root)
        .issues.find((i) => i.id === ID)!
        .articles.map((a) => [a.anchor, a.title]),
    );
    for (const a of fitted.result.layout.articles) {
      const head = titles.get(a.anchor)!.replace(/\s/g, '').slice(0, 6);
      expect(fitted.text[a.pdfPage - 1]!.compact, a.anchor).toContain(head);
    }
  });
});

describe('rebuilt as an editor does', () => {
  it('after one paragraph changes, paginates only its run and gives the pages a cold build gives', async () => {
    const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(fs.readFileSync(article, 'utf8'))!;
    fs.writeFileSync(article, front + body!.replace('。', '，数据由浙江省半导体行业协会汇总。'));
    buildSite();
    const warm = await print();
    const work = warm.result.work as Extract<PrintedIssue['work'], { reused: false }>;
    expect(work.reused).toBe(false);
    expect(work.paginated).toBe(1);
    expect(work.rendered).toBeLessThan(work.runs / 3);
    expect(warm.text.map((p) => p.compact).join('')).toContain('数据由浙江省半导体行业协会汇总');
    fs.rmSync(path.join(root, '.qikan'), { recursive: true, force: true });
    const cold = await print();
    expect(compact(warm.text)).toEqual(compact(cold.text));
    expect(folios(warm.result)).toEqual(folios(cold.result));
    expect(await structureOf(warm.bytes)).toEqual(await structureOf(cold.bytes));
  }, 280_000);

  it('with nothing changed, reuses the PDF byte for byte', async () => {
    const before = fs.readFileSync(pdfFile);
    const again = await print();
    expect(again.result.work).toEqual({ reused: true });
    expect(again.bytes.equals(before)).toBe(true);
  });
});
