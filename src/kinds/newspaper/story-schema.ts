import { z } from 'zod';
import type { Article } from '../../core/model.ts';

/** What a newspaper story's front matter says beyond every article's: where it is placed, and where it jumps. */
export const storyFields = {
  /** The page (版) the story is placed on. */
  page: z.number().int().positive().optional(),
  /** Its place among the stories of its page, 1 the main one. */
  priority: z.number().int().positive().optional(),
  /** The words set bold before its first paragraph: 本报讯, 本报记者 王明. */
  lead: z.string().trim().min(1).optional(),
  /** The page where the story continues when its place on its own page is too short. */
  jumpTo: z.number().int().positive().optional(),
  /** A place of its own off the grid: `ear`, the 报眼 beside page 1's masthead. */
  slot: z.literal('ear').optional(),
} satisfies z.ZodRawShape;

export const storyHints: Record<keyof typeof storyFields, string> = {
  page: '写这篇稿件排在第几版，例如 `page: 2`。',
  priority: '写这篇稿件在本版的次序，1 是头条，例如 `priority: 2`。',
  lead: '写正文前的电头，例如 `lead: 本报讯`，否则删去这一行。',
  jumpTo: '写转到第几版续排，例如 `jumpTo: 4`，否则删去这一行。',
  slot: '写 `slot: ear`，把这篇短稿排在第1版报头旁的报眼里，否则删去这一行。',
};

export type StoryFields = z.output<z.ZodObject<typeof storyFields>>;
export type Story = Article & StoryFields;

/** A newspaper's article as its stories are: its front matter was read with the story fields (kinds/index.ts). */
export const asStory = <A extends Pick<Article, 'title'>>(article: A) => article as A & StoryFields;
