import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { expect, it } from 'vitest';
import type { Model } from '../../src/lib/model.ts';
import { articlesFor } from '../../src/lib/toc.ts';
import { launchBrowser } from '../../src/print/browser.ts';
import { serveDirectory } from '../../src/print/serve.ts';
import type { Built } from './build.ts';

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
export function siteChecks(get: () => { built: Built; model: Model }): void {
  it('links and loads only what exists: every internal href and src of every page resolves', () => {
    const { built } = get();
    const broken: string[] = [];
    for (const file of htmlFiles(built.out)) {
      const html = fs.readFileSync(file, 'utf8');
      for (const [, url] of html.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
        if (!resolves(built.out, url!)) broken.push(`${path.relative(built.out, file)} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
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
    const server = await serveDirectory(built.out);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('光刻')}`);
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
      expect(await page.getAttribute('.pagefind-ui__result-link', 'href')).toBe(expected.url);
    } finally {
      await browser.close();
      await server.close();
    }
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
