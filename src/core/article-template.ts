/**
 * What `qikan new article` writes for the writer to replace: each placeholder in full-width parentheses, so that
 * one left in by mistake is easy to see, and `qikan check` finds it (rule template-text).
 */
export const TEMPLATE = {
  byline: '本刊记者 （作者姓名）',
  summary: '（一句话概括本文，用于网站的目录、栏目页和搜索结果。）',
  body: ['（正文第一段，写在这里。）', '', '## 01 （小标题）', '', '（正文……）', ''].join('\n'),
};

/** What `qikan new issue` writes into issue.yaml for the editor to replace. */
export const ISSUE_TEMPLATE = { headline: '本期封面标题', coverAlt: '封面图的说明' };

const PLACEHOLDERS = [
  TEMPLATE.byline,
  TEMPLATE.summary,
  ...TEMPLATE.body
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^#+ \d+ /, '')),
];

/** Where a placeholder of the template is still in an article's text: offsets into `text`. */
export function placeholdersIn(text: string): { offset: number; placeholder: string }[] {
  return PLACEHOLDERS.flatMap((placeholder) =>
    [...text.matchAll(new RegExp(RegExp.escape(placeholder), 'g'))].map((m) => ({ offset: m.index, placeholder })),
  );
}
