import path from 'node:path';

/** The publication folder (publication.yaml + issues/) this process builds: `--root`, passed on as QIKAN_ROOT. */
export function publicationRoot(): string {
  return path.resolve(process.env.QIKAN_ROOT ?? process.cwd());
}

export function issuesDir(root: string): string {
  return path.join(root, 'issues');
}

/** Where an issue's PDF is, relative to the output folder (and, with a leading slash, its URL). */
export function pdfPath(issueId: string): string {
  return `pdf/${issueId}.pdf`;
}
