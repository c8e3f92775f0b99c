import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDir, tmpDir } from '../helpers/build.ts';

/** A free TCP port for the dev server. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until `ok` holds for the response (the dev server reads and checks in the background). */
async function until(url: string, ok: (status: number, html: string) => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  let last = { status: 0, html: '' };
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      last = { status: r.status, html: await r.text() };
      if (ok(last.status, last.html)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url}: not as expected within ${ms} ms (last status ${last.status})`);
}

// `qikan dev` as an editor uses it: a publication with one article in error and one warning still opens, styled,
// and each page says what a build would say about its files.
describe('the preview (qikan dev)', () => {
  const root = path.join(tmpDir, 'preview-root');
  let dev: ChildProcess;
  let base: string;
  let log = '';

  beforeAll(async () => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(path.join(projectDir, 'test/fixtures/mini'), root, { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      const p = path.join(root, 'issues/2025-01', file);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(from, to));
    };
    edit('02-second-news.md', 'section: news', 'section: newz');
    edit('01-first-news.md', '总投资50亿元。', '总投资50亿元.本次');
    const port = await freePort();
    base = `http://localhost:${port}`;
    dev = spawn(process.execPath, ['src/cli/qikan.ts', 'dev', '--root', root, '--port', String(port)], {
      cwd: projectDir,
      // Astro's dev server serves nothing when it sees it runs under Vitest.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), CI: 'true' },
    });
    dev.stdout!.on('data', (d: Buffer) => (log += d));
    dev.stderr!.on('data', (d: Buffer) => (log += d));
  }, 30_000);

  afterAll(() => {
    dev?.kill();
  });

  it("shows an article's warnings on its page, once the check has run", async () => {
    const { status, html } = await until(`${base}/2025-01/first-news/`, (_, h) =>
      h.includes('zh-fullwidth-punctuation'),
    );
    expect(status).toBe(200);
    expect(html).toMatch(/issues\/2025-01\/01-first-news\.md:\d+:\d+<\/code> 警告/);
    // The article with the error is not this page's: it is counted, not listed here.
    expect(html).not.toContain('unknown-section');
    expect(html).toContain('本刊有 1 处错误、1 处警告');
  }, 90_000);

  it("shows the error of an article it left out on that article's address", async () => {
    const { status, html } = await until(`${base}/2025-01/second-news/`, (s) => s === 404);
    expect(status).toBe(404);
    expect(html).toContain('issues/2025-01/02-second-news.md:3:1</code> 错误 <code>unknown-section</code>');
    expect(html).toContain('是不是“news”');
  }, 60_000);

  it("leaves out the built site's Content-Security-Policy, which would block Vite's styles", async () => {
    const { html } = await until(`${base}/2025-01/`, (s) => s === 200);
    expect(html).not.toContain('Content-Security-Policy');
    expect(log).not.toMatch(/at .*src\/(core|site)\//);
  }, 60_000);

  it('publishes the article once its mistake is fixed, and drops the finding', async () => {
    const p = path.join(root, 'issues/2025-01/02-second-news.md');
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('section: newz', 'section: news'));
    const { html } = await until(`${base}/2025-01/second-news/`, (s, h) => s === 200 && h.includes('0 处错误'));
    expect(html).not.toContain('unknown-section');
  }, 60_000);
});
