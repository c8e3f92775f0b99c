import path from 'node:path';
import type { Finding } from '../core/findings.ts';
import { severityOf } from '../core/findings.ts';
import { isArticleFile, parseArticleFileName } from '../core/names.ts';
import { articleUrl } from '../core/routes.ts';

/** A finding as the preview shows it on a page. */
export interface ShownFinding {
  where: string;
  severity: 'error' | 'warning';
  rule: string;
  field?: string;
  message: string;
  hint?: string;
}

/** The site URL an article file would have: the preview's page for an article it had to leave out. */
export function urlOfArticleFile(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1)!;
  const issueId = parts.at(-2);
  if (parts.length < 3 || parts.at(-3) !== 'issues' || !issueId || !isArticleFile(name)) return undefined;
  return articleUrl(issueId, parseArticleFileName(name).slug);
}

/** What the preview shows on the page at `pathname`: the findings of its article's file, errors first. */
export function findingsAt(findings: Finding[], pathname: string, files: string[] = []): ShownFinding[] {
  const normal = (p: string) => path.posix.normalize(p.replace(/\\/g, '/'));
  const here = new Set(files.map(normal));
  return findings
    .filter((f) => here.has(normal(f.file)) || urlOfArticleFile(f.file) === pathname)
    .map(shown)
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function shown(f: Finding): ShownFinding {
  return {
    where: `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}`,
    severity: severityOf(f),
    rule: f.rule,
    field: f.field,
    message: f.message,
    hint: f.hint,
  };
}
