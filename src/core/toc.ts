import type { Article } from './model.ts';
import type { Publication, Section } from './schema/publication.ts';

export type Medium = 'print' | 'web';

export interface TocSection {
  section: Section;
  articles: Article[];
}

/** The articles an issue shows in one medium (`print: false` / `web: false` leave them out). */
export function articlesFor(issue: { articles: Article[] }, medium: Medium): Article[] {
  return issue.articles.filter((a) => a[medium]);
}

/**
 * The 目录: the publication's sections in their configured order, each with its articles in printed order.
 * A section without an article in this medium is left out (it gets no opener either).
 */
export function buildToc(publication: Publication, issue: { articles: Article[] }, medium: Medium): TocSection[] {
  const articles = articlesFor(issue, medium);
  return publication.sections
    .map((section) => ({ section, articles: articles.filter((a) => a.section === section.id) }))
    .filter((s) => s.articles.length > 0);
}
