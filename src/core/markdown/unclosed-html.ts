import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Elements whose content the HTML parser takes as raw text up to their own end tag, however far that is. */
const RAW_TEXT = /<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)(?=[\s/>]|$)/gi;

/**
 * Raw HTML that swallows the rest of the article, with its line (of the body, 1-based): an HTML comment or a
 * <pre> block that CommonMark runs on to the end for want of its end marker, or an element such as <script> or
 * <textarea> with no end tag after it, whose raw text the HTML parser then runs on to the end.
 */
export function unclosedHtml(tree: Root): { line: number; what: string }[] {
  const found: { line: number; what: string }[] = [];
  const nodes: Html[] = [];
  visit(tree, 'html', (node, _index, parent) => {
    nodes.push(node);
    // Inline HTML (inside a paragraph or heading) ends with its paragraph.
    if (parent && !['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(parent.type)) return;
    const line = node.position?.start.line ?? 1;
    if (/^\s*<!--/.test(node.value) && !node.value.includes('-->')) found.push({ line, what: 'HTML 注释 <!--' });
    if (/^\s*<pre(?=[\s>]|$)/i.test(node.value) && !/<\/pre\s*>/i.test(node.value))
      found.push({ line, what: '<pre> 标签' });
  });
  nodes.forEach((node, i) => {
    for (const m of node.value.matchAll(RAW_TEXT)) {
      const name = m[1]!.toLowerCase();
      const end = new RegExp(`</${name}\\s*>`, 'i');
      const rest = [node.value.slice(m.index + m[0].length), ...nodes.slice(i + 1).map((n) => n.value)];
      if (!rest.some((text) => end.test(text)))
        found.push({ line: node.position?.start.line ?? 1, what: `<${name}> 标签` });
    }
  });
  return found.sort((a, b) => a.line - b.line);
}
