import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { imageRefs } from '../../src/core/images.ts';
import { readPublication, type Article, type Model } from '../../src/core/model.ts';
import { articlesFor } from '../../src/core/toc.ts';
import { launchBrowser } from '../../src/print/chromium.ts';
import { nuErrors } from './nu.ts';
import { serveDirectory } from '../../src/print/serve.ts';
import type { Built } from './build.ts';

/** Runs `work` with a Chromium and the built site served on loopback, and closes both. */
async function inBrowser<T>(out: string, work: (browser: Browser, base: string) => Promise<T>): Promise<T> {
  const server = await serveDirectory(out);
  const browser = await launchBrowser();
  try {
    return await work(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith('.html') ? [p] : [];
  });
}

/** Whether a root-relative URL of the site names a file that the build wrote. */
function resolves(out: string, url: string): boolean {
  const file = path.join(out, decodeURIComponent(url.split(/[?#]/)[0]!));
  return fs.existsSync(file) && (fs.statSync(file).isFile() || fs.existsSync(path.join(file, 'index.html')));
}

/** What the website must do for readers, search engines and feed readers, read from the built files. */
/** How many images an article's body shows, read from its source as the model read it. */
function imageCount(model: Model, article: Article): number {
  const source = readPublication(model.root).sources.articles.find((s) => s.file === article.file);
  return source?.tree ? imageRefs(source.tree).length : 0;
}

export function siteChecks(get: () => { built: Built; model: Model }): void {
  it('links and loads only what exists: every internal href, src and srcset candidate of every page resolves', () => {
    const { built } = get();
    const broken: string[] = [];
    for (const file of htmlFiles(built.out)) {
      const html = fs.readFileSync(file, 'utf8');
      const srcsets = [...html.matchAll(/srcset="([^"]*)"/g)].flatMap(([, set]) =>
        set!.split(',').map((c) => c.trim().split(/\s+/)[0]!),
      );
      for (const url of [...[...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!), ...srcsets]) {
        if (!resolves(built.out, url)) broken.push(`${path.relative(built.out, file)} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('offers each article image as a responsive AVIF first and WebP after, sized so that nothing shifts', () => {
    const { built, model } = get();
    const withImages = model.issues.flatMap((i) => articlesFor(i, 'web')).filter((a) => imageCount(model, a));
    expect(withImages.length).toBeGreaterThan(0);
    for (const article of withImages) {
      const pictures = [...built.html(article.url.slice(1, -1)).matchAll(/<picture>(.*?)<\/picture>/gs)].map(
        (m) => m[1]!,
      );
      expect(pictures.length, article.url).toBe(imageCount(model, article));
      for (const picture of pictures) {
        expect(picture).toMatch(
          /^<source type="image\/avif"[^>]* srcset="(\/_astro\/[^" ]+\.avif \d+w, )+[^"]+\.avif \d+w"/,
        );
        // Only what a <source> takes: an `src` there is an error to the browser (Lighthouse: deprecated API).
        expect(picture.match(/^<source[^>]*>/)![0].replace(/ (type|srcset|sizes|width|height)="[^"]*"/g, '')).toBe(
          '<source>',
        );
        expect(picture).toMatch(/<img [^>]*srcset="(\/_astro\/[^" ]+\.webp \d+w, )+[^"]+\.webp \d+w"/);
        expect(picture).toMatch(/<img [^>]*width="\d+" height="\d+"/);
      }
    }
  });

  it('has an RSS feed that parses and lists every article of the site', () => {
    const { built, model } = get();
    const rss = new XMLParser().parse(fs.readFileSync(path.join(built.out, 'rss.xml'), 'utf8'));
    const links = [rss.rss.channel.item].flat().map((i: { link: string }) => new URL(i.link).pathname);
    const expected = model.issues.flatMap((i) => articlesFor(i, 'web').map((a) => a.url));
    expect(links.sort()).toEqual(expected.sort());
  });

  it('has a sitemap that lists every article and no print document', () => {
    const { built, model } = get();
    const xml = new XMLParser().parse(fs.readFileSync(path.join(built.out, 'sitemap-0.xml'), 'utf8'));
    const urls = [xml.urlset.url].flat().map((u: { loc: string }) => new URL(u.loc).pathname);
    for (const a of model.issues.flatMap((i) => articlesFor(i, 'web'))) expect(urls).toContain(a.url);
    expect(urls.filter((u) => u.startsWith('/print/'))).toEqual([]);
  });

  it('gives each article page its canonical URL, link-preview tags and NewsArticle data', () => {
    const { built, model } = get();
    const issue = model.issues[0]!;
    const article = articlesFor(issue, 'web')[0]!;
    const html = built.html(article.url.slice(1));
    expect(html).toContain(`<link rel="canonical" href="${new URL(article.url, model.publication.siteUrl).href}">`);
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/[^"]+\.jpg">/);
    expect(html).toContain('<html lang="zh-CN">');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: article.title, inLanguage: 'zh-CN' });
    expect(html).toMatch(new RegExp(`阅读约${article.readingMinutes}分钟`));
  });

  it('tells on each article page where the article starts in print, and the size of each PDF', () => {
    const { built } = get();
    for (const issue of built.manifest.issues) {
      expect(built.html(issue.id)).toMatch(new RegExp(`data-pdf-info="${issue.id}">${issue.pages}页，[\\d.]+ MB<`));
      for (const a of issue.articles.filter((x) => x.url && x.folio)) {
        expect(built.html(a.url!.slice(1))).toContain(`印刷版第${Number(a.folio)}页`);
      }
    }
  });

  it('finds an article by a two-character Chinese query, in a real browser, the article titled with it first', async () => {
    const { built, model } = get();
    const expected = model.issues.flatMap((i) => articlesFor(i, 'web')).find((a) => a.title.includes('光刻'))!;
    const first = await inBrowser(built.out, async (browser, base) => {
      const page = await browser.newPage();
      await page.goto(`${base}/search/?q=${encodeURIComponent('光刻')}`);
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
      return page.getAttribute('.pagefind-ui__result-link', 'href');
    });
    expect(first).toBe(expected.url);
  });

  it('passes axe-core without any violation at 390 and 1280 px, light and dark, tables and search results included', async () => {
    const { built, model } = get();
    const issue = model.issues[0]!;
    const withTable = articlesFor(issue, 'web').find((a) =>
      built.html(a.url.slice(1)).includes('class="table-scroll"'),
    )!;
    const pages = [
      '/',
      `/${issue.id}/`,
      articlesFor(issue, 'web')[0]!.url,
      withTable.url,
      '/section/qiye/',
      `/search/?q=${encodeURIComponent('封装')}`,
    ];
    const problems = await inBrowser(built.out, async (browser, base) => {
      const found: string[] = [];
      for (const width of [390, 1280])
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
          const page = await context.newPage();
          for (const url of pages) {
            await page.goto(base + url);
            if (url.startsWith('/search/'))
              await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
            const { violations } = await new AxeBuilder({ page }).analyze();
            for (const v of violations) {
              found.push(
                `${width} ${colorScheme} ${url}: ${v.id} ${v.impact} (${v.nodes.length}×) ${v.nodes[0]?.target}`,
              );
            }
          }
          await context.close();
        }
      return found;
    });
    expect(problems).toEqual([]);
  }, 180_000);

  it('is valid HTML: the Nu checker finds no error on any page', () => {
    expect(nuErrors(get().built.out)).toEqual([]);
  });

  it('publishes the site and the PDFs, not the print documents they were made from nor their fonts', () => {
    const { built } = get();
    expect(fs.existsSync(path.join(built.out, 'print'))).toBe(false);
    const files = fs.readdirSync(built.out, { recursive: true }).map(String);
    expect(files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f))).toEqual([]);
    const bytes = files.reduce(
      (n, f) => n + (fs.statSync(path.join(built.out, f)).isFile() ? fs.statSync(path.join(built.out, f)).size : 0),
      0,
    );
    const pdfs = files
      .filter((f) => f.endsWith('.pdf'))
      .reduce((n, f) => n + fs.statSync(path.join(built.out, f)).size, 0);
    // Pages, images in three formats, the search index: a few MB besides the PDFs.
    expect(bytes - pdfs).toBeLessThan(12 * 1024 * 1024);
  });

  it('matches a query by its words as the index has them, not by single characters, and says where each result is', async () => {
    const { built, model } = get();
    const results = await inBrowser(built.out, async (browser, base) => {
      const page = await browser.newPage();
      await page.goto(`${base}/search/?q=${encodeURIComponent('封装')}`);
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
      return page.$$eval('.pagefind-ui__result', (els) =>
        els.map((e) => ({
          href: e.querySelector('a')!.getAttribute('href')!,
          marks: [...e.querySelectorAll('mark')].map((m) => m.textContent),
          tags: [...e.querySelectorAll('.pagefind-ui__result-tag')].map((t) => t.textContent!.trim()),
        })),
      );
    });
    const articles = new Map(model.issues.flatMap((i) => articlesFor(i, 'web').map((a) => [a.url, { a, i }])));
    expect(results.length).toBeGreaterThan(3);
    // Before, the query was cut into 封 + 装, which found 封测 and 装备.
    expect(new Set(results.flatMap((r) => r.marks))).toEqual(new Set(['封装']));
    const titled = results.findIndex((r) => !articles.get(r.href)!.a.title.includes('封装'));
    expect(titled === -1 || results.slice(titled).every((r) => !articles.get(r.href)!.a.title.includes('封装'))).toBe(
      true,
    );
    for (const r of results) {
      const { a, i } = articles.get(r.href)!;
      expect(r.tags.sort()).toEqual(
        [
          `期号: ${i.label}`,
          `栏目: ${model.sections.get(a.section)!.title}`,
          `日期: ${a.published.toISOString().slice(0, 10)}`,
        ].sort(),
      );
    }
  });

  it('keeps every page to a strict Content-Security-Policy, and breaks none of it in a real browser', async () => {
    const { built, model } = get();
    for (const file of htmlFiles(built.out).filter((f) => !f.includes(`${path.sep}print${path.sep}`))) {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(
        fs.readFileSync(file, 'utf8'),
      )?.[1];
      const search = path.relative(built.out, file) === path.join('search', 'index.html');
      expect(csp, path.relative(built.out, file)).toMatch(
        search
          ? /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'[^;]*;/
          : /^default-src 'none'; script-src 'self'; style-src 'self'[^;]*;/,
      );
      expect(csp).not.toContain('unsafe-inline');
    }
    const issue = model.issues[0]!;
    const urls = [
      '/',
      `/${issue.id}/`,
      articlesFor(issue, 'web')[0]!.url,
      '/section/qiye/',
      `/search/?q=${encodeURIComponent('封装')}`,
    ];
    const refused = await inBrowser(built.out, async (browser, base) => {
      const page = await browser.newPage();
      const found: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) found.push(`${page.url()}: ${m.text()}`);
      });
      for (const url of urls) await page.goto(base + url, { waitUntil: 'networkidle' });
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
      return found;
    });
    expect(refused).toEqual([]);
  });

  it('never scrolls sideways on a 390 px phone', async () => {
    const { built, model } = get();
    const issue = model.issues[0]!;
    const urls = ['/', `/${issue.id}/`, '/search/', '/section/qiye/', ...articlesFor(issue, 'web').map((a) => a.url)];
    const wide = await inBrowser(built.out, async (browser, base) => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const found: string[] = [];
      for (const url of urls) {
        await page.goto(base + url);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) found.push(`${url}: ${width} px`);
      }
      return found;
    });
    expect(wide).toEqual([]);
  });

  it('breaks titles between words on a 390 px phone, never inside one (集成电路专业高级/工程师, not 高/级)', async () => {
    const { built, model } = get();
    const issue = model.issues[0]!;
    const urls = ['/', `/${issue.id}/`, ...articlesFor(issue, 'web').map((a) => a.url)];
    const result = await inBrowser(built.out, async (browser, base) => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      let lines = 0;
      const inside: string[] = [];
      for (const url of urls) {
        await page.goto(base + url);
        const found = await page.evaluate(() => {
          // Each text node between two <wbr> is one word (lineParts): no line breaks inside it, but as Latin does.
          const broken: string[] = [];
          let wrapped = 0;
          for (const title of document.querySelectorAll('.phrased')) {
            const tops = new Set<number>();
            for (const node of title.childNodes) {
              if (node.nodeType !== Node.TEXT_NODE) continue;
              const text = node.textContent!;
              const range = document.createRange();
              const top = (i: number) => {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                return Math.round(range.getBoundingClientRect().top);
              };
              tops.add(top(0));
              // Latin inside a part breaks as Latin does: at a space, or after a hyphen (AEC-/Q100, never AEC/-Q100).
              for (let i = 1; i < text.length; i++) {
                if (top(i) !== top(i - 1) && !/[\s-]/.test(text[i - 1]!)) broken.push(text);
              }
            }
            if (tops.size > 1) wrapped++;
          }
          return { broken, wrapped };
        });
        lines += found.wrapped;
        inside.push(...found.broken.map((w) => `${url}: ${w}`));
      }
      return { lines, inside };
    });
    // Titles do wrap at this width (else the test says nothing), and never inside a word.
    expect(result.lines).toBeGreaterThan(10);
    expect(result.inside).toEqual([]);
  });

  it('sends an article page in 200 KB or less on a first visit, fonts and images included', async () => {
    const { built, model } = get();
    const article =
      articlesFor(model.issues[0]!, 'web').find((a) => imageCount(model, a)) ??
      articlesFor(model.issues[0]!, 'web')[0]!;
    const bytes = await inBrowser(built.out, async (browser, base) => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const sizes: Promise<number>[] = [];
      page.on('response', (r) =>
        sizes.push(
          r.body().then(
            (b) => b.length,
            () => 0,
          ),
        ),
      );
      await page.goto(base + article.url, { waitUntil: 'networkidle' });
      return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    });
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThanOrEqual(200 * 1024);
  });

  it('has a page per section across issues, and a 404 page', () => {
    const { built, model } = get();
    for (const s of model.publication.sections) {
      const html = built.html(`section/${s.id}`);
      for (const a of model.issues.flatMap((i) => articlesFor(i, 'web')).filter((a) => a.section === s.id)) {
        expect(html).toContain(`href="${a.url}"`);
      }
    }
    expect(fs.existsSync(path.join(built.out, '404.html'))).toBe(true);
  });
}
