import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/findings.ts';
import { sortFindings } from '../core/findings.ts';
import { imageRefs, isOutside } from '../core/images.ts';
import { readPublication, type Model, type Sources } from '../core/model.ts';
import { ISSUE_TEMPLATE, placeholdersIn } from '../core/article-template.ts';
import type { ArticleSource } from '../core/read-article.ts';
import { FEED_URL, SEARCH_URL, SITEMAP_URL } from '../core/routes.ts';
import { isRemote } from '../core/urls.ts';
import { kindOf } from '../kinds/index.ts';
import { issueImagePaths } from '../kinds/kind.ts';
import { textEms } from '../print/geometry.ts';
import { described, finding } from '../core/rules.ts';
import { positionOf } from '../core/yaml-source.ts';
import { checkAsideMarkers, checkHtml, checkImageFile, checkLinks } from './body-rules.ts';
import { fixChinese, lintChinese } from './chinese-text.ts';

export interface CheckOptions {
  /** Files or folders to report on (relative to the root or absolute); all of the publication when empty. */
  paths?: string[];
}

/**
 * Everything a build relies on, and what an editor would otherwise catch by eye, without building: the
 * model's own validation (what stops a build) and the checks that only `qikan check` makes, on the files as the
 * model read them.
 */
export async function checkPublication(root: string, options: CheckOptions = {}): Promise<Finding[]> {
  return checkRead(root, readPublication(root), options);
}

/** The same, on a publication already read (what `qikan build` has read once for everything it does). */
export async function checkRead(
  root: string,
  read: ReturnType<typeof readPublication>,
  options: CheckOptions = {},
): Promise<Finding[]> {
  const { model, sources } = read;
  const findings = [...read.findings];
  for (const source of sources.articles) findings.push(...(await checkArticleFile(source, model)));
  if (model) findings.push(...(await checkIssueFiles(model, sources)));
  const inScope = scopeOf(root, options);
  return sortFindings(findings.filter((f) => inScope(path.resolve(root, f.file))));
}

/** Whether a file is one of the paths asked for (all are, when none were). */
function scopeOf(root: string, options: CheckOptions): (file: string) => boolean {
  const scope = (options.paths ?? []).map((p) => path.resolve(root, p));
  return (file) => !scope.length || scope.some((s) => !isOutside(s, file));
}

async function checkArticleFile(source: ArticleSource, model: Model | undefined): Promise<Finding[]> {
  const { file: rel, text, split, tree } = source;
  // A file that is not UTF-8 or has no front matter is reported by the model.
  if (!split || text === undefined || !tree) return [];
  const findings: Finding[] = [];
  const textLines = lineStarts(text);
  for (const p of placeholdersIn(text)) {
    findings.push(finding('template-text', { file: rel, ...positionIn(textLines, p.offset) }, p));
  }
  // Positions in the body are of the body; the file's lines are the body's shifted by the front matter.
  const inFile = (f: Omit<Finding, 'file'>): void =>
    void findings.push({ ...f, file: rel, line: f.line + split.bodyLine - 1 });

  const title = source.yaml?.doc.get('title');
  if (source.yaml && typeof title === 'string' && model) {
    const room = kindOf(model.publication).titleRoom?.(model.publication.page) ?? Infinity;
    if (textEms(title) > room) {
      const at = { file: rel, ...positionOf(source.yaml, ['title']), field: 'title' };
      findings.push(finding('title-too-long', at, { ems: Math.ceil(textEms(title)), room: Math.floor(room) }));
    }
  }

  checkLinks(tree, model && sitePaths(model), inFile);
  checkHtml(tree, inFile);
  checkAsideMarkers(tree, inFile);
  for (const ref of imageRefs(tree)) {
    if (ref.raw || isRemote(ref.src)) continue;
    const image = safeResolve(source.path, ref.src);
    if (image && !isOutside(path.dirname(source.path), image) && fs.existsSync(image)) {
      await checkImageFile(image, ref.src, { line: ref.line, column: ref.column }, inFile);
    }
  }
  const lines = lineStarts(split.body);
  for (const p of lintChinese(split.body)) {
    inFile({ ...positionIn(lines, p.offset), ...described(p.rule, p) });
  }
  return findings;
}

async function checkIssueFiles(model: Model, sources: Sources): Promise<Finding[]> {
  const findings: Finding[] = [];
  const kind = kindOf(model.publication);
  for (const { path: meta, file, yaml, meta: data } of sources.issues) {
    if (yaml && data) {
      const placeholders: [string[], string][] = [
        [['headline'], ISSUE_TEMPLATE.headline],
        [['cover', 'alt'], ISSUE_TEMPLATE.coverAlt],
      ];
      for (const [at, placeholder] of placeholders) {
        if (yaml.doc.getIn(at) !== placeholder) continue;
        const place = { file, ...positionOf(yaml, at), field: at.join('.') };
        findings.push(finding('template-text', place, { placeholder, issue: true }));
      }
    }
    for (const [key, src] of Object.entries(issueImagePaths(kind, data ?? {}))) {
      // The model has checked that it is a file inside the issue folder (or reported it).
      if (!yaml || isRemote(src) || !fs.existsSync(path.resolve(path.dirname(meta), src))) continue;
      const at = positionOf(yaml, [key, 'image']);
      await checkImageFile(path.resolve(path.dirname(meta), src), src, at, (f) =>
        findings.push({ ...f, file: yaml.file, field: `${key}.image` }),
      );
    }
  }
  return findings;
}

/** The addresses of the site's pages and PDFs, as an article may link to them. */
function sitePaths(model: Model): Set<string> {
  const paths = ['/', SEARCH_URL, FEED_URL, SITEMAP_URL, ...[...model.sections.values()].map((s) => s.url)];
  for (const issue of model.issues)
    paths.push(issue.url, issue.pdfUrl, ...issue.articles.filter((a) => a.web).map((a) => a.url));
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
  for (const { path: file, text, split } of readPublication(root).sources.articles) {
    if (!inScope(file) || !split || text === undefined) continue;
    const bodyStart = lineStarts(text)[split.bodyLine - 1] ?? text.length;
    const body = text.slice(bodyStart);
    const fixed = fixChinese(body);
    if (fixed === body) continue;
    fs.writeFileSync(file, text.slice(0, bodyStart) + fixed);
    changed.push(path.relative(root, file));
  }
  return changed;
}
