import fs from 'node:fs/promises';
import path from 'node:path';
import type { Issue, Model } from '../core/model.ts';
import { issueLabel } from '../core/model.ts';
import { outlineEntries } from './outline.ts';
import { pdfPath } from '../core/paths.ts';
import { lengthToPt } from './geometry.ts';
import { buildToc } from '../core/toc.ts';
import type { PrintedIssue } from '../core/manifest.ts';
import { launchBrowser } from './chromium.ts';
import { checkPdf, lostText } from './stages/verify.ts';
import { paginateIssue } from './stages/paginate.ts';
import { toCmykPdfX, type CmykTools } from './cmyk.ts';
import { prepareImages } from './stages/images.ts';
import { finishPdf, renderPdf, type PdfMeta } from './stages/finish.ts';
import { readPdfText } from './pdf-text.ts';
import { serveDirectory } from './serve.ts';
import { articleBlocks } from './source-text.ts';

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

/**
 * The print engine, one step after another for each issue: paginate the print document, write the PDF,
 * check it against the issue (a PDF that fails is not written). The site must already be built in `distDir`.
 */
export interface PrintOptions {
  /** Bleed and crop marks from publication.yaml, with TrimBox and BleedBox set: the file for the print shop. */
  printReady?: boolean;
  /** Convert the checked PDF to CMYK PDF/X with these tools (implies printReady). */
  cmyk?: CmykTools;
}

export async function printIssues(
  model: Model,
  issues: Issue[],
  distDir: string,
  report: PrintReporter,
  options: PrintOptions = {},
): Promise<Map<string, PrintedIssue>> {
  const bleed = options.printReady ? lengthToPt(model.publication.print.bleed) : 0;
  const query = options.printReady ? '?print-ready' : '';
  const printed = new Map<string, PrintedIssue>();
  const browser = await launchBrowser();
  const server = await serveDirectory(distDir).catch(async (e) => {
    await browser.close();
    throw e;
  });
  try {
    for (const issue of issues) {
      const { page, layout } = await paginateIssue(browser, `${server.url}/print/${issue.id}/${query}`, (n) =>
        report.pages(issue, n),
      );
      for (const p of layout.pages)
        for (const note of p.notes) report.warn(`${issue.id}: PDF page ${p.pdfPage}: ${note}`);
      const imageDir = path.join(distDir, 'print', issue.id, 'images');
      const raw = await prepareImages(page, model, issue, layout.images, imageDir, `/print/${issue.id}/images`)
        .then((warnings) => warnings.forEach((w) => report.warn(w)))
        .then(() => renderPdf(page))
        .finally(() => page.close());
      const toc = buildToc(model.publication, issue, 'print');
      const boxes = options.printReady
        ? {
            bleed,
            trimWidth: lengthToPt(model.publication.page.width),
            trimHeight: lengthToPt(model.publication.page.height),
          }
        : undefined;
      const meta = pdfMeta(model, issue);
      const pdf = await finishPdf(raw, meta, outlineEntries(toc, layout), boxes);
      const text = await readPdfText(pdf);
      const blocks = articleBlocks(await fs.readFile(path.join(distDir, 'print', issue.id, 'index.html'), 'utf8'));
      const problems = [
        ...checkPdf(model.publication, issue, layout, text, bleed),
        ...lostText(model.publication, issue, layout, text, blocks, bleed),
      ];
      const file = path.join(distDir, pdfPath(issue.id));
      await fs.mkdir(path.dirname(file), { recursive: true });
      if (problems.length) {
        const rejected = file.replace(/\.pdf$/, '.rejected.pdf');
        await fs.writeFile(rejected, pdf);
        throw new PdfCheckError(issue, problems, path.relative(process.cwd(), rejected));
      }
      const final = options.cmyk ? await toCmykPdfX(pdf, options.cmyk, meta) : pdf;
      await fs.writeFile(file, final);
      const result = { layout, bytes: final.byteLength, printReady: !!options.printReady, cmyk: !!options.cmyk };
      printed.set(issue.id, result);
      report.done(issue, result);
    }
  } finally {
    await Promise.allSettled([browser.close(), server.close()]);
  }
  return printed;
}

function pdfMeta(model: Model, issue: Issue): PdfMeta {
  const { publication } = model;
  return {
    title: `${publication.name} ${issueLabel(publication, issue)}`,
    author: publication.imprint.publisher.join('；'),
    subject: issue.meta.headline,
    keywords: [publication.name, publication.englishName ?? '', ...publication.sections.map((s) => s.title)].filter(
      Boolean,
    ),
    language: publication.language,
    date: issue.meta.date,
  };
}
