import type { ArticleFrontMatter } from '../../core/schema/article.ts';
import type { Publication } from '../../core/schema/publication.ts';
import type { FrontMatterProblem } from '../kind.ts';

/** A story says where it goes: its page (版), and within the grid of publication.yaml, its width. */
export function frontMatterProblems(story: ArticleFrontMatter, publication: Publication): FrontMatterProblem[] {
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
  if (story.jumpTo !== undefined && story.page !== undefined && story.jumpTo <= story.page)
    problems.push({
      field: 'jumpTo',
      problem: `转版只能转到后面的版（本稿在第${story.page}版）`,
      hint: `写第${story.page + 1}版或更后的版，例如 \`jumpTo: ${story.page + 1}\`，否则删去这一行。`,
    });
  return problems;
}
