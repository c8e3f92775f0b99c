import type { ArticleFrontMatter } from '../../core/schema/article.ts';
import type { Publication } from '../../core/schema/publication.ts';
import type { FrontMatterProblem, IssueProblem } from '../kind.ts';
import type { NewspaperIssueMeta } from './issue-schema.ts';
import { asStory, type StoryFields } from './story-schema.ts';

/** A story says where it goes: its page (版), and within the grid of publication.yaml, its width. */
export function frontMatterProblems(
  story: Partial<ArticleFrontMatter & StoryFields>,
  publication: Publication,
): FrontMatterProblem[] {
  const problems: FrontMatterProblem[] = [];
  const columns = publication.newspaper?.columns ?? 5;
  if (story.print !== false && story.page === undefined)
    problems.push({
      field: 'page',
      missing: true,
      problem: '报纸稿件须写排在第几版',
      hint: '写 `page: 1`（第1版），或写 `print: false` 只上网站。',
    });
  if (story.columns !== undefined && story.columns > columns)
    problems.push({
      field: 'columns',
      problem: `版面只有 ${columns} 栏（publication.yaml 的 newspaper.columns）`,
      hint: `写 1 到 ${columns} 之间的栏数，例如 \`columns: 2\`。`,
    });
  if (story.slot === 'ear' && story.page !== undefined && story.page !== 1)
    problems.push({
      field: 'slot',
      problem: `报眼在第1版报头旁（本稿在第${story.page}版）`,
      hint: '报眼稿件写 `page: 1`，否则删去 `slot: ear` 这一行。',
    });
  if (story.slot === 'ear' && story.jumpTo !== undefined)
    problems.push({
      field: 'jumpTo',
      problem: '报眼的稿件不转版',
      hint: '删去这一行，或把稿件写短，让它在报眼里排得下。',
    });
  if (story.jumpTo !== undefined && story.page !== undefined && story.jumpTo <= story.page)
    problems.push({
      field: 'jumpTo',
      problem: `转版只能转到后面的版（本稿在第${story.page}版）`,
      hint: `写第${story.page + 1}版或更后的版，例如 \`jumpTo: ${story.page + 1}\`，否则删去这一行。`,
    });
  return problems;
}

/** Every story and advertisement on a page the issue has, no advertisement wider than the grid. */
export function issueProblems(
  meta: NewspaperIssueMeta,
  stories: (ArticleFrontMatter & { file: string })[],
  publication: Publication,
): IssueProblem[] {
  const pages = meta.pages.length;
  const columns = publication.newspaper?.columns ?? 5;
  const past = `这一期只有 ${pages} 版（issue.yaml 的 pages）`;
  const hint = `写 1 到 ${pages} 之间的版号，或在 issue.yaml 的 pages 里加上这一版。`;
  const problems: IssueProblem[] = [];
  for (const [i, ad] of meta.ads.entries()) {
    if (ad.page > pages) problems.push({ path: ['ads', i, 'page'], problem: past, hint });
    if (ad.columns > columns)
      problems.push({
        path: ['ads', i, 'columns'],
        problem: `版面只有 ${columns} 栏`,
        hint: `写 1 到 ${columns} 之间的栏数。`,
      });
  }
  const ears = stories.map(asStory).filter((s) => s.slot === 'ear' && s.print !== false);
  for (const extra of ears.slice(1))
    problems.push({
      file: extra.file,
      path: ['slot'],
      problem: `一期只有一个报眼（${ears[0]!.file} 已经排在报眼）`,
      hint: '删去其中一篇的 `slot: ear`，让它排进版面。',
    });
  for (const story of stories.map(asStory))
    for (const field of ['page', 'jumpTo'] as const)
      if (story[field] !== undefined && story[field] > pages)
        problems.push({ file: story.file, path: [field], problem: past, hint });
  return problems;
}
