import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { CLASS } from '../../print/runtime/contract.ts';
import { FACTS_BOX_MARK, PULL_QUOTE_MARK } from './patterns.ts';
import { blockChildren, isElement, stripLeadingText, textOf } from './hast.ts';

const paragraph = (children: ElementContent[], className?: string): Element => ({
  type: 'element',
  tagName: 'p',
  properties: className ? { className: [className] } : {},
  children,
});

const aside = (className: string, children: ElementContent[]): Element => ({
  type: 'element',
  tagName: 'aside',
  properties: { className: [className] },
  children,
});

/**
 * Splits a paragraph at its first line break: the box's title is the rest of the marker's line, and what
 * follows on the next lines stays a paragraph of the box.
 */
function splitFirstLine(p: Element): [ElementContent[], ElementContent[]] {
  const first: ElementContent[] = [];
  for (let i = 0; i < p.children.length; i++) {
    const child = p.children[i]!;
    if (isElement(child, 'br')) return [first, p.children.slice(i + 1)];
    if (child.type === 'text' && child.value.includes('\n')) {
      const at = child.value.indexOf('\n');
      const head = child.value.slice(0, at);
      const tail = child.value.slice(at + 1);
      if (head) first.push({ type: 'text', value: head });
      const rest = p.children.slice(i + 1);
      return [first, tail ? [{ type: 'text', value: tail }, ...rest] : rest];
    }
    first.push(child);
  }
  return [first, []];
}

const hasText = (nodes: ElementContent[]) =>
  nodes.some((n) => (n.type === 'text' ? n.value.trim() : n.type === 'element'));

/** A quote block opened by `[!引语]`: the pull quote it holds. */
function pullQuote(quote: Element, first: Element): Element {
  stripLeadingText(first, PULL_QUOTE_MARK);
  return aside(
    CLASS.pullQuote,
    blockChildren(quote).filter((b) => b !== first || textOf(b)),
  );
}

/** A quote block opened by `[!资料] Title`: a box of facts, its title set apart, its blocks as written. */
function factsBox(quote: Element, first: Element): Element {
  stripLeadingText(first, FACTS_BOX_MARK);
  const [title, rest] = splitFirstLine(first);
  const blocks = blockChildren(quote).slice(1);
  const children: ElementContent[] = [];
  if (hasText(title)) children.push(paragraph(title, CLASS.factsTitle));
  if (hasText(rest)) children.push(paragraph(rest));
  return aside(CLASS.factsBox, [...children, ...blocks]);
}

/** Where the front matter's `pullQuote` goes: after the first third of the body's paragraphs, the first at least. */
function insertFrontMatterQuote(tree: Root, text: string): void {
  const paragraphs = blockChildren(tree).filter((n) => n.tagName === 'p');
  const after = paragraphs[Math.max(0, Math.floor(paragraphs.length / 3) - 1)];
  const quote = aside(CLASS.pullQuote, [paragraph([{ type: 'text', value: text }])]);
  tree.children.splice(after ? tree.children.indexOf(after) + 1 : tree.children.length, 0, quote);
}

/**
 * The magazine's asides: a quote block opened by `[!引语]` becomes a pull quote, one opened by `[!资料]` (or
 * `[!背景]`, `[!链接]`) a box of facts with the rest of its first line as its title; the front matter's
 * `pullQuote` is set into the body as well. Other quote blocks stay quotes.
 */
export default function rehypeAsides() {
  return (tree: Root, file: VFile) => {
    for (const [i, node] of tree.children.entries()) {
      if (!isElement(node, 'blockquote')) continue;
      const first = blockChildren(node)[0];
      if (!first || first.tagName !== 'p') continue;
      const text = textOf(first);
      // A marker with nothing after it stays a quote, where its author sees it.
      if (PULL_QUOTE_MARK.test(text) && (text.replace(PULL_QUOTE_MARK, '') || blockChildren(node).length > 1))
        tree.children[i] = pullQuote(node, first);
      else if (FACTS_BOX_MARK.test(text)) tree.children[i] = factsBox(node, first);
    }
    const frontmatter = (file.data as { astro?: { frontmatter?: { pullQuote?: unknown } } }).astro?.frontmatter;
    if (typeof frontmatter?.pullQuote === 'string' && frontmatter.pullQuote.trim())
      insertFrontMatterQuote(tree, frontmatter.pullQuote.trim());
  };
}
