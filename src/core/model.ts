import fs from 'node:fs';
import path from 'node:path';
import { kindOf, type IssueMeta, type KindId } from '../kinds/index.ts';
import { issueImagePaths } from '../kinds/kind.ts';
import { ContentError, type Finding } from './findings.ts';
import { checkImage, isOutside } from './images.ts';
import { IMPORT_REPORT, ISSUE_FILE, ISSUE_ID, isArticleFile, issuesDir } from './names.ts';
import { readArticle, type ArticleSource } from './read-article.ts';
import { typeAreaMm } from '../print/geometry.ts';
import { readYamlFile } from './read-yaml-file.ts';
import { issueRouteData, sectionEntries } from './route-data.ts';
import type { ArticleFrontMatter } from './schema/article.ts';
import { publicationSchema, type Publication, type Section } from './schema/publication.ts';
import type { TocSection } from './toc.ts';
import { finding } from './rules.ts';
import { positionOf, type YamlSource } from './yaml-source.ts';

/**
 * The publication, read once: every file parsed and validated, and what pages would otherwise each work out
 * again (URLs, labels, the 目录, neighbours) computed once. `qikan check`, `qikan build`, the Astro pages (through
 * the virtual module of src/site/integration.ts) and the print pipeline all read this one model.
 */
export interface Model {
  root: string;
  kind: KindId;
  publication: Publication;
  /** The publication's sections by id, in their configured order, with their page's URL. */
  sections: Map<string, SectionEntry>;
  /** Newest first (by the kind's order: a magazine's by year, month and number, not by folder name). */
  issues: Issue[];
  /** The issues that are not drafts, newest first: what the home page, section pages, feed and sitemap list. */
  published: Issue[];
}

export interface SectionEntry extends Section {
  url: string;
}

export interface Issue {
  id: string;
  meta: IssueMeta;
  /** All articles, in printed order: by section as publication.yaml orders them, then by `order`. */
  articles: Article[];
  /** The issue's page on the site. */
  url: string;
  pdfUrl: string;
  /** How the issue names itself (总第86期 | 2026/10月刊). */
  label: string;
  /** The 目录 of each medium. */
  toc: { print: TocSection[]; web: TocSection[] };
}

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
  /** Minutes a reader needs for the body (Chinese text: about 400 characters a minute). */
  readingMinutes: number;
  /** The most columns of any of its tables (0 without one): print sets an article with a wide table in one column. */
  widestTable: number;
  /** The article's own date, else its issue's. */
  published: Date;
  /** The articles before and after it on the site. */
  prev?: ArticleLink;
  next?: ArticleLink;
}

export interface ArticleLink {
  title: string;
  url: string;
}

/** Each file as it was read, for the checks of `qikan check` that look past the model. */
export interface Sources {
  articles: ArticleSource[];
  issues: { id: string; file: string; path: string; yaml?: YamlSource; meta?: IssueMeta }[];
}

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
 * The one entry point: the publication as far as it is valid, every problem found in any file, and the files as
 * read. A build refuses any finding (loadModel); `qikan check` adds its own checks on the same sources.
 */
export function readPublication(
  root: string,
  options: LoadOptions = {},
): { model?: Model; findings: Finding[]; sources: Sources } {
  const findings: Finding[] = [];
  const sources: Sources = { articles: [], issues: [] };
  const rel = (p: string) => path.relative(root, p) || p;

  const read = readYamlFile(path.join(root, 'publication.yaml'), rel, publicationSchema, findings);
  const publication = read.data;
  if (publication && read.source) checkTypeArea(publication, read.source, findings);
  const kind = kindOf(publication);
  const dir = issuesDir(root);
  const issueIds = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  if (!issueIds.length) {
    findings.push(finding('missing-file', { file: rel(dir), line: 1 }, { issues: true }));
  }

  const issues: Issue[] = [];
  for (const id of issueIds.sort()) {
    if (!ISSUE_ID.test(id)) {
      findings.push(finding('file-name', { file: rel(path.join(dir, id)), line: 1 }, { issueId: id }));
      continue;
    }
    const issue = readIssue(root, id, publication, rel, findings, sources, options);
    if (issue) issues.push(issue);
  }
  reportDuplicateNumbers(sources.issues, findings);
  issues.sort((a, b) => kind.compareIssues(a.meta, b.meta));
  const model = publication && {
    root,
    kind: publication.kind,
    publication,
    sections: sectionEntries(publication),
    issues,
    published: issues.filter((i) => !i.meta.draft),
  };
  return { model, findings, sources };
}

