import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Issue, Model } from '../core/model.ts';
import { pdfFile, printDocumentUrl, printShopFile } from '../core/routes.ts';
import type { PrintedIssue } from '../core/manifest.ts';
import { kindOf } from '../kinds/index.ts';
import type { PublicationKind } from '../kinds/kind.ts';
import type { PrintLayout } from './layout.ts';
import { chromiumVersion, launchBrowser } from './chromium.ts';
import { toCmykPdfX, type CmykTools } from './cmyk.ts';
import { engineVersion } from './engine-version.ts';
import { outlineEntries } from './outline.ts';
import { pageImageCounts, preflight, type PreflightInput } from './preflight.ts';
import { readPdfText, type PageText } from './pdf-text.ts';
import { PrintCache } from './print-cache.ts';
import { hashOf, splitRuns } from './runs.ts';
import { serveDirectory } from './serve.ts';
import { articleBlocks } from './source-text.ts';
import { decorate } from './stages/decorate.ts';
import { finishPdf, type PdfMeta } from './stages/finish.ts';
import { prepareImages } from './stages/images.ts';
import { mergeRuns } from './stages/merge.ts';
import { paginate, withFlag } from './stages/paginate.ts';
import { prepareRun, type PrintRun } from './stages/prepare.ts';
import { renderPdf } from './stages/render.ts';
import { printRuns } from './stages/runs.ts';
import { verifyPdf } from './stages/verify.ts';
import { LOAD_PDF } from './pdf-lib-options.ts';

export interface PrintReporter {
  /** Pages laid out so far in an issue, and runs done of how many. */
  pages(issue: Issue, count: number, runs?: { done: number; of: number }): void;
  warn(message: string): void;
  done(issue: Issue, result: PrintedIssue): void;
  /** A PDF that fails its check is not written; the other issues go on. */
  refused(issue: Issue, error: PdfCheckError): void;
}

export class PdfCheckError extends Error {
  readonly issueId: string;
  /** The print-shop file refused by the preflight; undefined for the readers' PDF. */
  readonly printShopFile?: string;
  constructor(issue: Issue, problems: string[], rejected: string, printShopFile?: string) {
    super(
      (printShopFile
        ? `The print shop's file ${printShopFile} of ${issue.id} was not written: the preflight refused it.`
        : `The PDF of ${issue.id} was not written: it does not match the issue.`) +
        `\n  ${problems.join('\n  ')}\n  (to look at what went wrong: ${rejected})`,
    );
    this.name = 'PdfCheckError';
    this.issueId = issue.id;
    this.printShopFile = printShopFile;
  }
}

export interface PrintOptions {
  /**
   * The print shop's files instead of the readers' PDF: with bleed, slug and crop marks (pdf/<id>.print.pdf) and,
   * with `cmyk`, that converted to CMYK PDF/X (pdf/<id>.cmyk.pdf), each read back by the preflight (Ghostscript).
   */
  printShop?: { gs: string; cmyk?: CmykTools };
  /** Where a PDF that fails its check is kept to look at (default: beside the PDF it would have been). */
  rejectedDir?: string;
  /** The text blocks of each article's Markdown source, by its file (source-blocks.ts), checked against the PDF. */
  sourceBlocks?: Map<string, string[]>;
  /**
   * `runs` (the default): the issue's runs paginated side by side and cached; `whole`: the whole document in one
   * pass, as Paged.js alone would, the reference the runs are tested against.
   */
  engine?: 'runs' | 'whole';
  /**
   * Copyfit, where publication.yaml has it (`print.copyfit`, the default): a run whose last page would hold a few
   * lines is set again a little tighter where that saves the page (runtime/runs.ts). The `whole` engine has none.
   */
  copyfit?: boolean;
  /** Browser pages paginating side by side (default: QIKAN_PRINT_WORKERS, else one core less than there are). */
  workers?: number;
}

/**
 * A page paginates on one core, and the browser's other processes and the build (reading the PDFs' text) want
 * another: one page per core but one, up to four. On two cores (bench/print.ts, 2026-12-03) a second page is
 * slower at 294 pages (18.8 s against 15.3) and needs 1.25 GiB instead of 0.82.
 */
