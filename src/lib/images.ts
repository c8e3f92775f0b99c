import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Finding } from './errors.ts';

export interface ImageRef {
  src: string;
  /** 1-based line in the Markdown body. */
  line: number;
}

const RAW_IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;

/** Every image an article body uses: Markdown images and <img> in raw HTML; code is not looked at. */
export function imageRefs(tree: Root): ImageRef[] {
  const refs: ImageRef[] = [];
  const walk = (node: { type: string; children?: unknown[]; url?: string; value?: string; position?: { start: { line: number } } }) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'image' && node.url) refs.push({ src: node.url, line });
    if (node.type === 'html' && node.value) for (const m of node.value.matchAll(RAW_IMG_SRC)) refs.push({ src: m[1]!, line });
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree);
  return refs;
}

/**
 * Images must be files inside the issue's folder: a print shop's PDF cannot depend on the network, and a
 * contributor's path must not reach outside the publication.
 */
export function checkImage(ref: ImageRef, articleFile: string, issueDir: string, report: (f: Omit<Finding, 'file'>) => void): void {
  const hint = 'Put the image in the issue folder (e.g. images/) and give its path relative to the article.';
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref.src) || ref.src.startsWith('//')) {
    report({ line: ref.line, message: `image "${ref.src}" is not a file of the issue`, hint });
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURI(ref.src);
  } catch {
    report({ line: ref.line, message: `image path "${ref.src}" is not valid`, hint: 'Write % as %25 in a path, or rename the file.' });
    return;
  }
  const file = path.resolve(path.dirname(articleFile), decoded);
  const inside = path.relative(issueDir, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    report({ line: ref.line, message: `image "${ref.src}" is outside the issue folder`, hint });
  } else if (!fs.existsSync(file)) {
    report({ line: ref.line, message: `image "${ref.src}" does not exist`, hint });
  } else if (fs.realpathSync(file) !== file && path.relative(fs.realpathSync(issueDir), fs.realpathSync(file)).startsWith('..')) {
    report({ line: ref.line, message: `image "${ref.src}" links to a file outside the issue folder`, hint });
  }
}
