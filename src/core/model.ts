import fs from 'node:fs';
import path from 'node:path';
import { ContentError, type Finding } from './findings.ts';
import { splitFrontMatter } from './front-matter.ts';
import { toString } from 'mdast-util-to-string';
import { checkImage, imageRefs } from './images.ts';
import { parseMarkdown } from './markdown/parse.ts';
import { readUtf8 } from './read-text.ts';
import { readingMinutes } from './reading.ts';
import { issuesDir, isArticleFile } from './paths.ts';
import { articleHints, articleSchema, type ArticleFrontMatter } from './schema/article.ts';
import { ISSUE_IMAGES, issueSchema, type IssueMeta } from './schema/issue.ts';
import { publicationSchema, type Publication } from './schema/publication.ts';
import { didYouMean, parseYaml, positionOf, validateYaml, type YamlSource } from './yaml-source.ts';

export interface Article extends ArticleFrontMatter {
  /** `<issue-id>/<file name without .md>`: also the id of the Astro content entry. */
  id: string;
  issueId: string;
  /** Path relative to the publication root, for messages. */
  file: string;
  slug: string;
  order: number;
  /** Site URL of the article page, with leading and trailing slash. */
  url: string;
  /** HTML id of the article in the issue's print document. */
  anchor: string;
  /** The body's images in reading order, as paths relative to the publication root. */
  images: string[];
  /** Minutes a reader needs for the body (Chinese text: about 400 characters a minute). */
  readingMinutes: number;
}

export interface Issue {
  id: string;
  meta: IssueMeta;
  /** All articles, in printed order: by section as publication.yaml orders them, then by `order`. */
  articles: Article[];
}

export interface Model {
  root: string;
  publication: Publication;
  /** Newest first (by year, month and number, not by folder name). */
  issues: Issue[];
}

/** `03-slug.md`: up to three digits, so that `2026-outlook.md` is not taken for order 2026. */
export const ORDER_PREFIX = /^(\d{1,3})-(.+)$/;
/** Slugs and issue ids become URLs and file names. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ISSUE_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

export interface LoadOptions {
  /** An issue folder without articles yet is fine (`qikan new` fills it); a build refuses it. */
  allowEmptyIssues?: boolean;
}

/** Loads and validates the whole publication; throws a ContentError listing every problem found. */
export function loadModel(root: string, options: LoadOptions = {}): Model {
  const { model, findings } = readPublication(root, options);
  if (findings.length || !model) throw new ContentError(findings);
  return model;
}

/**
 * The publication as far as it is valid, and every problem found. A build refuses any finding (loadModel);
 * `qikan check` reports them with its own checks.
 */
export function readPublication(root: string, options: LoadOptions = {}): { model?: Model; findings: Finding[] } {
  const findings: Finding[] = [];
  const rel = (p: string) => path.relative(root, p) || p;

  const publication = loadYamlFile(path.join(root, 'publication.yaml'), rel, publicationSchema, findings).data;
  const dir = issuesDir(root);
  const issueIds = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  if (!issueIds.length) {
    findings.push({
      file: rel(dir),
      line: 1,
      rule: 'missing-file',
      message: '没有找到任何一期的文件夹',
      hint: '建立 issues/<期号>/，放入 issue.yaml 和文章；或运行 qikan new issue <期号>。',
    });
  }

  const issues: Issue[] = [];
  for (const id of issueIds.sort()) {
    if (!ISSUE_ID.test(id)) {
      findings.push({
        file: rel(path.join(dir, id)),
        line: 1,
        rule: 'file-name',
        message: `期号文件夹名“${id}”不能用作网址`,
        hint: '期号文件夹只用小写英文字母、数字和连字符，例如 2026-10。',
      });
      continue;
    }
    const issue = loadIssue(root, id, publication, rel, findings, options);
    if (issue) issues.push(issue);
  }
  const key = (i: Issue) => [i.meta.year, i.meta.month, i.meta.number];
  issues.sort((a, b) => key(b).reduce((d, v, k) => d || v - key(a)[k]!, 0));
  return { model: publication && { root, publication, issues }, findings };
}