export function defaultWorkers(env = process.env, cores = os.availableParallelism()): number {
  const set = Number(env.QIKAN_PRINT_WORKERS);
  return Number.isInteger(set) && set > 0 ? set : Math.max(1, Math.min(4, cores - 1));
}

/**
 * The print engine: for each issue, its stages — prepare (the print document and its runs), paginate, decorate
 * (folios, running heads, 目录 numbers), images (prepared for print), render, merge, finish (outline, metadata,
 * boxes), verify (a PDF that fails is not written). An issue whose every input is unchanged gets its earlier PDF
 * from the cache, byte for byte. The site must already be built in `distDir`.
 */
export async function printIssues(
  model: Model,
  issues: Issue[],
  distDir: string,
  report: PrintReporter,
  options: PrintOptions = {},
): Promise<Map<string, PrintedIssue>> {
  const kind = kindOf(model.publication);
  const printed = new Map<string, PrintedIssue>();
  const cache = new PrintCache(model.root);
  const server = await serveDirectory(distDir);
  // Started for the first issue that needs it: an issue whose PDF comes from the cache needs none. Each context
  // gets the fonts from memory (serve.ts); pages share one, but for those that paginate side by side.
  let browser: Promise<Browser> | undefined;
  let shared: Promise<BrowserContext> | undefined;
  const newContext = async () => {
    const made = await (await (browser ??= launchBrowser())).newContext();
    await server.routeFonts(made);
    return made;
  };
  const context = () => (shared ??= newContext());
  try {
    const { printShop } = options;
    const common = hashOf(engineVersion(), chromiumVersion(), printShop ? 'print-shop' : 'screen');
    const profile = printShop?.cmyk && hashOf(await fs.readFile(printShop.cmyk.target.profile));
    for (const issue of issues) {
      const started = performance.now();
      const run = prepareRun(model, issue, server.url, !!printShop);
      const documentDir = path.join(distDir, printDocumentUrl(issue.id));
      const html = await fs.readFile(path.join(documentDir, 'index.html'), 'utf8');
      const meta = pdfMeta(model, issue);
      const engine = options.engine ?? kind.printEngine;
      const copyfit = engine === 'runs' && (options.copyfit ?? true) && model.publication.print.copyfit;
      const relative = printShop ? printShopFile(issue.id, 'print') : pdfFile(issue.id);
      const file = path.join(distDir, relative);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // The Markdown's text too: the check of the PDF against it must run again when it changes.
      const sources = issue.articles.map((a) => options.sourceBlocks?.get(a.file) ?? []);
      const issueKey = hashOf(
        'issue',
        common,
        engine,
        html,
        JSON.stringify({ meta, boxes: run.boxes, sources, copyfit }),
      );
      const cmykKey =
        printShop?.cmyk &&
        hashOf(issueKey, 'cmyk', printShop.cmyk.version, JSON.stringify(printShop.cmyk.target), profile!);
      const rejectedFile = (suffix: string) =>
        path.join(options.rejectedDir ?? path.dirname(file), `${issue.id}${suffix}.rejected.pdf`);
      const refuse = async (pdf: Uint8Array, problems: string[], suffix: string, shopFile?: string) => {
        const rejected = rejectedFile(suffix);
        await fs.mkdir(path.dirname(rejected), { recursive: true });
        await fs.writeFile(rejected, pdf);
        report.refused(issue, new PdfCheckError(issue, problems, path.relative(process.cwd(), rejected), shopFile));
      };
      // The CMYK file of a print file that passed: from the cache, or converted and read back by the preflight.
      const makeCmyk = async (pdf: Uint8Array, layout: PrintLayout): Promise<PrintedIssue['cmyk']> => {
        if (!printShop?.cmyk || !cmykKey) return null;
        const cmykFile = printShopFile(issue.id, 'cmyk');
        const t0 = performance.now();
        let bytes = cache.pdf(cmykKey);
        const reused = !!bytes;
        if (!bytes) {
          bytes = await toCmykPdfX(pdf, printShop.cmyk, meta);
          const [from, text] = await Promise.all([readPdfText(pdf), readPdfText(bytes)]);
          const source = await PDFDocument.load(pdf, LOAD_PDF);
          const problems = await checkPrintShop(bytes, printShop.gs, run, layout, {
            text,
            from,
            images: pageImageCounts(source),
            condition: printShop.cmyk.target.condition,
          });
          if (problems.length) {
            await refuse(bytes, problems, '.cmyk', cmykFile);
            return null;
          }
          cache.savePdf(cmykKey, bytes);
        }
        await fs.writeFile(path.join(distDir, cmykFile), bytes);
        return { file: cmykFile, bytes: bytes.byteLength, reused, seconds: (performance.now() - t0) / 1000 };
      };
      const kept = cache.json<{ layout: PrintLayout; warnings: string[] }>(issueKey);
      const keptPdf = kept && cache.pdf(issueKey);
      if (kept && keptPdf) {
        // A reused PDF says again what its making warned of: a warning does not go away with the cache.
        kept.warnings.forEach((w) => report.warn(w));
        await fs.writeFile(file, keptPdf);
        const cmyk = await makeCmyk(keptPdf, kept.layout);
        const result = { layout: kept.layout, file: relative, bytes: keptPdf.byteLength, cmyk };
        printed.set(issue.id, { ...result, work: { reused: true } });
        report.done(issue, printed.get(issue.id)!);
        continue;
      }
      const warnings: string[] = [];
      const issueReport: PrintReporter = {
        ...report,
        warn: (message) => {
          warnings.push(message);
          report.warn(message);
        },
      };
      const made =
        engine === 'whole'
          ? await printWhole(await context(), model, run, kind, documentDir, issueReport)
          : await printIssueRuns(
              await context(),
              newContext,
              model,
              run,
              kind,
              documentDir,
              html,
              common,
              cache,
              issueReport,
              { ...options, copyfit },
            );
      // The engine's own steps, which the runs' text reading still adds to while the issue is merged.
      const steps = made.steps;
      const timed = async <T>(step: string, job: () => Promise<T> | T): Promise<T> => {
        const t0 = performance.now();
        const value = await job();
        steps[step] = (performance.now() - t0) / 1000;
        return value;
      };
      const anchors = new Map(made.layout.articles.map((a) => [a.anchor, a.pdfPage]));
      const merged = await timed('merge', () => mergeRuns(made.parts, anchors));
      const outline = outlineEntries(issue.toc.print, made.layout);
      const pdf = await timed('finish', () => finishPdf(merged, meta, outline, run.boxes));
      const text = await (made.text ?? timed('read text', () => readPdfText(pdf)));
      const problems = await timed('verify', () =>
        verifyIssue(model, issue, made.layout, text, html, run.inset, kind, options),
      );
      if (problems.length) {
        await refuse(pdf, problems, printShop ? '.print' : '', printShop ? relative : undefined);
        continue;
      }
      if (printShop) {
        const found = await timed('preflight', () => checkPrintShop(pdf, printShop.gs, run, made.layout));
        if (found.length) {
          await refuse(pdf, found, '.print', relative);
          continue;
        }
      }
      await fs.writeFile(file, pdf);
      cache.savePdf(issueKey, pdf);
      cache.saveJson(issueKey, { layout: made.layout, warnings });
      const cmyk = await makeCmyk(pdf, made.layout);
      const seconds = (performance.now() - started) / 1000;
      const result: PrintedIssue = {
        layout: made.layout,
        file: relative,
        bytes: pdf.byteLength,
        cmyk,
        work: {
          reused: false,
          runs: made.parts.length,
          paginated: made.paginated,
          rendered: made.rendered,
          seconds,
          steps,
        },
      };
      printed.set(issue.id, result);
      report.done(issue, result);
    }
    cache.prune();
  } finally {
    await Promise.allSettled([browser?.then((b) => b.close()), server.close()]);
  }
  return printed;
}