function readIssue(
  root: string,
  id: string,
  publication: Publication | undefined,
  rel: (p: string) => string,
  findings: Finding[],
  sources: Sources,
  options: LoadOptions,
): Issue | undefined {
  const kind = kindOf(publication);
  const dir = path.join(issuesDir(root), id);
  const metaFile = path.join(dir, ISSUE_FILE);
  const { data: meta, source } = readYamlFile(metaFile, rel, kind.issueSchema, findings);
  sources.issues.push({ id, file: rel(metaFile), path: metaFile, yaml: source, meta });
  if (meta && source) {
    for (const [key, image] of Object.entries(issueImagePaths(kind, meta))) {
      const ref = { src: image, ...positionOf(source, [key, 'image']) };
      checkImage(ref, metaFile, dir, (f) => findings.push({ file: rel(metaFile), field: `${key}.image`, ...f }));
    }
  }

  const read: Omit<Article, 'published'>[] = [];
  const names = fs.readdirSync(dir).sort();
  for (const name of names.filter(isMisnamedArticle)) {
    const suggested = name.replace(/\.[^.]+$/, '.md').toLowerCase();
    findings.push(finding('file-name', { file: rel(path.join(dir, name)), line: 1 }, { extension: name, suggested }));
  }
  const files = names.filter(isArticleFile);
  for (const name of files) {
    const file = path.join(dir, name);
    const outside = linkOutside(file, root);
    if (outside) {
      findings.push(finding('file-outside', { file: rel(file), line: 1 }, { target: outside }));
      continue;
    }
    const { article, source } = readArticle(file, id, publication, rel, findings);
    sources.articles.push(source);
    if (article) read.push(article);
  }
  reportDuplicates(read, findings);

  const sectionIndex = new Map(publication?.sections.map((s, i) => [s.id, i]));
  read.sort((a, b) => sectionIndex.get(a.section)! - sectionIndex.get(b.section)! || a.order - b.order);
  if (!files.length && !options.allowEmptyIssues) {
    findings.push(finding('empty-issue', { file: rel(dir), line: 1 }, {}));
  }
  if (!meta || !publication) return undefined;
  let ok = true;
  for (const p of kind.issueProblems(meta, read, publication)) {
    ok = false;
    const yaml = p.file ? sources.articles.find((a) => a.file === p.file)?.yaml : source;
    const at = {
      file: p.file ?? rel(metaFile),
      ...(yaml ? positionOf(yaml, p.path) : { line: 1 }),
      field: p.path.join('.'),
    };
    const owner: unknown = p.file ? read.find((a) => a.file === p.file) : meta;
    const value = p.path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], owner);
    findings.push(
      finding('invalid-value', at, { field: at.field, empty: false, problem: p.problem, value, hint: p.hint }),
    );
  }
  if (!ok) return undefined;
  const articles = read.map((a) => ({ ...a, published: a.date ?? meta.date }));
  return issueRouteData(kind, publication, id, meta, articles);
}

/** The page must leave room for text inside its margins (type area at least 60 × 80 mm). */
function checkTypeArea(publication: Publication, source: YamlSource, findings: Finding[]): void {
  const { width, height } = typeAreaMm(publication.page);
  if (width >= 60 && height >= 80) return;
  const at = { file: source.file, ...positionOf(source, ['page', 'margins']), field: 'page.margins' };
  findings.push(finding('page-geometry', at, { width: Math.round(width), height: Math.round(height) }));
}

/** Two issues with one number (总第N期): each is told of the others. */
function reportDuplicateNumbers(issues: Sources['issues'], findings: Finding[]): void {
  const numbered = issues.filter((i) => i.meta && i.yaml);
  for (const group of Map.groupBy(numbered, (i) => i.meta!.number).values()) {
    if (group.length < 2) continue;
    for (const issue of group) {
      const others = group
        .filter((o) => o !== issue)
        .map((o) => o.file)
        .join('、');
      const at = { file: issue.file, ...positionOf(issue.yaml!, ['number']), field: 'number' };
      findings.push(finding('duplicate-number', at, { number: issue.meta!.number, others }));
    }
  }
}

/** Markdown by its extension that is not taken for an article: `.MD`, `.markdown`. */
function isMisnamedArticle(name: string): boolean {
  return /\.(md|markdown|mdown|mkd)$/i.test(name) && !isArticleFile(name) && name.toLowerCase() !== IMPORT_REPORT;
}

/** Where a symbolic link leads when that is outside the publication folder (a loop is reported on reading). */
function linkOutside(file: string, root: string): string | undefined {
  if (!fs.lstatSync(file).isSymbolicLink()) return undefined;
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch {
    return undefined;
  }
  return isOutside(fs.realpathSync(root), target) ? target : undefined;
}

/** Each article that shares its order or its web address with another is told so, naming the others. */
function reportDuplicates(articles: Omit<Article, 'published'>[], findings: Finding[]): void {
  type Read = (typeof articles)[number];
  const report = (key: (a: Read) => string, make: (a: Read, others: string) => Finding) => {
    for (const group of Map.groupBy(articles, key).values()) {
      if (group.length < 2) continue;
      for (const a of group) {
        const others = group.filter((o) => o !== a).map((o) => o.file);
        findings.push(make(a, others.join('、')));
      }
    }
  };
  report(
    (a) => String(a.order),
    (a, others) => finding('duplicate-order', { file: a.file, line: 1, field: 'order' }, { order: a.order, others }),
  );
  report(
    (a) => a.slug,
    (a, others) => finding('duplicate-slug', { file: a.file, line: 1 }, { url: a.url, others }),
  );
}
