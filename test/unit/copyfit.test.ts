import { describe, expect, it } from 'vitest';
import { copyfitTries } from '../../src/print/runtime/copyfit.ts';

const pages = (n: number, lastFill: number, lastKind: 'content' | 'back' = 'content') =>
  Array.from({ length: n }, (_, i) =>
    i < n - 1 ? { kind: 'content' as const, fill: 1 } : { kind: lastKind, fill: lastFill },
  );

describe('copyfitTries', () => {
  it('tries the leadings that make room for a widowed last page on the pages before it, loosest first', () => {
    // Six pages before it: even 98 % makes room for 0.12 of a page.
    expect(copyfitTries(pages(7, 0.08))).toEqual([0.98, 0.96, 0.94]);
    // Two pages before it: 98 % makes room for 0.04 of a page, 96 % for 0.083.
    expect(copyfitTries(pages(3, 0.08))).toEqual([0.96, 0.94]);
    // One page before it: not even 94 % (0.064) makes room for 0.15.
    expect(copyfitTries(pages(2, 0.15))).toEqual([]);
  });

  it('leaves alone a last page that is full enough, not text, alone in its run, or ends a long report', () => {
    expect(copyfitTries(pages(7, 0.2))).toEqual([]);
    expect(copyfitTries(pages(7, 0.05, 'back'))).toEqual([]);
    expect(copyfitTries(pages(1, 0.05))).toEqual([]);
    expect(copyfitTries(pages(24, 0.05))).toEqual([0.98, 0.96, 0.94]);
    expect(copyfitTries(pages(25, 0.05))).toEqual([]);
    expect(copyfitTries([])).toEqual([]);
  });
});
