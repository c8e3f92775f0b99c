import type { ArticleFrontMatter } from '../../core/schema/article.ts';
import type { FrontMatterProblem } from '../kind.ts';

/** A magazine article's body is set in one column or two; its print has no place for a 编者按. */
export function frontMatterProblems(article: Partial<ArticleFrontMatter>): FrontMatterProblem[] {
  const problems: FrontMatterProblem[] = [];
  if (article.columns !== undefined && article.columns > 2)
    problems.push({
      field: 'columns',
      problem: '杂志的正文只分一栏或两栏',
      hint: '写 `columns: 1`（通栏）或 `columns: 2`（分两栏），否则删去这一行，按栏目设置排。',
    });
  if (article.editorNote !== undefined)
    problems.push({
      field: 'editorNote',
      problem: '“editorNote”（编者按）只用于报纸（kind: newspaper）',
      hint: '删去这一行，或把编者按写进正文开头。',
    });
  return problems;
}