interface Made {
  layout: PrintLayout;
  parts: Parameters<typeof mergeRuns>[0];
  /** The text of each page, where the engine reads it itself (perhaps still reading it). */
  text?: Promise<PageText[]>;
  paginated: number;
  rendered: number;
  steps: Record<string, number>;
}

/** The issue's runs side by side (stages/runs.ts), each from the cache where nothing it is made of changed. */
async function printIssueRuns(
  context: BrowserContext,
  newContext: () => Promise<BrowserContext>,
  model: Model,
  run: PrintRun,
  kind: PublicationKind,
  documentDir: string,
  html: string,
  common: string,
  cache: PrintCache,
  report: PrintReporter,
  options: PrintOptions,
): Promise<Made> {
  const { issue } = run;
  const { head, runs } = splitRuns(html);
  const imageDir = path.join(documentDir, 'images');
  const imageUrl = `${printDocumentUrl(issue.id)}images`;
  return printRuns({
    context,
    newContext,
    // Without copyfit the pages are as Paged.js alone makes them, as the whole document's are.
    url: options.copyfit ? run.url : withFlag(run.url, 'loose'),
    runs,
    common: hashOf(common, head, options.copyfit ? 'copyfit' : 'loose'),
    cache,
    workers: options.workers ?? defaultWorkers(),
    kind,
    heads: run.heads,
    prepareImages: async (page, images) => {
      const warnings = await prepareImages(page, model, issue, images, imageDir, imageUrl, !!run.boxes);
      warnings.forEach((w) => report.warn(w));
    },
    onProgress: ({ pages, runs: done }) => report.pages(issue, pages, { done, of: runs.length }),
  }).then((r) => {
    for (const p of r.layout.pages)
      for (const note of p.notes) report.warn(`${issue.id}: PDF page ${p.pdfPage}: ${note}`);
    return r;
  });
}

