import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/print/chromium.ts';
import { serveDirectory } from '../../src/print/serve.ts';
import { tmpDir } from '../helpers/build.ts';

const root = path.join(tmpDir, 'serve-fonts', 'site');

describe('routeFonts: the site’s fonts from memory', () => {
  it('answers a font of the site from its file, a missing one 404, and nothing outside the folder', async () => {
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'fonts'), { recursive: true });
    const bytes = Buffer.from('wOF2 bytes of a made-up font');
    fs.writeFileSync(path.join(root, 'fonts', 'face.woff2'), bytes);
    fs.writeFileSync(path.join(root, '..', 'secret.woff2'), 'outside the site');
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>fonts</title>');
    const server = await serveDirectory(root);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await server.routeFonts(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const answers = await page.evaluate(async () => {
        const get = async (url: string) => {
          const r = await fetch(url);
          return { status: r.status, text: r.ok ? await r.text() : '' };
        };
        return {
          font: await get('/fonts/face.woff2'),
          again: await get('/fonts/face.woff2'),
          missing: await get('/fonts/none.woff2'),
          outside: await get('/fonts/..%2f..%2fsecret.woff2'),
          protocols: performance
            .getEntriesByType('resource')
            .map((e) => (e as PerformanceResourceTiming).nextHopProtocol),
        };
      });
      expect(answers.font).toEqual({ status: 200, text: bytes.toString() });
      expect(answers.again).toEqual(answers.font);
      expect(answers.missing.status).toBe(404);
      expect(answers.outside.status).toBe(403);
      // Not one of them went over HTTP (a routed answer has no protocol).
      expect(answers.protocols).toEqual(['', '', '', '']);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
