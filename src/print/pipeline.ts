import fs from 'node:fs/promises';
import path from 'node:path';
import type { Issue, Model } from '../core/model.ts';
import { pdfFile, printDocumentUrl } from '../core/routes.ts';
import type { PrintedIssue } from '../core/manifest.ts';
import { kindOf } from '../kinds/index.ts';
import type { PublicationKind } from '../kinds/kind.ts';
import type { PrintLayout } from './layout.ts';
import { launchBrowser } from './chromium.ts';
import { toCmykPdfX, type CmykTools } from './cmyk.ts';
import { lengthToPt } from './geometry.ts';
import { outlineEntries } from './outline.ts';
import { readPdfText } from './pdf-text.ts';
import { serveDirectory } from './serve.ts';
import { articleBlocks } from './source-text.ts';
import { decorate } from './stages/decorate.ts';
import { finishPdf, type PdfMeta } from './stages/finish.ts';
import { prepareImages } from './stages/images.ts';
import { mergeRuns } from './stages/merge.ts';
import { paginate, type Paginated } from './stages/paginate.ts';
import { prepareRun, type PrintRun } from './stages/prepare.ts';
import { renderPdf } from './stages/render.ts';
import { verifyPdf } from './stages/verify.ts';

export interface PrintReporter {
  pages(issue: Issue, count: number): void;
  warn(message: string): void;
  done(issue: Issue, result: PrintedIssue): void;
}

export class PdfCheckError extends Error {
  constructor(issue: Issue, problems: string[], rejected: string) {
    super(
      `The PDF of ${issue.id} was not written: it does not match the issue.\n  ${problems.join('\n  ')}\n` +
        `  (to look at what went wrong: ${rejected})`,
    );
    this.name = 'PdfCheckError';
  }
}

export interface PrintOptions {
  /** Bleed and crop marks from publication.yaml, with TrimBox and BleedBox set: the file for the print shop. */
  printReady?: boolean;
  /** Convert the checked PDF to CMYK PDF/X with these tools (implies printReady). */
  cmyk?: CmykTools;
  /** Where a PDF that fails its check is kept to look at (default: beside the PDF it would have been). */
  rejectedDir?: string;
  /** The text blocks of each article's Markdown source, by its file (source-blocks.ts), checked against the PDF. */
  sourceBlocks?: Map<string, string[]>;
}

/**
 * The print engine: for each issue, its stages one after another — prepare (the run's print document), paginate,
 * decorate (folios, running heads, 目录 numbers), images (prepared for print), render, merge, finish (outline,
 * metadata, boxes), verify (a PDF that fails is not written). The site must already be built in `distDir`.
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
  const browser = await launchBrowser();
  const server = await serveDirectory(distDir).catch(async (e) => {
    await browser.close();
    throw e;
  });
  try {
    for (const issue of issues) {
      const run = prepareRun(model, issue, server.url, !!options.printReady);
      const paginated = await paginate(browser, run, (n) => report.pages(issue, n));
      const documentDir = path.join(distDir, printDocumentUrl(issue.id));
      const { layout, raw } = await renderRun(model, run, paginated, kind, documentDir, report);
      const merged = await mergeRuns([raw]);
      const boxes = run.printReady
        ? {
            bleed: run.bleed,
            trimWidth: lengthToPt(model.publication.page.width),
            trimHeight: lengthToPt(model.publication.page.height),
          }
        : undefined;
      const meta = pdfMeta(model, issue);
      const pdf = await finishPdf(merged, meta, outlineEntries(issue.toc.print, layout), boxes);
      const blocks = articleBlocks(await fs.readFile(path.join(documentDir, 'index.html'), 'utf8'));
      const sourceBlocks = new Map(issue.articles.map((a) => [a.anchor, options.sourceBlocks?.get(a.file) ?? []]));
      const pages = await readPdfText(pdf);
      const input = { publication: model.publication, issue, layout, pages, blocks, sourceBlocks, bleed: run.bleed };
      const problems = verifyPdf(input, kind);
      const file = path.join(distDir, pdfFile(issue.id));
      await fs.mkdir(path.dirname(file), { recursive: true });
      if (problems.length) {
        const rejected = path.join(options.rejectedDir ?? path.dirname(file), `${issue.id}.rejected.pdf`);
        await fs.mkdir(path.dirname(rejected), { recursive: true });
        await fs.writeFile(rejected, pdf);
        throw new PdfCheckError(issue, problems, path.relative(process.cwd(), rejected));
      }
      const final = options.cmyk ? await toCmykPdfX(pdf, options.cmyk, meta) : pdf;
      await fs.writeFile(file, final);
      const result = { layout, bytes: final.byteLength, printReady: run.printReady, cmyk: !!options.cmyk };
      printed.set(issue.id, result);
      report.done(issue, result);
    }
  } finally {
    await Promise.allSettled([browser.close(), server.close()]);
  }
  return printed;
}

/** decorate → images → render, on the page the run was paginated in (closed after, whatever happens). */
async function renderRun(
  model: Model,
  run: PrintRun,
  paginated: Paginated,
  kind: PublicationKind,
  documentDir: string,
  report: PrintReporter,
): Promise<{ layout: PrintLayout; raw: Uint8Array }> {
  const { issue } = run;
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
    );
    warnings.forEach((w) => report.warn(w));
    return { layout, raw: await renderPdf(paginated.page) };
  } finally {
    await paginated.page.close();
  }
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
