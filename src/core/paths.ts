import path from 'node:path';

/** The publication folder (publication.yaml + issues/) this process builds: `--root`, passed on as QIKAN_ROOT. */
export function publicationRoot(): string {
  return path.resolve(process.env.QIKAN_ROOT ?? process.cwd());
}

export function issuesDir(root: string): string {
  return path.join(root, 'issues');
}

/** Markdown in an issue folder that is not an article: what `qikan import` reports about the issue it made. */
export const IMPORT_REPORT = 'import-report.md';

/** An issue folder's file that is an article: Markdown, and not the import report. */
export function isArticleFile(name: string): boolean {
  return name.endsWith('.md') && name !== IMPORT_REPORT;
}

/** Where an issue's PDF is, relative to the output folder (and, with a leading slash, its URL). */
export function pdfPath(issueId: string): string {
  return `pdf/${issueId}.pdf`;
}
