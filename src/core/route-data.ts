import type { PublicationKind } from '../kinds/kind.ts';
import type { Article, ArticleLink, Issue, SectionEntry } from './model.ts';
import { issueUrl, pdfUrl, sectionUrl } from './routes.ts';
import type { IssueMeta } from '../kinds/index.ts';
import type { Publication } from './schema/publication.ts';
import { articlesFor, buildToc, type Medium } from './toc.ts';

/**
 * What pages read and would otherwise each work out again, computed once when the model is loaded: URLs,
 * labels, the 目录 of each medium, each article's neighbours on the site.
 */
export function issueRouteData(
  kind: PublicationKind<IssueMeta>,
  publication: Publication,
  id: string,
  meta: IssueMeta,
  articles: Article[],
): Issue {
  const issue = {
    id,
    meta,
    articles,
    url: issueUrl(id),
    pdfUrl: pdfUrl(id),
    label: kind.issueLabel(publication, meta),
    toc: { print: buildToc(publication, { articles }, 'print'), web: buildToc(publication, { articles }, 'web') },
  };
  for (const article of articlesFor(issue, 'web')) Object.assign(article, neighbours(issue, article, 'web'));
  return issue;
}

export function sectionEntries(publication: Publication): Map<string, SectionEntry> {
  return new Map(publication.sections.map((s) => [s.id, { ...s, url: sectionUrl(s.id) }]));
}

/** Previous and next article of the same issue in one medium, for the article page's navigation. */
export function neighbours(
  issue: { articles: Article[] },
  article: Article,
  medium: Medium,
): { prev?: ArticleLink; next?: ArticleLink } {
  const list = articlesFor(issue, medium);
  const i = list.findIndex((a) => a.id === article.id);
  const link = (a: Article | undefined) => a && { title: a.title, url: a.url };
  return { prev: link(list[i - 1]), next: link(list[i + 1]) };
}
