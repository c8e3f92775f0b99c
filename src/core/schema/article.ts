import { z } from 'zod';
import { dateSchema } from './date.ts';

/**
 * The front matter every kind's articles have, as our own loader reads it (reporting lines); a kind adds its own
 * fields (`articleFields` of src/kinds/). Section ids are checked against publication.yaml by the model, since the
 * schema cannot know them.
 */
export const articleFields = {
  title: z.string().trim().min(1),
  /** The 引题 printed above the title, in smaller type. */
  kicker: z.string().trim().min(1).optional(),
  /** The deck (副题) below the title. */
  subtitle: z.string().optional(),
  section: z.string().min(1),
  order: z.number().int().nonnegative().optional(),
  byline: z.string().optional(),
  authors: z.array(z.string()).optional(),
  source: z.string().optional(),
  date: dateSchema.optional(),
  summary: z.string().optional(),
  /** A sentence set large in the body, after its first third (a pull quote can also be written `> [!引语] …`). */
  pullQuote: z.string().trim().min(1).optional(),
  print: z.boolean().default(true),
  web: z.boolean().default(true),
  /** Start on a new page (true) or below the article before (false); unset, the section's `runOn` decides. */
  newPage: z.boolean().optional(),
  /** A magazine article's body in 1 or 2 columns; a newspaper story's width in the page's grid columns. */
  columns: z.number().int().min(1).max(10).optional(),
  /** The 编者按 printed in a box before the text. */
  editorNote: z.string().trim().min(1).optional(),
  /** The page a printed edition gave the article (its 目录), e.g. of a back issue brought in by `qikan import`. */
  printPage: z.number().int().positive().optional(),
} satisfies z.ZodRawShape;

/** The front matter of a kind's articles: the shared fields and the kind's own, no other. */
export function articleSchemaWith<F extends z.ZodRawShape>(kindFields: F) {
  return z.strictObject({ ...articleFields, ...kindFields });
}

const sharedSchema = articleSchemaWith({});
export type ArticleFrontMatter = z.output<typeof sharedSchema>;

/** What a contributor is told when a shared field is wrong; keyed by field name (a kind adds its own). */
export const articleHints: Record<string, string> = {
  title: '给文章一个标题：`title: 文章标题`。',
  kicker: '引题写成一行文字，例如 `kicker: 聚焦先进封装`，否则删去这一行。',
  pullQuote: '引语写成一句话，例如 `pullQuote: 封装已是系统的一部分。`，否则删去这一行。',
  section: '把 `section:` 设为 publication.yaml 中的一个栏目 id。',
  order: '写一个整数，或者省略它，让文件名以顺序号开头，例如 `03-slug.md`。',
  date: '日期写成 YYYY-MM-DD，例如 `date: 2026-10-12`。',
  authors: '作者写成 `authors: [张三, 李四]`，或用 `byline: 本刊记者 张三`。',
  print: '写 `print: false` 表示不排入印刷版，否则删去这一行。',
  web: '写 `web: false` 表示不上网站，否则删去这一行。',
  newPage: '写 `newPage: true`（另起一页）或 `newPage: false`（接在上一篇后面排），否则删去这一行，按栏目设置排。',
  columns: '杂志写 `columns: 1`（通栏）或 `columns: 2`（分两栏）；报纸写这篇稿件占几栏，例如 `columns: 3`。',
  editorNote: '编者按写成一段文字，否则删去这一行。',
  printPage: '写印刷版目录上的页码（正整数），例如 `printPage: 12`，否则删去这一行。',
};
