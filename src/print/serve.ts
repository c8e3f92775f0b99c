import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mrmime';
import type { BrowserContext } from 'playwright-core';

export interface Served {
  url: string;
  close: () => Promise<void>;
  /**
   * Has a browser context get the site's fonts straight from memory rather than over HTTP: an issue's text needs
   * some 250 font files (a CJK face comes in a hundred unicode-range subsets), and Chromium fetches six at a time
   * from one host (76 pages: 1.3 s → 0.7 s before the first page is laid out). Each file is read once per build.
   */
  routeFonts: (context: BrowserContext) => Promise<void>;
}

/**
 * Serves the built site on loopback for the print step: Paged.js loads stylesheets with XMLHttpRequest, which
 * Chromium refuses over file://.
 */
export async function serveDirectory(dir: string): Promise<Served> {
  const root = path.resolve(dir);
  /** The file a URL's path names below the root, or undefined for one outside it (or no path at all). */
  const fileOf = (url: string): { file: string; pathname: string } | undefined => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
    } catch {
      return undefined;
    }
    const file = path.join(root, pathname);
    const inside = path.relative(root, file);
    return inside.startsWith('..') || path.isAbsolute(inside) ? undefined : { file, pathname };
  };
  const server = http.createServer((req, res) => {
    const found = fileOf(req.url ?? '/');
    if (!found) return void res.writeHead(403).end();
    const { pathname } = found;
    let { file } = found;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) return void res.writeHead(404).end('not found');
      // Vite names the files under /_astro/ by their content: every page of the print step may keep them.
      const cache = pathname.startsWith('/_astro/') ? { 'cache-control': 'public, max-age=31536000, immutable' } : {};
      res.writeHead(200, { 'content-type': lookup(file) ?? 'application/octet-stream', ...cache }).end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const fonts = new Map<string, Promise<Buffer>>();
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    routeFonts: async (context) => {
      await context.route(
        (u) => u.origin === url && /\.woff2?$/.test(u.pathname),
        async (route) => {
          const found = fileOf(route.request().url());
          let body: Buffer | undefined;
          if (found) {
            let data = fonts.get(found.file);
            if (!data) fonts.set(found.file, (data = fs.promises.readFile(found.file)));
            body = await data.catch(() => undefined);
            if (!body) fonts.delete(found.file);
          }
          const answer = !found
            ? { status: 403 }
            : body
              ? { body, contentType: lookup(found.file) ?? 'font/woff2' }
              : { status: 404 };
          // A page closed meanwhile needs no answer.
          await route.fulfill(answer).catch(() => {});
        },
      );
    },
  };
}
