import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { model } from '../site/data.ts';
import { articlesFor } from '../core/toc.ts';

/** Feed readers take a description as HTML: a contributor's summary goes in as text. */
const asText = (s: string | undefined) => s?.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every article of every issue on the site, newest issue first, in printed order within an issue. */
export function GET(context: APIContext) {
  const { publication, sections, published: issues } = model;
  if (!context.site) return new Response('publication.yaml has no siteUrl, so there is no feed', { status: 404 });
  return rss({
    title: publication.name,
    description: `${publication.name}（${publication.englishName ?? ''}）${publication.frequency}`,
    site: context.site,
    customData: `<language>${publication.language}</language>`,
    items: issues.flatMap((issue) =>
      articlesFor(issue, 'web').map((a) => ({
        title: a.title,
        link: a.url,
        pubDate: a.published,
        description: asText(a.summary),
        categories: [sections.get(a.section)!.title, issue.label],
      })),
    ),
  });
}
