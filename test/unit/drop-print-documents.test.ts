import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropPrintDocuments } from '../../src/cli/drop-print-documents.ts';

function site(files: Record<string, string>): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qikan-drop-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), text);
  }
  return out;
}

const list = (out: string) =>
  (fs.readdirSync(out, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(out, path.join(d.parentPath, d.name)))
    .sort();

describe('dropPrintDocuments', () => {
  it('removes print/ and the assets only the print documents use, keeping what a web page uses', async () => {
    const out = site({
      'index.html':
        '<link rel="stylesheet" href="/_astro/Base.css"><img srcset="/_astro/a.avif 640w, /_astro/b.avif 1280w">',
      '2026-11/x/index.html': '<script type="module" src="/_astro/page.js"></script>',
      '_astro/Base.css': 'body{background:url(/_astro/shared.svg)}',
      '2026-11/y/index.html': '<table><th>增速 /%</th><td>占比 /%（同比）</td></table>',
      '_astro/page.js': 'import "./chunk.js";',
      '_astro/chunk.js': '',
      '_astro/a.avif': '',
      '_astro/b.avif': '',
      '_astro/shared.svg': '',
      '_astro/print.css':
        '@font-face{src:url(/_astro/serif.woff2) format("woff2"),url(/_astro/serif.woff)}a{background:url(/_astro/shared.svg)}',
      '_astro/serif.woff2': '',
      '_astro/serif.woff': '',
      '_astro/unlinked.js': '',
      '2026-11/index.html': '<meta property="og:image" content="https://example.org/_astro/share.jpg">',
      '_astro/share.jpg': '',
      'print/2026-11/index.html':
        '<link rel="stylesheet" href="/_astro/print.css"><img src="images/p.jpg"><img src="/_astro/a.avif"><img src="/_astro/share.jpg">',
      'print/2026-11/images/p.jpg': '',
      'pdf/2026-11.pdf': '',
      'rss.xml': '',
      'pagefind/pagefind.js': '',
    });
    const removed = await dropPrintDocuments(out);
    expect(removed).toEqual([
      '_astro/print.css',
      '_astro/serif.woff',
      '_astro/serif.woff2',
      'print/2026-11/images/p.jpg',
      'print/2026-11/index.html',
    ]);
    expect(list(out)).toEqual([
      '2026-11/index.html',
      '2026-11/x/index.html',
      '2026-11/y/index.html',
      '_astro/Base.css',
      '_astro/a.avif',
      '_astro/b.avif',
      '_astro/chunk.js',
      '_astro/page.js',
      '_astro/share.jpg',
      '_astro/shared.svg',
      // Not linked from anything: not the print documents' either, so it stays.
      '_astro/unlinked.js',
      'index.html',
      'pagefind/pagefind.js',
      'pdf/2026-11.pdf',
      'rss.xml',
    ]);
  });

  it('leaves a site without print documents as it is', async () => {
    const out = site({ 'index.html': '<link href="/_astro/a.css">', '_astro/a.css': '' });
    expect(await dropPrintDocuments(out)).toEqual([]);
    expect(list(out)).toEqual(['_astro/a.css', 'index.html']);
  });
});
