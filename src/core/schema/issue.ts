import { z } from 'zod';
import { dateSchema } from './date.ts';

/**
 * issue.yaml. The cover image's schema is a parameter: our loader checks a path, Astro's collection turns it into
 * an image it can process (the `image()` helper of content collections).
 */
export function issueSchemaWith<I extends z.ZodType>(image: I) {
  return z.strictObject({
    number: z.number().int().positive(),
    year: z.number().int().min(1900).max(2999),
    month: z.number().int().min(1).max(12),
    date: dateSchema,
    headline: z.string().min(1),
    cover: z.strictObject({ image, alt: z.string().min(1) }),
    /** Full-page images (advertisements) inside the front and back covers, printed to the trim edge. */
    insideCover: z.strictObject({ image, alt: z.string().min(1) }).optional(),
    insideBackCover: z.strictObject({ image, alt: z.string().min(1) }).optional(),
    coverLines: z.array(z.string()).default([]),
  });
}

export const issueSchema = issueSchemaWith(z.string().min(1));

/** The fields of issue.yaml that name an image. */
export const ISSUE_IMAGES = ['cover', 'insideCover', 'insideBackCover'] as const;

export type IssueMeta = z.output<typeof issueSchema>;
