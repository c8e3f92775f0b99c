import { z } from 'zod';
import { dateSchema } from './date.ts';

/**
 * Front matter of one article. Shared by our own loader (which reports lines) and Astro's content collection.
 * Section ids are checked against publication.yaml by the model, since the schema cannot know them.
 */
export const articleSchema = z.strictObject({
  title: z.string().trim().min(1),
  subtitle: z.string().optional(),
  section: z.string().min(1),
  order: z.number().int().nonnegative().optional(),
  byline: z.string().optional(),
  authors: z.array(z.string()).optional(),
  source: z.string().optional(),
  date: dateSchema.optional(),
  summary: z.string().optional(),
  print: z.boolean().default(true),
  web: z.boolean().default(true),
  newPage: z.boolean().default(true),
  columns: z.union([z.literal(1), z.literal(2)]).optional(),
});

export type ArticleFrontMatter = z.output<typeof articleSchema>;

/** What a contributor is told when a field is wrong; keyed by field name. */
export const articleHints: Record<string, string> = {
  title: 'Give the article a title: `title: 文章标题`.',
  section: 'Set `section:` to one of the section ids in publication.yaml.',
  order: 'Use a whole number, or leave it out and start the file name with its order, e.g. `03-slug.md`.',
  date: 'Write the date as YYYY-MM-DD, e.g. `date: 2026-10-12`.',
  authors: 'List the authors as `authors: [张三, 李四]`, or use `byline: 本刊记者 张三`.',
  print: 'Use `print: false` to leave the article out of the PDF, or remove the key.',
  web: 'Use `web: false` to leave the article out of the website, or remove the key.',
  newPage: 'Use `newPage: false` to let a short item run on after the previous one, or remove the key.',
  columns: 'Use `columns: 2` for a two-column body, or remove the key to follow the section.',
};
