import fs from 'node:fs/promises';
import path from 'node:path';
import { PRINT_PREFIX } from '../core/routes.ts';

/** The files that link to others: pages, stylesheets, scripts. */
const LINKING = /\.(?:html|css|m?js)$/;
/** A site path (`/_astro/x.woff2`) or a relative one (`./chunk.js`) in HTML, CSS or JS, up to a quote or bracket. */
const REFERENCE = /(?<=["'(\s,=])(\/[^"'()\s,?#<>]+|\.\.?\/[^"'()\s,?#<>]+)/g;

/**
 * Every file of the output folder `out` that the given files use, following the stylesheets and scripts they
 * load (fonts of a stylesheet, chunks of a script): paths relative to `out`.
 */
export async function filesUsedBy(out: string, start: string[]): Promise<Set<string>> {
  const used = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop()!;
    if (used.has(file)) continue;
    used.add(file);
    if (!LINKING.test(file)) continue;
    // An absolute URL of the site's own (og:image) is a site path too.
    const text = (await fs.readFile(path.join(out, file), 'utf8').catch(() => '')).replace(
      /\bhttps?:\/\/[^/"'\s]+(?=\/)/g,
      '',
    );
    for (const [ref] of text.matchAll(REFERENCE)) {
      const target = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(file), ref);
      let rel: string;
      try {
        rel = path.posix.normalize(decodeURI(target));
      } catch {
        continue; // not a path (text such as 增速 /%)
      }
      if (rel.startsWith('..') || used.has(rel)) continue;
      if (await isFile(path.join(out, rel))) queue.push(rel);
    }
  }
  return used;
}

/**
 * Takes the print documents out of a built site once the PDFs are made: `print/` and what only they use (the
 * print fonts, some 38 MB, the print theme, print versions of images), so that readers get the site and the
 * PDFs, not the material the PDFs were made from. Returns the files removed.
 */
export async function dropPrintDocuments(out: string): Promise<string[]> {
  const printDir = PRINT_PREFIX.replace(/^\/|\/$/g, '');
  const files = (await fs.readdir(out, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.posix.join(path.relative(out, d.parentPath).split(path.sep).join('/'), d.name));
  const inPrint = (f: string) => f === printDir || f.startsWith(printDir + '/');
  const pages = files.filter((f) => f.endsWith('.html'));
  const web = await filesUsedBy(out, [...pages.filter((f) => !inPrint(f)), ...files.filter(isEntryPoint)]);
  const print = await filesUsedBy(out, pages.filter(inPrint));
  const removed = [...new Set([...files.filter(inPrint), ...[...print].filter((f) => !web.has(f))])].sort();
  for (const f of removed) await fs.rm(path.join(out, f), { force: true });
  await fs.rm(path.join(out, printDir), { recursive: true, force: true });
  return removed;
}

/** Files a reader's browser or a crawler opens without a link from a page (feeds, sitemaps, the search index). */
function isEntryPoint(file: string): boolean {
  return !file.startsWith('_astro/') && !file.endsWith('.html');
}

async function isFile(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => undefined))?.isFile() ?? false;
}
