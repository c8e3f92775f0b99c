import fs from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_WORDS_URL } from '../core/routes.ts';
import { searchWords } from '../core/words.ts';

/**
 * Indexes the built site for search with Pagefind: the article pages (they mark their text `data-pagefind-body`),
 * in Chinese (the pages say `lang="zh-CN"`, and Pagefind's extended build segments Chinese words). Beside it go
 * the Chinese words of the texts indexed, with which the search page cuts queries as the index was cut.
 */
export async function indexSite(out: string, texts: string[]): Promise<void> {
  const words = [...new Set(texts.flatMap(searchWords))].sort();
  await fs.writeFile(path.join(out, SEARCH_WORDS_URL), JSON.stringify(words));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: out });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
