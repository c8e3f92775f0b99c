import fs from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Finding } from './findings.ts';
import { didYouMean } from './did-you-mean.ts';
import { described } from './rules.ts';
import { svgProblem } from './svg-safety.ts';
import { isRemote } from './urls.ts';

export interface ImageRef {
  src: string;
  /** 1-based line in the Markdown body. */
  line: number;
  column: number;
  /** Written as an HTML <img>, which neither the web's image pipeline nor print takes: to be refused. */
  raw?: boolean;
}

const RAW_IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;

/**
 * Every image an article body uses, in reading order: Markdown images, reference images (at the line of their
 * definition) and <img> in raw HTML (not in comments); code is not looked at.
 */
export function imageRefs(tree: Root): ImageRef[] {
  const at = (node: Nodes) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const definitions = new Map<string, ImageRef>();
  visit(tree, 'definition', (node) => {
    if (node.url) definitions.set(node.identifier, { src: node.url, ...at(node) });
  });
  const refs: ImageRef[] = [];
  visit(tree, (node) => {
    if (node.type === 'image' && node.url) refs.push({ src: node.url, ...at(node) });
    const definition = node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (definition) refs.push(definition);
    if (node.type === 'html') {
      for (const m of node.value.replace(/<!--[\s\S]*?-->/g, '').matchAll(RAW_IMG_SRC))
        refs.push({ src: m[1]!, ...at(node), raw: true });
    }
  });
  return refs;
}

/**
 * Images must be files inside the issue's folder: a print shop's PDF cannot depend on the network, and a
 * contributor's path must not reach outside the publication (not even through a symbolic link).
 */
export function checkImage(
  ref: ImageRef,
  articleFile: string,
  issueDir: string,
  report: (f: Omit<Finding, 'file'>) => void,
): void {
  const at = { line: ref.line, column: ref.column };
  if (ref.raw) {
    report({ ...at, ...described('image-html', { src: ref.src }) });
    return;
  }
  if (isRemote(ref.src)) {
    report({ ...at, ...described('image-remote', { src: ref.src }) });
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURI(ref.src);
  } catch {
    report({ ...at, ...described('image-path', { src: ref.src }) });
    return;
  }
  const file = path.resolve(path.dirname(articleFile), decoded);
  if (isOutside(issueDir, file)) {
    report({ ...at, ...described('image-outside', { src: ref.src, symlink: false }) });
  } else if (!fs.existsSync(file)) {
    report({ ...at, ...described('image-missing', { src: ref.src, guess: nearestFile(ref.src, file) }) });
  } else if (isOutside(fs.realpathSync(issueDir), fs.realpathSync(file))) {
    report({ ...at, ...described('image-outside', { src: ref.src, symlink: true }) });
  } else if (/\.svg$/i.test(file)) {
    // Served from the site's own address, an SVG opened on its own runs what it holds.
    const problem = svgProblem(fs.readFileSync(file, 'utf8'));
    if (problem) report({ ...at, ...described('image-svg-script', { src: ref.src, problem }) });
  }
}

/** The file beside a missing one whose name is closest to it, written as the article would write it. */
function nearestFile(src: string, missing: string): string | undefined {
  const dir = path.dirname(missing);
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((n) => /\.(png|jpe?g|gif|webp|avif|svg|tiff?)$/i.test(n))
    : [];
  const guess = didYouMean(path.basename(missing), names);
  return guess && path.posix.join(path.posix.dirname(src), guess);
}

export function isOutside(dir: string, file: string): boolean {
  const inside = path.relative(dir, file);
  return inside.startsWith('..') || path.isAbsolute(inside);
}
