/** The textual conventions of the magazine's Markdown, in one place for all the plugins that read them. */

/** A figure caption: 图1 …, 图 2：…, 图3-1 …, or a newspaper photo's 图为…. */
export const FIGURE_CAPTION = /^(?:图\s*\d+(?:[-–.]\d+)?(?:\s*[：:]\s*|\s+|(?=[^\d]))|图为)/;
/** A photo's credit at the end of its caption: （本报记者 周楠 摄）, （刘锴 供图）. */
export const PHOTO_CREDIT = /[（(][^（）()]{1,30}?(?:摄|供图|摄影)[）)]$/;
/** A table caption: 表1 … */
export const TABLE_CAPTION = /^表\s*\d+(?:[-–.]\d+)?(?:\s*[：:]\s*|\s+|(?=[^\d]))/;
/** A data-source note under a table or figure: 资料来源：… / 数据来源：… */
export const DATA_SOURCE = /^(?:资料|数据)来源\s*[：:]/;
/** An article's 来源 line: （来源：…） or 来源：… */
export const SOURCE_LINE = /^[（(]\s*来源\s*[：:].*[）)]$|^来源\s*[：:]/;
/** A numbered subhead: 01 / 01. / (03) / （一） / 一、 / 1. / 1、 */
export const SUBHEAD_NUMBER =
  /^(?:\(\s*\d{1,2}\s*\)|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)|0\d(?![\d.%]))\s*/;
/** A question or answer paragraph of an interview. */
export const QA_LABEL = /^(问|答)\s*[：:]\s*/;
/**
 * The marker that opens a pull quote or a box of facts: a quote block whose first line is `[!引语]` or `[!资料]`
 * (GitHub's alert syntax, so that a contributor's pull request previews it as a quote).
 */
export const ASIDE_NAMES = {
  pullQuote: ['引语', 'pullquote', 'pull-quote'],
  factsBox: ['资料', '背景', '链接', 'facts', 'box'],
} as const;
export const PULL_QUOTE_MARK = new RegExp(String.raw`^\s*\[!(?:${ASIDE_NAMES.pullQuote.join('|')})\]\s*`, 'i');
export const FACTS_BOX_MARK = new RegExp(String.raw`^\s*\[!(?:${ASIDE_NAMES.factsBox.join('|')})\][^\S\n]*`, 'i');
/** Any marker of that form, known or not (`[!NOTE]`, a misspelt `[!引用]`). */
export const ANY_ASIDE_MARK = /^\s*\[!([^\]\n]{1,24})\]/;
