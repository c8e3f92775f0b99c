import type { PublicationKind } from '../kind.ts';
import { frontMatterProblems, issueProblems } from './front-matter.ts';
import { issueSchema, type NewspaperIssueMeta } from './issue-schema.ts';
import { issueNumbers } from './masthead.ts';
import { articleRanges, formatFolio, layoutPages } from './page-layout.ts';
import { storyFields, storyHints } from './story-schema.ts';
import { checkPdf } from './verify-pdf.ts';

/** A trade newspaper: pages (版) of stories placed on a grid, page 1 under the masthead, stories that jump. */
export const newspaper: PublicationKind<NewspaperIssueMeta> = {
  issueSchema,
  issueImages: [],
  issueLabel: (_publication, meta) => issueNumbers(meta),
  compareIssues: (a, b) => b.date.getTime() - a.date.getTime() || b.number - a.number,
  layoutPages,
  formatFolio,
  printPlace: (folio) => `见报第${folio}版`,
  articleRanges,
  verifyPdf: checkPdf,
  noun: '报纸',
  articleFields: storyFields,
  articleHints: storyHints,
  frontMatterProblems,
  issueProblems,
  printEngine: 'whole',
  jumps: true,
};
