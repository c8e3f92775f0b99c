import type { Element, ElementContent, Root } from 'hast';
import { DATA_SOURCE, FIGURE_CAPTION, PHOTO_CREDIT } from './patterns.ts';
import { blockChildren, isElement, replaceChildren, textOf } from './hast.ts';

/** A paragraph holding one image and nothing else. */
function isImageParagraph(node: Element): boolean {
  if (node.tagName !== 'p') return false;
  const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return content.length === 1 && isElement(content[0], 'img');
}

/**
 * An image alone in its paragraph becomes a `<figure>`; the paragraph right after it becomes its `<figcaption>`
 * when it starts with 图N (or 图为, a newspaper photo's), and a 资料来源 note after that joins the caption as
 * `<span class="data-source">` (a figure holds one figcaption and nothing after it), so that print keeps them
 * together. A photo credit that ends the caption, （本报记者 周楠 摄）, is set apart as `<span class="credit">`.
 */
export default function rehypeFigure() {
  return (tree: Root) => {
    const blocks = blockChildren(tree);
    for (let i = 0; i < blocks.length; i++) {
      const p = blocks[i]!;
      if (!isImageParagraph(p)) continue;
      const img = p.children.find((c) => isElement(c, 'img')) as Element;
      const taken: Element[] = [];
      const figure: Element = { type: 'element', tagName: 'figure', properties: {}, children: [img] };
      const caption = blocks[i + 1];
      if (caption?.tagName === 'p' && FIGURE_CAPTION.test(textOf(caption))) {
        const figcaption: Element = {
          ...caption,
          tagName: 'figcaption',
          properties: {},
          children: withCredit(caption),
        };
        figure.children.push(figcaption);
        taken.push(caption);
        const note = blocks[i + 2];
        if (note?.tagName === 'p' && DATA_SOURCE.test(textOf(note))) {
          figcaption.children = [
            ...caption.children,
            { type: 'element', tagName: 'span', properties: { className: ['data-source'] }, children: note.children },
          ];
          taken.push(note);
        }
      }
      replaceChildren(tree, p, taken, figure);
      i += taken.length;
    }
  };
}

/** The caption's children, a credit at its end (in its last text) wrapped in `<span class="credit">`. */
function withCredit(caption: Element): ElementContent[] {
  const last = caption.children.at(-1);
  const credit = last?.type === 'text' ? PHOTO_CREDIT.exec(last.value.trimEnd()) : null;
  if (!last || last.type !== 'text' || !credit) return caption.children;
  const before = last.value.trimEnd().slice(0, credit.index);
  return [
    ...caption.children.slice(0, -1),
    ...(before ? [{ ...last, value: before }] : []),
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['credit'] },
      children: [{ type: 'text', value: credit[0] }],
    },
  ];
}
