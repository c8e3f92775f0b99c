import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { issueLabel } from '../lib/model.ts';
import { model } from '../lib/site.ts';
import { articlesFor } from '../lib/toc.ts';

/** Every article of every issue on the site, newest issue first, in printed order within an issue. */
export function GET(context: APIContext) {
  const { publication, issues } = model();
  const sections = new Map(publication.sections.map((s) => [s.id, s.title]));
  return rss({
    title: publication.name,
    description: `${publication.name}（${publication.englishName ?? ''}）${publication.frequency}`,
    site: context.site ?? 'http://localhost',
    customData: `<language>${publication.language}</language>`,
    items: issues.flatMap((issue) =>
      articlesFor(issue, 'web').map((a) => ({
        title: a.title,
        link: a.url,
        pubDate: a.date ?? issue.meta.date,
        description: a.summary,
        categories: [sections.get(a.section)!, issueLabel(publication, issue)],
      })),
    ),
  });
}
