import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { getEntry, render } from 'astro:content';
import model, { findings, preview } from 'virtual:qikan/model';
import type { Article, Issue } from '../core/model.ts';

/** What every Astro route reads: the model, computed once before Astro started (src/site/integration.ts). */
export { model, findings, preview };

/** Astro's rendering of an article's body (its content entry), images included. */
export async function renderArticle(article: Article) {
  const entry = await getEntry('articles', article.id);
  if (!entry) throw new Error(`${article.file}: Astro has no content entry "${article.id}"`);
  return render(entry);
}

/** An image that issue.yaml names (cover, insideCover…), as Astro's image pipeline processes it. */
export async function issueImage(issue: Issue, field: string): Promise<ImageMetadata | undefined> {
  const entry = await getEntry('issues', issue.id);
  if (!entry) throw new Error(`issues/${issue.id}/issue.yaml: Astro has no content entry "${issue.id}"`);
  return entry.data[field];
}

/** The issue's cover as a 1200 px JPEG, the picture of link previews of the issue and its articles (a newspaper has none). */
export async function shareImage(issue: Issue): Promise<string | undefined> {
  const cover = await issueImage(issue, 'cover');
  return cover && (await getImage({ src: cover, width: 1200, format: 'jpg' })).src;
}
