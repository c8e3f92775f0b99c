import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/findings.ts';
import { sortFindings } from '../core/findings.ts';
import { splitFrontMatter } from '../core/front-matter.ts';
import { SCHEME, imageRefs, isOutside } from '../core/images.ts';
import { parseMarkdown } from '../core/markdown/parse.ts';
import { readPublication, type Model } from '../core/model.ts';
import { placeholdersIn } from '../core/article-template.ts';
import { readUtf8 } from '../core/read-text.ts';
import { isArticleFile, issuesDir, pdfPath } from '../core/paths.ts';
import { textEms, tocTitleEms } from '../print/geometry.ts';
import { ISSUE_IMAGES } from '../core/schema/issue.ts';
import { parseYaml, positionOf } from '../core/yaml-source.ts';
import { checkHtml, checkImageSize, checkLinks } from './body-rules.ts';
import { fixChinese, lintChinese } from './chinese-text.ts';

export interface CheckOptions {
  /** Files or folders to report on (relative to the root or absolute); all of the publication when empty. */
  paths?: string[];
}

/**
 * Everything a build relies on, and what an editor would otherwise catch by eye, without building: the
 * model's own validation (what stops a build) and the checks that only `qikan check` makes.
 */
export async function checkPublication(root: string, options: CheckOptions = {}): Promise<Finding[]> {
  const { model, findings } = readPublication(root);
  for (const file of articleFiles(root)) findings.push(...(await checkArticleFile(root, file, model)));
  if (model) findings.push(...(await checkIssueImages(model)));
  const inScope = scopeOf(root, options);
  return sortFindings(findings.filter((f) => inScope(path.resolve(root, f.file))));
}

/** Whether a file is one of the paths asked for (all are, when none were). */
function scopeOf(root: string, options: CheckOptions): (file: string) => boolean {
  const scope = (options.paths ?? []).map((p) => path.resolve(root, p));
  return (file) => !scope.length || scope.some((s) => !isOutside(s, file));
}

/** The Markdown files of every issue folder. */
export function articleFiles(root: string): string[] {
  const dir = issuesDir(root);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(dir, d.name))
        .filter(isArticleFile)
        .map((f) => path.join(dir, d.name, f)),
    )
    .sort();
}

async function checkArticleFile(root: string, file: string, model: Model | undefined): Promise<Finding[]> {
  const rel = path.relative(root, file);
  const text = readUtf8(file);
  // A file that is not UTF-8 or has no front matter is reported by the model.
  const split = text === undefined ? undefined : splitFrontMatter(text);
  if (!split || text === undefined) return [];
  const findings: Finding[] = [];
  const textLines = lineStarts(text);
  for (const p of placeholdersIn(text)) {
    findings.push({
      file: rel,
      ...positionIn(textLines, p.offset),
      rule: 'template-text',
      message: `还留着占位文字“${p.placeholder}”`,
      hint: '换成文章的内容（署名、摘要不需要时可删去整行）。',
    });
  }
  // Positions in the body are of the body; the file's lines are the body's shifted by the front matter.
  const inFile = (f: Omit<Finding, 'file'>): void =>
    void findings.push({ ...f, file: rel, line: f.line + split.bodyLine - 1 });

  const { source } = parseYaml(split.yaml, rel, split.yamlLine - 1);
  const title = source?.doc.get('title');
  if (source && typeof title === 'string' && model) {
    const room = tocTitleEms(model.publication.page);
    if (textEms(title) > room) {
      findings.push({
        file: rel,
        ...positionOf(source, ['title']),
        field: 'title',
        rule: 'title-too-long',
        message: `标题约 ${Math.ceil(textEms(title))} 个字宽，印刷版目录一行只排得下约 ${Math.floor(room)} 个字`,
        hint: '缩短标题，把其余的话放进 subtitle（副标题）。',
      });
    }
  }

  const tree = parseMarkdown(split.body);
  checkLinks(tree, model && sitePaths(model), inFile);
  checkHtml(tree, inFile);
  for (const ref of imageRefs(tree)) {
    if (ref.raw || SCHEME.test(ref.src)) continue;
    const image = safeResolve(file, ref.src);
    if (image && !isOutside(path.dirname(file), image) && fs.existsSync(image)) {
      await checkImageSize(image, ref.src, ref, inFile);
    }
  }
  const lines = lineStarts(split.body);
  for (const p of lintChinese(split.body)) {
    inFile({
      ...positionIn(lines, p.offset),
      rule: p.rule,
      message: p.message,
      hint: p.fixable ? '运行 npm run qikan -- check --fix 自动改正。' : '确认不是有意的分隔后删去空格。',
    });
  }
  return findings;
}

async function checkIssueImages(model: Model): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const issue of model.issues) {
    const meta = path.join(issuesDir(model.root), issue.id, 'issue.yaml');
    const { source } = parseYaml(fs.readFileSync(meta, 'utf8'), path.relative(model.root, meta));
    for (const key of ISSUE_IMAGES) {
      const src = issue.meta[key]?.image;
      // The model has checked that it is a file inside the issue folder (or reported it).
      if (!src || !source || SCHEME.test(src) || !fs.existsSync(path.resolve(path.dirname(meta), src))) continue;
      const at = positionOf(source, [key, 'image']);
      await checkImageSize(path.resolve(path.dirname(meta), src), src, at, (f) =>
        findings.push({ ...f, file: source.file, field: `${key}.image` }),
      );
    }
  }
  return findings;
}

/** The addresses of the site's pages and PDFs, as an article may link to them. */
function sitePaths(model: Model): Set<string> {
  const paths = [
    '/',
    '/search/',
    '/rss.xml',
    '/sitemap-index.xml',
    ...model.publication.sections.map((s) => `/section/${s.id}/`),
  ];
  for (const issue of model.issues)
    paths.push(`/${issue.id}/`, `/${pdfPath(issue.id)}`, ...issue.articles.filter((a) => a.web).map((a) => a.url));
  return new Set(paths);
}

function safeResolve(file: string, src: string): string | undefined {
  try {
    return path.resolve(path.dirname(file), decodeURI(src));
  } catch {
    return undefined;
  }
}

function positionIn(lineStarts: number[], offset: number): { line: number; column: number } {
  const line = lineStarts.findLastIndex((start) => start <= offset);
  return { line: line + 1, column: offset - lineStarts[line]! + 1 };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * `qikan check --fix`: the safe Chinese-text fixes applied to the bodies of the articles in scope. The front
 * matter is copied byte for byte; returns the files that changed (relative to the root).
 */
export function fixPublication(root: string, options: CheckOptions = {}): string[] {
  const inScope = scopeOf(root, options);
  const changed: string[] = [];
  for (const file of articleFiles(root)) {
    if (!inScope(file)) continue;
    const text = readUtf8(file);
    const split = text === undefined ? undefined : splitFrontMatter(text);
    if (!split || text === undefined) continue;
    const bodyStart = lineStarts(text)[split.bodyLine - 1] ?? text.length;
    const body = text.slice(bodyStart);
    const fixed = fixChinese(body);
    if (fixed === body) continue;
    fs.writeFileSync(file, text.slice(0, bodyStart) + fixed);
    changed.push(path.relative(root, file));
  }
  return changed;
}
