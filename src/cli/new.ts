import type { NewspaperIssueMeta } from '../kinds/newspaper/issue-schema.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { ISSUE_TEMPLATE, TEMPLATE } from '../core/article-template.ts';
import { ContentError } from '../core/findings.ts';
import { loadModel, readPublication, type Issue } from '../core/model.ts';
import { ISSUE_FILE, ISSUE_ID, SLUG, articleFileName, issuesDir, parseArticleFileName } from '../core/names.ts';
import { issueSlugs, loadPinyin } from '../core/title-slugs.ts';

/** Today where the editor is (the machine's time zone), as YYYY-MM-DD. */
const today = (now = new Date()) => now.toLocaleDateString('sv-SE');

/**
 * The new article's slug from its title's pinyin, told apart from the issue's other titles as an import would;
 * `article-NN` for a title without Han or Latin words.
 */
async function slugFor(title: string, order: number, issue: Issue, files: string[]): Promise<string> {
  const number = String(order).padStart(2, '0');
  const slug = issueSlugs([...issue.articles, { title, order }], await loadPinyin()).at(-1);
  if (!slug) return `article-${number}`;
  const taken = files.some((f) => parseArticleFileName(f).slug === slug);
  return taken ? `${slug}-${number}` : slug;
}

/**
 * `qikan new article`: the next free order number in the issue, the front matter filled in, a short body to
 * write over. Another article's mistake does not stop it: only the issue and the sections must be readable.
 * Returns the path of the new file.
 */
export async function newArticle(
  root: string,
  opts: { issue: string; section: string; title: string; slug?: string },
): Promise<string> {
  const { model, findings } = readPublication(root, { allowEmptyIssues: true });
  if (!model) throw new ContentError(findings);
  const issue = model.issues.find((i) => i.id === opts.issue);
  // The folder is there but its issue.yaml cannot be read: say that, not that the issue does not exist.
  const own = findings.filter((f) =>
    f.file.startsWith(`${path.relative(root, path.join(issuesDir(root), opts.issue))}/issue.yaml`),
  );
  if (!issue && own.length) throw new ContentError(own);
  if (!issue)
    throw new Error(
      `${issuesDir(root)} 里没有“${opts.issue}”这一期（现有：${model.issues.map((i) => i.id).join('、')}）；要新建，运行 qikan new issue ${opts.issue}`,
    );
  const section = model.publication.sections.find((s) => s.id === opts.section);
  if (!section)
    throw new Error(
      `没有“${opts.section}”这个栏目；可用的栏目：${model.publication.sections.map((s) => `${s.id}（${s.title}）`).join('、')}`,
    );
  const dir = path.join(issuesDir(root), issue.id);
  // Orders of the articles that load, and of any file named NN-… (one with a mistake in it still holds its number).
  const names = (await fs.readdir(dir)).filter((f) => f.endsWith('.md'));
  const order =
    Math.max(0, ...issue.articles.map((a) => a.order), ...names.map((f) => parseArticleFileName(f).order ?? 0)) + 1;
  const slug = opts.slug ?? (await slugFor(opts.title, order, issue, names));
  if (!SLUG.test(slug)) throw new Error(`--slug “${slug}”：网址只用小写英文单词和连字符，例如 zhejiang-ic-report`);
  const taken = names.find((f) => parseArticleFileName(f).slug === slug);
  if (taken) throw new Error(`--slug “${slug}”已是 ${path.join(path.relative(root, dir), taken)} 的网址，请换一个`);
  const file = path.join(dir, articleFileName(order, slug));
  const frontMatter = stringify({
    title: opts.title,
    section: section.id,
    byline: TEMPLATE.byline,
    date: today(),
    summary: TEMPLATE.summary,
  });
  await fs.writeFile(file, `---\n${frontMatter}---\n${TEMPLATE.body}`, { flag: 'wx' });
  return path.relative(process.cwd(), file);
}

/**
 * `qikan new issue ID`: the folder, its issue.yaml (the next 总第N期) and, for a magazine, a plain cover to replace.
 */
/** Returns what the command says it made. */
export async function newIssue(root: string, id: string): Promise<string> {
  if (!ISSUE_ID.test(id)) throw new Error(`期号“${id}”：只用小写英文字母、数字和连字符，例如 2026-12`);
  const model = loadModel(root, { allowEmptyIssues: true });
  const dir = path.join(issuesDir(root), id);
  await fs.mkdir(path.join(dir, 'images'), { recursive: true });
  const ym = /^(\d{4})-(\d{2})$/.exec(id);
  const now = new Date();
  if (model.kind === 'newspaper') {
    // A newspaper's issue: dated by its folder's name (YYYY-MM-DD) or today, the pages of the one before.
    const date = /^\d{4}-\d{2}-\d{2}$/.test(id) ? id : today(now);
    const year = Number(date.slice(0, 4));
    const latest = model.issues[0]?.meta as NewspaperIssueMeta | undefined;
    const paper = {
      number: Math.max(0, ...model.issues.map((i) => i.meta.number)) + 1,
      yearNumber:
        Math.max(
          0,
          ...model.issues
            .filter((i) => i.meta.date.getUTCFullYear() === year)
            .map((i) => (i.meta as NewspaperIssueMeta).yearNumber),
        ) + 1,
      date,
      headline: ISSUE_TEMPLATE.headline,
      pages: latest?.pages ?? [{ name: '要闻' }],
    };
    await fs.writeFile(path.join(dir, ISSUE_FILE), stringify(paper), { flag: 'wx' });
    return `已创建 ${path.relative(process.cwd(), dir)}/（issue.yaml）：填写头条标题，核对日期、期号和版面`;
  }
  const meta = {
    number: Math.max(0, ...model.issues.map((i) => i.meta.number)) + 1,
    year: ym ? Number(ym[1]) : now.getUTCFullYear(),
    month: ym ? Number(ym[2]) : now.getUTCMonth() + 1,
    date: today(now),
    headline: ISSUE_TEMPLATE.headline,
    cover: { image: 'images/cover.jpg', alt: ISSUE_TEMPLATE.coverAlt },
    coverLines: [],
  };
  await fs.writeFile(path.join(dir, ISSUE_FILE), stringify(meta), { flag: 'wx' });
  await writePlainCover(dir);
  return `已创建 ${path.relative(process.cwd(), dir)}/（issue.yaml、images/cover.jpg）：填写封面标题，换上封面图`;
}

/**
 * A plain cover in the publication's blue, at print size, as images/cover.jpg of an issue folder, until the real
 * one is there (never over a real one). Also what `qikan import` gives an imported issue.
 */
export async function writePlainCover(dir: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'images'), { recursive: true });
  const cover = await sharp({ create: { width: 1800, height: 2000, channels: 3, background: '#0a2540' } })
    .jpeg()
    .toBuffer();
  await fs.writeFile(path.join(dir, 'images/cover.jpg'), cover, { flag: 'wx' }).catch(() => {});
}
