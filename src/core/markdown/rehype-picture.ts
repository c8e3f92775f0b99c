import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Each local image of an article becomes a <picture> whose first choice is an AVIF srcset: the <source> asks
 * Astro's image pipeline for it the way Astro's own Markdown step asks for the <img> (the `__ASTRO_IMAGE_`
 * attribute, filled in with the optimized srcset when the page renders); the <img> keeps its WebP srcset for
 * browsers without AVIF. Print takes neither: it sizes its own from the source file.
 */
export default function rehypePicture() {
  return (tree: Root, file: { data: { astro?: { localImagePaths?: string[] } } }) => {
    const local = file.data.astro?.localImagePaths ?? [];
    if (!local.length) return;
    const visit = (parent: Root | Element) => {
      parent.children = (parent.children as (RootContent | ElementContent)[]).map((child) => {
        if (child.type !== 'element') return child;
        const src =
          child.tagName === 'img' && typeof child.properties.src === 'string'
            ? decodeURI(child.properties.src)
            : undefined;
        // SVG stays as it is: Astro's image service does not turn vector art into AVIF.
        if (
          !src ||
          !local.includes(src) ||
          /\.svg$/i.test(src) ||
          (parent.type === 'element' && parent.tagName === 'picture')
        ) {
          visit(child);
          return child;
        }
        const avif: Element = {
          type: 'element',
          tagName: 'source',
          properties: { type: 'image/avif', __ASTRO_IMAGE_: JSON.stringify({ src, format: 'avif', index: -1 }) },
          children: [],
        };
        return { type: 'element', tagName: 'picture', properties: {}, children: [avif, child] };
      }) as typeof parent.children;
    };
    visit(tree);
  };
}
