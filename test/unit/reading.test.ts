import { describe, expect, it } from 'vitest';
import { readingMinutes, readingUnits } from '../../src/core/reading.ts';

describe('reading time', () => {
  it('counts Han characters and Latin words, not punctuation or spaces', () => {
    expect(readingUnits('RISC-V 生态，2026年。')).toBe(5);
  });

  it('takes about 400 characters a minute, at least one minute', () => {
    expect(readingMinutes('芯'.repeat(1000))).toBe(3);
    expect(readingMinutes('短')).toBe(1);
  });
});
