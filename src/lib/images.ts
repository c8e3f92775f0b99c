import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Finding } from './errors.ts';

export interface ImageRef {
  src: string;
  /** 1-based line in the Markdown body. */
  line: number;
  /** Written as an HTML <img>, which neither the web's image pipeline nor print takes: to be refused. */
  raw?: boolean;
}

const RAW_IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;

type MdNode = { type: string; children?: MdNode[]; url?: string; value?: string; identifier?: string; position?: { start: { line: number } } };

/**
 * Every image an article body uses, in reading order: Markdown images, reference images (at the line of their
 * definition) and <img> in raw HTML (not in comments); code is not looked at.
 */
export function imageRefs(tree: Root): ImageRef[] {
  const definitions = new Map<string, ImageRef>();
  const collect = (node: MdNode) => {
    if (node.type === 'definition' && node.identifier && node.url) {
      definitions.set(node.identifier, { src: node.url, line: node.position?.start.line ?? 1 });
    }
    node.children?.forEach(collect);
  };
  collect(tree as MdNode);
  const refs: ImageRef[] = [];
  const walk = (node: MdNode) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'image' && node.url) refs.push({ src: node.url, line });
    const definition = node.type === 'imageReference' && node.identifier ? definitions.get(node.identifier) : undefined;
    if (definition) refs.push(definition);
    if (node.type === 'html' && node.value) {
      for (const m of node.value.replace(/<!--[\s\S]*?-->/g, '').matchAll(RAW_IMG_SRC)) refs.push({ src: m[1]!, line, raw: true });
    }
    node.children?.forEach(walk);
  };
  walk(tree as MdNode);
  return refs;
}

/**
 * Images must be files inside the issue's folder: a print shop's PDF cannot depend on the network, and a
 * contributor's path must not reach outside the publication.
 */
export function checkImage(ref: ImageRef, articleFile: string, issueDir: string, report: (f: Omit<Finding, 'file'>) => void): void {
  const hint = 'Put the image in the issue folder (e.g. images/) and give its path relative to the article.';
  if (ref.raw) {
    report({ line: ref.line, message: `image "${ref.src}" is written as HTML <img>`, hint: 'Write images in Markdown: ![说明](images/name.png), with the caption (图N …) in the next paragraph.' });
    return;
  }
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