const cache = new Map<string, Model>();
/** The model of a root, computed once per process (Astro pages all read the same one). */
export function modelFor(root: string): Model {
  let model = cache.get(root);
  if (!model) cache.set(root, (model = loadModel(root)));
  return model;
}

function loadYamlFile<T>(
  file: string,
  rel: (p: string) => string,
  schema: import('zod').ZodType<T>,
  findings: Finding[],
): { data?: T; source?: YamlSource } {
  if (!fs.existsSync(file)) {
    findings.push({
      file: rel(file),
      line: 1,
      rule: 'missing-file',
      message: `缺少文件 ${path.basename(file)}`,
      hint: `建立 ${path.basename(file)}（可参照示例期）。`,
    });
    return {};
  }
  const text = readUtf8(file);
  if (text === undefined) {
    findings.push(encodingFinding(rel(file)));
    return {};
  }
  const parsed = parseYaml(text, rel(file));
  findings.push(...parsed.findings);
  if (!parsed.source) return {};
  const { data, findings: f } = validateYaml(parsed.source, schema);
  findings.push(...f);
  return { data, source: parsed.source };
}

function loadIssue(
  root: string,
  id: string,
  publication: Publication | undefined,
  rel: (p: string) => string,
  findings: Finding[],
  options: LoadOptions,
): Issue | undefined {
  const dir = path.join(issuesDir(root), id);
  const metaFile = path.join(dir, 'issue.yaml');
  const { data: meta, source } = loadYamlFile(metaFile, rel, issueSchema, findings);
  if (meta && source) {
    for (const key of ISSUE_IMAGES) {
      const image = meta[key]?.image;
      if (!image) continue;
      const ref = { src: image, ...positionOf(source, [key, 'image']) };
      checkImage(ref, metaFile, dir, (f) => findings.push({ file: rel(metaFile), field: `${key}.image`, ...f }));
    }
  }

  const articles: Article[] = [];
  const files = fs.readdirSync(dir).filter(isArticleFile).sort();
  for (const name of files) {
    const article = loadArticle(path.join(dir, name), id, publication, rel, findings);
    if (article) articles.push(article);
  }
  reportDuplicateOrders(articles, findings);

  const sectionIndex = new Map(publication?.sections.map((s, i) => [s.id, i]));
  articles.sort((a, b) => sectionIndex.get(a.section)! - sectionIndex.get(b.section)! || a.order - b.order);
  if (!files.length && !options.allowEmptyIssues) {
    findings.push({
      file: rel(dir),
      line: 1,
      rule: 'empty-issue',
      message: '这一期还没有文章',
      hint: '加入文章（qikan new article），或删除这个文件夹。',
    });
  }
  return meta ? { id, meta, articles } : undefined;
}

