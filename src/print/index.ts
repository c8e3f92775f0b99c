import fs from 'node:fs/promises';
import path from 'node:path';
import type { Issue, Model } from '../lib/model.ts';
import { issueLabel } from '../lib/model.ts';
import { outlineEntries } from '../lib/outline.ts';
import { pdfPath } from '../lib/paths.ts';
import { buildToc } from '../lib/toc.ts';
import type { PrintedIssue } from '../lib/manifest.ts';
import { launchBrowser } from './browser.ts';
import { checkPdf, lostText } from './check.ts';
import { paginateIssue } from './paginate.ts';
import { finishPdf, renderPdf, type PdfMeta } from './pdf.ts';
import { readPdfText } from './pdf-text.ts';
import { serveDirectory } from './serve.ts';
import { articleBlocks } from './source-text.ts';

export interface PrintReporter {
  pages(issue: Issue, count: number): void;
  done(issue: Issue, result: PrintedIssue): void;
}

export class PdfCheckError extends Error {
  constructor(issue: Issue, problems: string[]) {
    super(`The PDF of ${issue.id} was not written: it does not match the issue.\n  ${problems.join('\n  ')}`);
    this.name = 'PdfCheckError';
  }
}

/**
 * The print engine, one step after another for each issue: paginate the print document, write the PDF,
 * check it against the issue (a PDF that fails is not written). The site must already be built in `distDir`.
 */
export async function printIssues(model: Model, issues: Issue[], distDir: string, report: PrintReporter): Promise<Map<string, PrintedIssue>> {
  const printed = new Map<string, PrintedIssue>();
  const browser = await launchBrowser();
  const server = await serveDirectory(distDir).catch(async (e) => {
    await browser.close();
    throw e;
  });
  try {
    for (const issue of issues) {
      const { page, layout } = await paginateIssue(browser, `${server.url}/print/${issue.id}/`, (n) => report.pages(issue, n));
      const raw = await renderPdf(page).finally(() => page.close());
      const toc = buildToc(model.publication, issue, 'print');
      const pdf = await finishPdf(raw, pdfMeta(model, issue), outlineEntries(toc, layout));
      const text = await readPdfText(pdf);
      const blocks = articleBlocks(await fs.readFile(path.join(distDir, 'print', issue.id, 'index.html'), 'utf8'));
      const problems = [
        ...checkPdf(model.publication, issue, layout, text),
        ...lostText(model.publication, issue, layout, text, blocks),
      ];
      if (problems.length) throw new PdfCheckError(issue, problems);
      const file = path.join(distDir, pdfPath(issue.id));
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, pdf);
      const result = { layout, bytes: pdf.byteLength };
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
    keywords: [publication.name, publication.englishName ?? '', ...publication.sections.map((s) => s.title)].filter(Boolean),
    language: publication.language,
    date: issue.meta.date,
  };
}
