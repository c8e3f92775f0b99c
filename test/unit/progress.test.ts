import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

describe('createProgress in a log (no terminal)', () => {
  afterEach(() => vi.useRealTimers());

  it('writes a progress line every few seconds, the first a few seconds in, and every done line at once', () => {
    vi.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s.trimEnd()) } as unknown as NodeJS.WriteStream;
    const progress = createProgress(stream);
    progress.update('0 pages so far');
    vi.setSystemTime(2000);
    progress.update('10 pages so far');
    vi.setSystemTime(5500);
    progress.update('40 pages so far');
    vi.setSystemTime(6000);
    progress.update('44 pages so far');
    progress.done('76 pages in 6 s');
    progress.update('0 pages so far');
    expect(lines).toEqual(['40 pages so far', '76 pages in 6 s']);
  });
});