function loadArticle(
  file: string,
  issueId: string,
  publication: Publication | undefined,
  rel: (p: string) => string,
  findings: Finding[],
): Article | undefined {
  const text = readUtf8(file);
  if (text === undefined) {
    findings.push(encodingFinding(rel(file)));
    return undefined;
  }
  const split = splitFrontMatter(text);
  if (!split) {
    findings.push({
      file: rel(file),
      line: 1,
      rule: 'no-front-matter',
      message: '文章没有前置信息（front matter）',
      hint: '文件第一行写 ---，接着写 title、section 等字段，再写一行 ---。',
    });
    return undefined;
  }
  const parsed = parseYaml(split.yaml, rel(file), split.yamlLine - 1);
  findings.push(...parsed.findings);
  const validated = parsed.source ? validateYaml(parsed.source, articleSchema, articleHints) : undefined;
  findings.push(...(validated?.findings ?? []));
  const data = validated?.data;
  let ok = true;

  // The body is checked even when the front matter is wrong, so that a contributor sees every problem at once.
  if (!split.body.trim()) {
    ok = false;
    findings.push({
      file: rel(file),
      line: split.bodyLine,
      rule: 'empty-article',
      message: '文章没有正文',
      hint: '在前置信息下面写正文，或删除这个文件。',
    });
  }
  const tree = parseMarkdown(split.body);
  const refs = imageRefs(tree);
  for (const ref of refs) {
    checkImage({ ...ref, line: ref.line + split.bodyLine - 1 }, file, path.dirname(file), (f) => {
      ok = false;
      findings.push({ file: rel(file), ...f });
    });
  }
  if (!data || !parsed.source) return undefined;
  const src: YamlSource = parsed.source;

  const base = path.basename(file, '.md');
  const prefix = ORDER_PREFIX.exec(base);
  const order = data.order ?? (prefix ? Number(prefix[1]) : undefined);
  const slug = prefix ? prefix[2]! : base;
  if (order === undefined) {
    ok = false;
    findings.push({
      file: rel(file),
      ...positionOf(src, []),
      field: 'order',
      rule: 'missing-order',
      message: '文章没有顺序号',
      hint: articleHints.order,
    });
  }
  if (publication && !publication.sections.some((s) => s.id === data.section)) {
    ok = false;
    const ids = publication.sections.map((s) => `${s.id}（${s.title}）`).join('、');
    const guess = didYouMean(
      data.section,
      publication.sections.map((s) => s.id),
    );
    findings.push({
      file: rel(file),
      ...positionOf(src, ['section']),
      field: 'section',
      rule: 'unknown-section',
      message: `没有“${data.section}”这个栏目` + (guess ? `，是不是“${guess}”？` : ''),
      hint: `可用的栏目：${ids}。`,
    });
  }
  if (!SLUG.test(slug)) {
    ok = false;
    findings.push({
      file: rel(file),
      line: 1,
      rule: 'file-name',
      message: `文件名给出的网址“${slug}”不是小写英文`,
      hint: '把文件改名为 NN-英文单词.md，例如 03-zhejiang-ic-report.md。',
    });
  }
  if (!ok) return undefined;
  return {
    ...data,
    id: `${issueId}/${base}`,
    issueId,
    file: rel(file),
    slug,
    order: order!,
    url: `/${issueId}/${slug}/`,
    anchor: `article-${slug}`,
    images: refs.map((r) => rel(path.resolve(path.dirname(file), decodeURI(r.src)))),
    readingMinutes: readingMinutes(toString(tree)),
  };
}

function encodingFinding(file: string): Finding {
  return {
    file,
    line: 1,
    rule: 'encoding',
    message: '文件不是 UTF-8 编码，读出来会是乱码',
    hint: '在编辑器里把文件另存为 UTF-8 编码（例如记事本“另存为”时选择 UTF-8）。',
  };
}

/** Each article that shares its order or its web address with another is told so, naming the others. */
function reportDuplicateOrders(articles: Article[], findings: Finding[]): void {
  const report = (
    key: (a: Article) => string,
    finding: (a: Article, others: string) => Omit<Finding, 'file' | 'line'>,
  ) => {
    const groups = Map.groupBy(articles, key);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const a of group)
        findings.push({
          file: a.file,
          line: 1,
          ...finding(
            a,
            group
              .filter((o) => o !== a)
              .map((o) => o.file)
              .join('、'),
          ),
        });
    }
  };
  report(
    (a) => String(a.order),
    (a, others) => ({
      field: 'order',
      rule: 'duplicate-order',
      message: `顺序号 ${a.order} 与 ${others} 重复`,
      hint: '同一期每篇文章用不同的顺序号（文件名开头的 NN-，或 order 字段）。',
    }),
  );
  report(
    (a) => a.slug,
    (a, others) => ({
      rule: 'duplicate-slug',
      message: `网址 /${a.issueId}/${a.slug}/ 与 ${others} 相同`,
      hint: '给其中一个文件改名。',
    }),
  );
}

/** 总第86期 | 2026/10月刊 */
export function issueLabel(publication: Publication, issue: Issue): string {
  const m = String(issue.meta.month).padStart(2, '0');
  return `总第${issue.meta.number}期 | ${issue.meta.year}/${m}${publication.frequency}`;
}
