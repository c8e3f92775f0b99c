import type { Publication } from '../../core/schema/publication.ts';
import type { NewspaperIssueMeta } from './issue-schema.ts';

const WEEKDAYS = '日一二三四五六';

/** 2026年11月6日 星期五: the date as a Chinese newspaper prints it. */
export function dateLine(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日 星期${WEEKDAYS[date.getUTCDay()]}`;
}

/** 第44期（总第1044期）. */
export const issueNumbers = (meta: NewspaperIssueMeta) => `第${meta.yearNumber}期（总第${meta.number}期）`;

/**
 * What page 1 must print, from publication.yaml and issue.yaml (《报纸期刊质量管理规定》): the paper's name, the
 * date, the issue's numbers, how many pages today, the CN number, 主管 and 主办, and the printer and the price.
 */
export function mastheadFacts(publication: Publication, meta: NewspaperIssueMeta): string[] {
  const paper = publication.newspaper!;
  return [
    publication.name,
    dateLine(meta.date),
    issueNumbers(meta),
    `今日${meta.pages.length}版`,
    `国内统一连续出版物号${paper.cn}`,
    `主管：${paper.authority}`,
    `主办：${paper.sponsors.join('　')}`,
    `印刷：${paper.printer}`,
    `定价：${paper.price}`,
  ];
}
