import type { Article, Issue } from './model.ts';
import type { Publication, Section } from './schema/publication.ts';

export type Medium = 'print' | 'web';

export interface TocSection {
  section: Section;
  articles: Article[];
}

/** The articles an issue shows in one medium (`print: false` / `web: false` leave them out). */
export function articlesFor(issue: Issue, medium: Medium): Article[] {
  return issue.articles.filter((a) => a[medium]);
}

/**
 * The 目录: the publication's sections in their configured order, each with its articles in printed order.
 * A section without an article in this medium is left out (it gets no opener either).
 */
export function buildToc(publication: Publication, issue: Issue, medium: Medium): TocSection[] {
  const articles = articlesFor(issue, medium);
  return publication.sections
    .map((section) => ({ section, articles: articles.filter((a) => a.section === section.id) }))
    .filter((s) => s.articles.length > 0);
}

/**
 * Whether an article starts on a new page in print. The first article of a section always does (it follows
 * the section opener); a later one only unless it set `newPage: false`.
 */
export function startsNewPage(toc: TocSection[], article: Article): boolean {
  const section = toc.find((s) => s.section.id === article.section);
  return !section || section.articles[0] === article || article.newPage;
}

/** Previous and next article of the same issue in one medium, for the article page's navigation. */
export function neighbours(issue: Issue, article: Article, medium: Medium): { prev?: Article; next?: Article } {
  const list = articlesFor(issue, medium);
  const i = list.findIndex((a) => a.id === article.id);
  return { prev: list[i - 1], next: list[i + 1] };
}
