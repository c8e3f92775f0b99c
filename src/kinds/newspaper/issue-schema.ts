import { z } from 'zod';
import { dateSchema } from '../../core/schema/date.ts';

const length = z.string().regex(/^\d+(\.\d+)?mm$/, '高度写成毫米，例如“55mm”');

/** An advertisement block of fixed size on one page, printed with its 广告 label (《报纸期刊质量管理规定》). */
const adSchema = z.strictObject({
  page: z.number().int().positive(),
  /** Its width in grid columns. */
  columns: z.number().int().positive(),
  height: length,
  advertiser: z.string().min(1),
  lines: z.array(z.string().min(1)).min(1),
});

/**
 * A newspaper's issue.yaml: its date, 总第N期 (`number`, unique) and 第N期 of the year, its pages (版) with their
 * names, and the advertisements placed on them.
 */
export const issueSchema = z
  .strictObject({
    /** 总第N期: the issue's number since the paper began. */
    number: z.number().int().positive(),
    /** 第N期: its number in the year. */
    yearNumber: z.number().int().positive(),
    date: dateSchema,
    /** The lead story's title, as the site and the PDF's metadata name the issue. */
    headline: z.string().min(1),
    pages: z
      .array(z.strictObject({ name: z.string().min(1) }))
      .min(1)
      .max(32),
    ads: z.array(adSchema).default([]),
    draft: z.boolean().default(false),
  })
  .transform((meta) => ({ ...meta, year: meta.date.getUTCFullYear(), coverLines: [] as string[] }));

export type NewspaperIssueMeta = z.output<typeof issueSchema>;
export type Ad = NewspaperIssueMeta['ads'][number];
