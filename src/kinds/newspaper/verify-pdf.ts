import type { Issue } from '../../core/model.ts';
import { compact } from '../../print/compact-text.ts';
import { pageCountProblems, pageProblems, type VerifyInput } from '../../print/stages/verify.ts';
import type { NewspaperIssueMeta } from './issue-schema.ts';
import { dateLine, mastheadFacts } from './masthead.ts';
import { asStory } from './story-schema.ts';

export const meta = (issue: Issue) => issue.meta as NewspaperIssueMeta;

/** 下转第N版 and 上接第M版 as the PDF's text has them, with the page they are on. */
export function jumpsIn(pages: string[]): { from: number; to: number; kind: 'down' | 'up' }[] {
  return pages.flatMap((text, i) => [
    ...[...text.matchAll(/下转第(\d+)版/g)].map((m) => ({ from: i + 1, to: Number(m[1]), kind: 'down' as const })),
    ...[...text.matchAll(/上接第(\d+)版/g)].map((m) => ({ from: Number(m[1]), to: i + 1, kind: 'up' as const })),
  ]);
}

/**
 * What a newspaper's PDF must show: one page per 版 of issue.yaml, each with its 报眉 (版序, 版名, date); on page 1
 * the masthead facts the rules for a newspaper's form ask for; every story's headline on its page; every jump
 * answered on the page it names; every advertisement labelled 广告.
 */
export function checkPdf({ publication, issue, layout, pages }: VerifyInput): string[] {
  const problems = [...pageCountProblems(layout, pages), ...pageProblems(layout)];
  const m = meta(issue);
  const text = pages.map((p) => p.compact);
  if (pages.length !== m.pages.length)
    problems.push(`the PDF has ${pages.length} pages, issue.yaml names ${m.pages.length} (pages:)`);
  for (const [i, page] of m.pages.entries()) {
    const head = compact(`第${i + 1}版`);
    if (text[i] !== undefined && !(text[i]!.includes(head) && text[i]!.includes(compact(page.name))))
      problems.push(`PDF page ${i + 1}: its 报眉 (${head} ${page.name}) is not printed`);
    if (text[i] !== undefined && !text[i]!.includes(compact(dateLine(m.date))))
      problems.push(`PDF page ${i + 1}: the date ${dateLine(m.date)} is not printed`);
  }
  for (const fact of mastheadFacts(publication, m))
    if (!text[0]?.includes(compact(fact))) problems.push(`PDF page 1: the masthead does not print "${fact}"`);
  const placed = new Map(layout.articles.map((a) => [a.anchor, a.pdfPage]));
  for (const story of issue.articles.map(asStory).filter((a) => a.print)) {
    const at = placed.get(story.anchor);
    if (at === undefined) problems.push(`${story.file}: "${story.title}" is missing from the PDF`);
    else if (at !== story.page)
      problems.push(`${story.file}: "${story.title}" is on PDF page ${at}, its front matter says page ${story.page}`);
  }
  const jumps = jumpsIn(text);
  for (const j of jumps) {
    const answer = jumps.some((o) => o.kind !== j.kind && o.from === j.from && o.to === j.to);
    if (!answer)
      problems.push(
        j.kind === 'down'
          ? `PDF page ${j.from}: 下转第${j.to}版, but page ${j.to} has no 上接第${j.from}版`
          : `PDF page ${j.to}: 上接第${j.from}版, but page ${j.from} has no 下转第${j.to}版`,
      );
  }
  for (const ad of m.ads)
    if (text[ad.page - 1] !== undefined && !text[ad.page - 1]!.includes('广告'))
      problems.push(`PDF page ${ad.page}: the advertisement of ${ad.advertiser} is not labelled 广告`);
  return problems;
}
