import type { Root } from 'hast';
import { eachElement } from './hast.ts';
import { DATA, dataAttribute } from '../../print/runtime/contract.ts';
import { isRemote } from '../urls.ts';

/**
 * Each image keeps the path its article gave it as `data-source`: Astro replaces `src` with an optimized copy,
 * and print prepares its own from the source file, which it finds by this path.
 */
export default function rehypeImageSource() {
  return (tree: Root) => {
    eachElement(tree, (el) => {
      const src = el.tagName === 'img' ? el.properties.src : undefined;
      if (typeof src === 'string' && !isRemote(src)) el.properties[dataAttribute(DATA.imageSource)] = src; // Astro copies attribute names as written
    });
  };
}
