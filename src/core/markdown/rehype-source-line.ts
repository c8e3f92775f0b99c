import type { Root } from 'hast';
import { DATA_SOURCE, SOURCE_LINE } from './patterns.ts';
import { CLASS } from '../../print/runtime/contract.ts';
import { addClass, blockChildren, textOf } from './hast.ts';

/** Marks 来源 lines (`p.source`) and 资料来源 notes (`p.data-source`) so both media set them small. */
export default function rehypeSourceLine() {
  return (tree: Root) => {
    for (const p of blockChildren(tree)) {
      if (p.tagName !== 'p') continue;
      const text = textOf(p);
      if (DATA_SOURCE.test(text)) addClass(p, 'data-source');
      else if (SOURCE_LINE.test(text)) addClass(p, CLASS.sourceLine);
    }
  };
}
