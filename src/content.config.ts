import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './core/schema/article.ts';
import { issueSchemaWith } from './core/schema/issue.ts';
import { IMPORT_REPORT, issuesDir, publicationRoot } from './core/paths.ts';

// The same files and schemas as src/lib/model.ts, which has already validated them with line numbers
// before Astro starts (qikan build). Astro adds what only it can do: rendering and image processing.
const base = issuesDir(publicationRoot());
const idOf = ({ entry }: { entry: string }) => entry.replace(/(\/issue)?\.(md|yaml)$/, '');

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: ['*/*.md', `!*/${IMPORT_REPORT}`], base, generateId: idOf }),
    schema: articleSchema,
  }),
  issues: defineCollection({
    loader: glob({ pattern: '*/issue.yaml', base, generateId: idOf }),
    schema: ({ image }) => issueSchemaWith(image()),
  }),
};
