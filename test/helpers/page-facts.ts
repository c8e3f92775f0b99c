import type { PageFacts } from '../../src/print/layout.ts';

/** What the browser would find on a page with nothing wrong: a right-hand content page unless told otherwise. */
export function pageFacts(more: Partial<PageFacts> = {}): PageFacts {
  return {
    kind: 'content',
    side: 'right',
    starts: [],
    overflow: false,
    faults: [],
    notes: [],
    fill: 1,
    moved: [],
    bleeds: false,
    ...more,
  };
}