/** The whole document in one page: paginate → decorate → images → render. */
async function printWhole(
  context: BrowserContext,
  model: Model,
  run: PrintRun,
  kind: PublicationKind,
  documentDir: string,
  report: PrintReporter,
): Promise<Made> {
  const { issue } = run;
  const t0 = performance.now();
  const paginated = await paginate(context, run, (n) => report.pages(issue, n));
  const steps: Record<string, number> = { paginate: (performance.now() - t0) / 1000 };
  try {
    const layout = await decorate(run, paginated, kind);
    for (const p of layout.pages)
      for (const note of p.notes) report.warn(`${issue.id}: PDF page ${p.pdfPage}: ${note}`);
    const imageUrl = `${printDocumentUrl(issue.id)}images`;
    const warnings = await prepareImages(
      paginated.page,
      model,
      issue,
      layout.images,
      path.join(documentDir, 'images'),
      imageUrl,
      !!run.boxes,
    );
    warnings.forEach((w) => report.warn(w));
    const t1 = performance.now();
    const pdf = await renderPdf(paginated.page);
    steps.render = (performance.now() - t1) / 1000;
    return { layout, parts: [{ pdf, blankBefore: false, ids: new Set() }], paginated: 1, rendered: 1, steps };
  } finally {
    await paginated.page.close();
  }
}

/**
 * The verify stage: the PDF's text against the print document's and the Markdown's. The text of the runs' pages is
 * read from the PDFs they were printed in (the merge copies pages as they are), the whole document's from its PDF.
 */
function verifyIssue(
  model: Model,
  issue: Issue,
  layout: PrintLayout,
  pages: PageText[],
  html: string,
  bleed: number,
  kind: PublicationKind,
  options: PrintOptions,
): string[] {
  const blocks = articleBlocks(html);
  const sourceBlocks = new Map(issue.articles.map((a) => [a.anchor, options.sourceBlocks?.get(a.file) ?? []]));
  return verifyPdf({ publication: model.publication, issue, layout, pages, blocks, sourceBlocks, bleed }, kind);
}

/** The preflight of a print-shop file: its boxes and bleed, and for the CMYK file its text, inks and intent. */
async function checkPrintShop(
  bytes: Uint8Array,
  gs: string,
  run: PrintRun,
  layout: PrintLayout,
  cmyk?: PreflightInput['cmyk'],
): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, LOAD_PDF);
  const bleedPages = layout.bleeds.flatMap((b, i) => (b ? [i + 1] : []));
  return preflight({ doc, bytes, gs, boxes: run.boxes!, bleedPages, cmyk });
}

function pdfMeta(model: Model, issue: Issue): PdfMeta {
  const { publication } = model;
  return {
    title: `${publication.name} ${issue.label}`,
    author: publication.imprint.publisher.join('；'),
    subject: issue.meta.headline,
    keywords: [publication.name, publication.englishName ?? '', ...publication.sections.map((s) => s.title)].filter(
      Boolean,
    ),
    language: publication.language,
    date: issue.meta.date,
  };
}
