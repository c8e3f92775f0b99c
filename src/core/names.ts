import path from 'node:path';

/**
 * The names of a publication's folders and files: an issue folder's name is its id, an article's file name
 * (`03-slug.md`) gives its order and its slug. Both become URLs, file names and Astro content-entry ids.
 */

/** Slugs and issue ids become URLs and file names. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ISSUE_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** `03-slug.md`: up to three digits, so that `2026-outlook.md` is not taken for order 2026. */
const ORDER_PREFIX = /^(\d{1,3})-(.+)$/;

/** Markdown in an issue folder that is not an article: what `qikan import` reports about the issue it made. */
export const IMPORT_REPORT = 'import-report.md';

/** The file of an issue's own facts, in its folder. */
export const ISSUE_FILE = 'issue.yaml';

/** An issue folder's file that is an article: Markdown, and not the import report. */
export function isArticleFile(name: string): boolean {
  return name.endsWith('.md') && name !== IMPORT_REPORT;
}

/** What an article's file name says: `03-slug.md` → order 3, slug `slug`; `slug.md` → no order. */
export function parseArticleFileName(name: string): { base: string; order?: number; slug: string } {
  const base = name.replace(/\.md$/, '');
  const prefix = ORDER_PREFIX.exec(base);
  return prefix ? { base, order: Number(prefix[1]), slug: prefix[2]! } : { base, slug: base };
}

/** `03-slug.md`: the order with two digits at least. */
export function articleFileName(order: number, slug: string): string {
  return `${String(order).padStart(2, '0')}-${slug}.md`;
}

/** `<issue-id>/<file name without .md>`: the id of an article in the model and of its Astro content entry. */
export function articleId(issueId: string, fileName: string): string {
  return `${issueId}/${parseArticleFileName(fileName).base}`;
}

/** The folder of a publication that holds one folder per issue. */
export function issuesDir(root: string): string {
  return path.join(root, 'issues');
}

/** Every cache of a build, under the publication's root (git-ignored): `rm -rf .qikan dist` is a cold build. */
export const cacheDir = (root: string) => path.join(root, '.qikan', 'cache');
