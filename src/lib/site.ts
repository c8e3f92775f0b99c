import { getEntry, render } from 'astro:content';
import { modelFor, type Article, type Issue } from './model.ts';
import { publicationRoot } from './paths.ts';

/** What every Astro route reads: the model computed once, and Astro's rendering of an article's body. */
export function model() {
  const full = modelFor(publicationRoot());
  const only = process.env.QIKAN_ONLY;
  return only ? { ...full, issues: full.issues.filter((i) => i.id === only) } : full;
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

export const pdfPath = (issue: Issue) => `/pdf/${issue.id}.pdf`;
