import { z } from 'zod';

/**
 * A calendar date written YYYY-MM-DD. Our loader reads it as text, Astro's (js-yaml) as a Date: both become a
 * Date at UTC midnight. An empty value or a number is an error, not 1970-01-01.
 */
export const dateSchema = z
  .preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z.iso.date('日期应写成 YYYY-MM-DD'),
  )
  .transform((s) => new Date(`${s}T00:00:00Z`));
