import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { ISSUE_ID, SLUG, loadModel } from '../lib/model.ts';
import { issuesDir } from '../lib/paths.ts';

const today = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * `qikan new article`: the next free order number in the issue, the front matter filled in, a short body to
 * write over. Returns the path of the new file.
 */
export async function newArticle(root: string, opts: { issue: string; section: string; title: string; slug?: string }): Promise<string> {
  const model = loadModel(root, { allowEmptyIssues: true });
  const issue = model.issues.find((i) => i.id === opts.issue);
  if (!issue) throw new Error(`${issuesDir(root)} 里没有“${opts.issue}”这一期（现有：${model.issues.map((i) => i.id).join('、')}）；要新建，运行 qikan new issue ${opts.issue}`);
  const section = model.publication.sections.find((s) => s.id === opts.section);
  if (!section) throw new Error(`没有“${opts.section}”这个栏目；可用的栏目：${model.publication.sections.map((s) => `${s.id}（${s.title}）`).join('、')}`);
  const order = Math.max(0, ...issue.articles.map((a) => a.order)) + 1;
  const nn = String(order).padStart(2, '0');
  const slug = opts.slug ?? `article-${nn}`;
  if (!SLUG.test(slug)) throw new Error(`--slug “${slug}”：网址只用小写英文单词和连字符，例如 zhejiang-ic-report`);
  const taken = issue.articles.find((a) => a.slug === slug);
  if (taken) throw new Error(`--slug “${slug}”已是 ${taken.file} 的网址，请换一个`);
  const file = path.join(issuesDir(root), issue.id, `${nn}-${slug}.md`);
  const frontMatter = stringify({ title: opts.title, section: section.id, byline: '本刊记者 ', date: today(), summary: '一句话概括本文，用于网站和目录。' });
  const body = ['正文第一段，写在这里。', '', '## 01 小标题', '', '正文……', ''].join('\n');
  await fs.writeFile(file, `---\n${frontMatter}---\n${body}`, { flag: 'wx' });
  return path.relative(process.cwd(), file);
}

/** `qikan new issue ID`: the folder, its issue.yaml (the next 总第N期) and a plain cover to replace. */
export async function newIssue(root: string, id: string): Promise<string> {
  if (!ISSUE_ID.test(id)) throw new Error(`期号“${id}”：只用小写英文字母、数字和连字符，例如 2026-12`);
  const model = loadModel(root, { allowEmptyIssues: true });
  const dir = path.join(issuesDir(root), id);
  await fs.mkdir(path.join(dir, 'images'), { recursive: true });
  const ym = /^(\d{4})-(\d{2})$/.exec(id);
  const now = new Date();
  const meta = {
    number: Math.max(0, ...model.issues.map((i) => i.meta.number)) + 1,
    year: ym ? Number(ym[1]) : now.getUTCFullYear(),
    month: ym ? Number(ym[2]) : now.getUTCMonth() + 1,
    date: today(now),
    headline: '本期封面标题',
    cover: { image: 'images/cover.jpg', alt: '封面图的说明' },
    coverLines: [],
  };
  await fs.writeFile(path.join(dir, 'issue.yaml'), stringify(meta), { flag: 'wx' });
  await writePlainCover(dir);
  return path.relative(process.cwd(), dir);
}

/**
 * A plain cover in the publication's blue, at print size, as images/cover.jpg of an issue folder, until the real
 * one is there (never over a real one). Also what `qikan import` gives an imported issue.
 */
export async function writePlainCover(dir: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'images'), { recursive: true });
  const cover = await sharp({ create: { width: 1800, height: 2000, channels: 3, background: '#0a2540' } }).jpeg().toBuffer();
  await fs.writeFile(path.join(dir, 'images/cover.jpg'), cover, { flag: 'wx' }).catch(() => {});
}
