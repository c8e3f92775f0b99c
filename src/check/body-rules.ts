import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import type { Nodes, Root } from 'mdast';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { Finding } from '../core/findings.ts';
import { described } from '../core/rules.ts';
import { urlScheme } from '../core/urls.ts';
import { eachElement } from '../core/markdown/hast.ts';
import { ANY_ASIDE_MARK, ASIDE_NAMES, FACTS_BOX_MARK, PULL_QUOTE_MARK } from '../core/markdown/patterns.ts';
import { sanitizeSchema } from '../core/markdown/sanitize.ts';

type At = Pick<Finding, 'line' | 'column'>;
type Report = (f: Omit<Finding, 'file'>) => void;

const SAFE_PROTOCOLS = new Set(sanitizeSchema.protocols?.href ?? []);

const at = (node: Nodes): At => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

/**
 * Links of a body: none may use a protocol the site would strip (javascript:, vbscript:, data:); a link into
 * the site (/2026-10/slug/) must name one of its pages; a relative path cannot work at all, since the site
 * publishes pages and processed images, not the files of the repository. Lines are those of the body.
 */
export function checkLinks(tree: Root, sitePaths: Set<string> | undefined, report: Report): void {
  // Definitions that images use are checked as images (checkImage), not as links.
  const imageIds = new Set<string>();
  visit(tree, 'imageReference', (node) => void imageIds.add(node.identifier));
  visit(tree, (node) => {
    if ((node.type !== 'link' && node.type !== 'definition') || !node.url) return;
    if (node.type === 'definition' && imageIds.has(node.identifier)) return;
    const where = at(node);
    const url = node.url.trim();
    const scheme = urlScheme(url);
    if (scheme) {
      // A bare URL typed into a sentence runs on into the Chinese after it (GFM ends it only at a space): full-width
      // punctuation never belongs to an address a writer typed, Han characters may (a Wikipedia title).
      const text = node.type === 'link' && node.children[0]?.type === 'text' ? node.children[0].value : '';
      const literal = /^(https?:\/\/|www\.)/.test(text) && /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]/.test(url);
      if (literal) report({ ...where, ...described('bare-url', { url }) });
      if (!SAFE_PROTOCOLS.has(scheme)) report({ ...where, ...described('unsafe-link', { scheme }) });
      return;
    }
    if (url.startsWith('#') || url.startsWith('//')) return;
    if (!url.startsWith('/')) {
      report({ ...where, ...described('link-broken', { url, relative: true }) });
    } else if (sitePaths && !sitePaths.has(url.replace(/[?#].*$/, ''))) {
      report({ ...where, ...described('link-broken', { url, relative: false }) });
    }
  });
}

/**
 * A quote block opened by a `[!…]` marker that is neither a pull quote's nor a box of facts' (GitHub's `[!NOTE]`,
 * a misspelt `[!引用]`): it would print as written, marker and all.
 */
export function checkAsideMarkers(tree: Root, report: Report): void {
  const known = [...ASIDE_NAMES.pullQuote, ...ASIDE_NAMES.factsBox].map((n) => `[!${n}]`).join(' ');
  visit(tree, 'blockquote', (quote) => {
    const first = quote.children[0]?.type === 'paragraph' ? quote.children[0].children[0] : undefined;
    if (first?.type !== 'text' || PULL_QUOTE_MARK.test(first.value) || FACTS_BOX_MARK.test(first.value)) return;
    const m = ANY_ASIDE_MARK.exec(first.value);
    if (m) report({ ...at(first), ...described('unknown-aside', { marker: m[1]!, known }) });
  });
}

/** The allow-list without its rules on ancestors: an element is looked at alone here (a <td> outside its table). */
const elementSchema = { ...sanitizeSchema, ancestors: {} };

/**
 * Raw HTML that the site's sanitizer would remove, found with the same allow-list the build uses: a tag it
 * drops, or an attribute it drops (event handlers, style, unsafe URLs).
 */
export function checkHtml(tree: Root, report: Report): void {
  visit(tree, 'html', (node) => {
    const start = at(node);
    const fragment = fromHtml(node.value, { fragment: true });
    const allowed = new Set(sanitizeSchema.tagNames ?? []);
    eachElement(fragment, (el) => {
      const p = el.position?.start;
      const where = p
        ? { line: start.line + p.line - 1, column: p.line === 1 ? (start.column ?? 1) + p.column - 1 : p.column }
        : start;
      if (!allowed.has(el.tagName)) {
        report({ ...where, ...described('unsafe-html', { tag: el.tagName }) });
        return;
      }
      const kept = sanitize(
        { type: 'root', children: [{ ...el, children: [] }] } as HastRoot,
        elementSchema,
      ) as HastRoot;
      const keptProps = (kept.children[0] as Element | undefined)?.properties ?? {};
      for (const key of Object.keys(el.properties)) {
        if (key in keptProps) continue;
        report({ ...where, ...described('unsafe-html', { tag: el.tagName, attribute: attributeName(key) }) });
      }
    });
  });
}

/** hast property names back to the attribute names a writer typed (onMouseOver → onmouseover, xLinkHref → xlink:href). */
function attributeName(key: string): string {
  return find(html, key).attribute;
}

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;

/**
 * An image file the build can use: not too heavy for the repository and the build, and one that decodes to its last
 * pixel (an empty or truncated file would break the build or be published broken). Pixels past the limit are not
 * decoded.
 */
export async function checkImageFile(file: string, src: string, at: At, report: Report): Promise<void> {
  const bytes = fs.statSync(file).size;
  if (bytes > MAX_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    report({ ...at, ...described('image-too-large', { src, mb, limit: MAX_BYTES / 1024 / 1024 }) });
  }
  const unreadable = (reason: string) => report({ ...at, ...described('image-unreadable', { src, reason }) });
  if (!bytes) return unreadable('文件是空的');
  const { default: sharp } = await import('sharp');
  const meta = await sharp(file)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height) return unreadable('不是能识别的图片格式');
  const { width, height } = meta;
  if (width * height > MAX_PIXELS) {
    return report({
      ...at,
      ...described('image-too-many-pixels', { src, width, height, limit: MAX_PIXELS / 1_000_000 }),
    });
  }
  const decoded = await sharp(file, { failOn: 'truncated' })
    .stats()
    .then(() => true)
    .catch(() => false);
  if (!decoded) unreadable('文件不完整或已损坏');
}
