import fs from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Finding } from './findings.ts';

export interface ImageRef {
  src: string;
  /** 1-based line in the Markdown body. */
  line: number;
  column: number;
  /** Written as an HTML <img>, which neither the web's image pipeline nor print takes: to be refused. */
  raw?: boolean;
}

/** A URL with a scheme (https:, data:, javascript:): not a path of the publication. */
export const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** What makes an SVG file a program: script, event handlers, javascript: links, embedded HTML. */
const SVG_CODE = /<script\b|\son[a-z]+\s*=|javascript:|<foreignObject\b/i;

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
  const hint = '把图片放进本期文件夹（例如 images/），并写出相对于文章的路径。';
  const at = { line: ref.line, column: ref.column };
  if (ref.raw) {
    report({
      ...at,
      rule: 'image-html',
      message: `图片“${ref.src}”写成了 HTML 的 <img>`,
      hint: '用 Markdown 写图片：![图片说明](images/name.png)，图题（图N …）写在下一段。',
    });
    return;
  }
  if (SCHEME.test(ref.src) || ref.src.startsWith('//')) {
    report({ ...at, rule: 'image-remote', message: `图片“${ref.src.slice(0, 60)}”不是本期文件夹里的文件`, hint });
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURI(ref.src);
  } catch {
    report({
      ...at,
      rule: 'image-path',
      message: `图片路径“${ref.src}”无法解读`,
      hint: '路径中的 % 写作 %25，或给文件改名。',
    });
    return;
  }
  const file = path.resolve(path.dirname(articleFile), decoded);
  if (isOutside(issueDir, file)) {
    report({ ...at, rule: 'image-outside', message: `图片“${ref.src}”在本期文件夹以外`, hint });
  } else if (!fs.existsSync(file)) {
    report({
      ...at,
      rule: 'image-missing',
      message: `图片“${ref.src}”不存在`,
      hint: '检查文件名和大小写，或把图片加进提交。',
    });
  } else if (isOutside(fs.realpathSync(issueDir), fs.realpathSync(file))) {
    report({ ...at, rule: 'image-outside', message: `图片“${ref.src}”是指向本期文件夹以外的符号链接`, hint });
  } else if (/\.svg$/i.test(file) && SVG_CODE.test(fs.readFileSync(file, 'latin1'))) {
    // Served from the site's own address, an SVG opened on its own runs its scripts.
    report({
      ...at,
      rule: 'image-svg-script',
      message: `SVG 图片“${ref.src}”含有脚本或事件属性`,
      hint: '从作图软件重新导出不含脚本的 SVG，或导出为 PNG。',
    });
  }
}

export function isOutside(dir: string, file: string): boolean {
  const inside = path.relative(dir, file);
  return inside.startsWith('..') || path.isAbsolute(inside);
}
