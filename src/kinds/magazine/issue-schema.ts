import { z } from 'zod';
import { dateSchema } from '../../core/schema/date.ts';

const image = z.strictObject({ image: z.string().min(1), alt: z.string().min(1) });

/** A magazine's issue.yaml: its number, month and date, the cover and what the cover says. */
export const issueSchema = z.strictObject({
  number: z.number().int().positive(),
  year: z.number().int().min(1900).max(2999),
  month: z.number().int().min(1).max(12),
  date: dateSchema,
  headline: z.string().min(1),
  cover: image,
  /** Full-page images (advertisements) inside the front and back covers, printed to the trim edge. */
  insideCover: image.optional(),
  insideBackCover: image.optional(),
  coverLines: z.array(z.string()).default([]),
  /** Not yet published: built and previewed, but kept off the home page, the section pages, feeds, sitemap and search. */
  draft: z.boolean().default(false),
});

/** The fields of issue.yaml that name an image. */
export const ISSUE_IMAGES = ['cover', 'insideCover', 'insideBackCover'] as const;

export type IssueMeta = z.output<typeof issueSchema>;
