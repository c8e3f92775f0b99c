import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mrmime';

/**
 * Serves the built site on loopback for the print step: Paged.js loads stylesheets with XMLHttpRequest, which
 * Chromium refuses over file://.
 */
export async function serveDirectory(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    let file = path.join(root, pathname);
    const inside = path.relative(root, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) return void res.writeHead(403).end();
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
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
