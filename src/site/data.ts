import { getImage } from 'astro:assets';
import { getEntry, render } from 'astro:content';
import { loadModel, modelFor, type Article, type Issue } from '../core/model.ts';
import { pdfPath, publicationRoot } from '../core/paths.ts';

/** What every Astro route reads: the model computed once, and Astro's rendering of an article's body. */
export function model() {
  // `astro dev` must see edits as they are made; a build reads the files once.
  return import.meta.env.DEV ? loadModel(publicationRoot()) : modelFor(publicationRoot());
}

export async function renderArticle(article: Article) {
  const entry = await getEntry('articles', article.id);
  if (!entry) throw new Error(`${article.file}: Astro has no content entry "${article.id}"`);
  return render(entry);
}

export async function issueEntry(issue: Issue) {
  const entry = await getEntry('issues', issue.id);
  if (!entry) throw new Error(`issues/${issue.id}/issue.yaml: Astro has no content entry "${issue.id}"`);
  return entry;
}

export const pdfUrl = (issue: Issue) => `/${pdfPath(issue.id)}`;

/** The issue's cover as a 1200 px JPEG, the picture of link previews of the issue and its articles. */
export async function shareImage(issue: Issue): Promise<string> {
  const { cover } = (await issueEntry(issue)).data;
  return (await getImage({ src: cover.image, width: 1200, format: 'jpg' })).src;
}
