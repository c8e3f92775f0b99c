import type { ArticleFrontMatter } from '../../core/schema/article.ts';
import type { FrontMatterProblem } from '../kind.ts';

/** The fields only a newspaper's stories have (a magazine's print has no place for a 编者按 either). */
const NEWSPAPER_ONLY = ['page', 'priority', 'lead', 'jumpTo', 'editorNote'] as const;

/** A magazine article's body is set in one column or two; a newspaper's placement fields mean nothing here. */
export function frontMatterProblems(article: ArticleFrontMatter): FrontMatterProblem[] {
  const problems: FrontMatterProblem[] = [];
  if (article.columns !== undefined && article.columns > 2)
    problems.push({
      field: 'columns',
      problem: '杂志的正文只分一栏或两栏',
      hint: '写 `columns: 1`（通栏）或 `columns: 2`（分两栏），否则删去这一行，按栏目设置排。',
    });
  for (const field of NEWSPAPER_ONLY)
    if (article[field] !== undefined)
      problems.push({
        field,
        problem: `“${field}”只用于报纸（kind: newspaper）`,
        hint: '删去这一行：杂志的文章按栏目和 order 排。',
      });
  return problems;
}
