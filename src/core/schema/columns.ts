import { z } from 'zod';

/** Body text in one column or two: a section's default, an article's own choice. */
export const columnsSchema = z.union([z.literal(1), z.literal(2)]);
export type Columns = z.output<typeof columnsSchema>;
