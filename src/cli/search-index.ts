import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site for search with Pagefind: the article pages (they mark their text `data-pagefind-body`),
 * in Chinese (the pages say `lang="zh-CN"`, and Pagefind's extended build segments Chinese words).
 */
export async function indexSite(out: string): Promise<void> {
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
