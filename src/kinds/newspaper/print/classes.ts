/** The class names the newspaper's print templates write and its composition (compose.ts) reads: one place. */
export const NP = {
  /** One page (版): a section of the print document, composed on its own. */
  page: 'np-page',
  /** The grid the page's stories are placed on, with `data-columns` its number of columns. */
  grid: 'np-grid',
  /** A box placed on the grid: a story, a continuation, an advertisement; `data-columns` is its width. */
  box: 'np-box',
  story: 'np-story',
  /** The 报眼: a short story in a box beside the masthead of page 1 (`slot: ear`), not on the grid. */
  ear: 'np-ear',
  /** A story's text, set in as many columns as the story is wide. */
  body: 'np-body',
  /** The line that ends a story's part on its page, or starts its continuation: （下转第N版）（上接第M版）. */
  jump: 'np-jump',
  /** An advertisement: placed at the foot of the page before the news. */
  ad: 'np-ad',
  /** A story continued from an earlier page, under its headline again. */
  continued: 'np-continued',
  continuedTitle: 'np-continued-title',
  /** The two parts of a paragraph a jump cuts: the first ends its column justified, the rest starts unindented. */
  splitFirst: 'np-split-first',
  splitRest: 'np-split-rest',
  /** A box with another beside it on its left: a column rule between them. */
  ruleLeft: 'np-rule-left',
  /** A box with another above it: a rule between them. */
  ruleTop: 'np-rule-top',
} as const;
