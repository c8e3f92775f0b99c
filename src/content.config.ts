import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import model from 'virtual:qikan/model';
import { IMPORT_REPORT, ISSUE_FILE, articleId, issuesDir } from './core/names.ts';
import { kindOf } from './kinds/index.ts';
import { issueImagePaths } from './kinds/kind.ts';
import { ISSUE_IMAGES_LOADER } from './site/integration.ts';

// The model has read and validated the files already (with line numbers). Astro adds what only it can do: rendering
// the articles' Markdown with their images, and processing the images issue.yaml names.
const base = issuesDir(model.root);
const kind = kindOf(model.publication);

export const collections = {
  articles: defineCollection({
    loader: glob({
      pattern: ['*/*.md', `!*/${IMPORT_REPORT}`],
      base,
      generateId: ({ entry }) => articleId(path.dirname(entry), path.basename(entry)),
    }),
  }),
  issues: defineCollection({
    loader: {
      name: ISSUE_IMAGES_LOADER,
      // In `astro dev` the integration refreshes it with the model read again after an edit.
      load: async ({ store, parseData, config, refreshContextData }) => {
        const current = (refreshContextData?.model as typeof model | undefined) ?? model;
        store.clear();
        for (const issue of current.issues) {
          const file = path.join(base, issue.id, ISSUE_FILE);
          const data = await parseData({ id: issue.id, data: issueImagePaths(kind, issue.meta), filePath: file });
          store.set({ id: issue.id, data, filePath: path.relative(fileURLToPath(config.root), file) });
        }
      },
    },
    schema: ({ image }) => z.object(Object.fromEntries(kind.issueImages.map((k) => [k, image().optional()]))),
  }),
};
