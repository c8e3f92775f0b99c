import type { PublicationKind } from '../kind.ts';
import { ISSUE_IMAGES, issueSchema, type IssueMeta } from './issue-schema.ts';
import { frontMatterProblems } from './front-matter.ts';
import { formatFolio, layoutPages } from './page-layout.ts';
import { tocTitleEms } from './page-rules.ts';
import { articleRanges, checkPdf } from './verify-pdf.ts';

/** A monthly magazine: cover, 目录, sections with openers, articles that follow one another, back cover. */
export const magazine: PublicationKind<IssueMeta> = {
  issueSchema,
  issueImages: ISSUE_IMAGES,
  issueLabel: (publication, meta) =>
    `总第${meta.number}期 | ${meta.year}/${String(meta.month).padStart(2, '0')}${publication.frequency}`,
  compareIssues: (a, b) => b.year - a.year || b.month - a.month || b.number - a.number,
  layoutPages,
  formatFolio,
  printPlace: (folio) => `印刷版第${folio}页`,
  titleRoom: tocTitleEms,
  articleRanges,
  verifyPdf: ({ publication, issue, layout, pages, bleed }) => checkPdf(publication, issue, layout, pages, bleed),
  noun: '杂志',
  articleFields: {},
  articleHints: {},
  frontMatterProblems,
  issueProblems: () => [],
  printEngine: 'runs',
  jumps: false,
};
