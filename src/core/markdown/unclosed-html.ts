import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** HTML blocks that CommonMark runs on to their end marker, or to the end of the article when there is none. */
const RUNS_TO_END: [RegExp, RegExp, (m: RegExpExecArray) => string][] = [
  [/^\s*<!--/, /-->/, () => 'HTML 注释 <!--'],
  [
    /^\s*<(script|pre|style|textarea)(?=[\s>]|$)/i,
    /<\/(script|pre|style|textarea)\s*>/i,
    (m) => `<${m[1]!.toLowerCase()}> 标签`,
  ],
];

/**
 * Raw HTML that swallows the rest of the article: an HTML comment or a <script>, <pre>, <style> or <textarea>
 * block with no end, which takes every line after it out of the text (lines of the body, 1-based).
 */
export function unclosedHtml(tree: Root): { line: number; what: string }[] {
  const found: { line: number; what: string }[] = [];
  visit(tree, 'html', (node, _index, parent) => {
    // Inline HTML (inside a paragraph or heading) ends with its paragraph.
    if (parent && !['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(parent.type)) return;
    for (const [start, end, what] of RUNS_TO_END) {
      const m = start.exec(node.value);
      if (m && !end.test(node.value.slice(m[0].length)))
        found.push({ line: node.position?.start.line ?? 1, what: what(m) });
    }
  });
  return found;
}
