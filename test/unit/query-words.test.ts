import { describe, expect, it } from 'vitest';
import { cutQuery, queryWords } from '../../src/site/query-words.ts';

const index = queryWords(['封装', '先进', '晶圆厂', '装备', '封测']);
const cut = (q: string) => cutQuery(q, index).map((p) => p.piece);

describe('cutQuery', () => {
  it('cuts a query into the words of the index, longest first', () => {
    expect(cut('封装')).toEqual(['封装']);
    expect(cut('先进封装')).toEqual(['先进', '封装']);
    expect(cut('晶圆厂设备')).toEqual(['晶圆厂', '设', '备']);
  });
  it('takes the beginning of an index word as a word: Pagefind finds words by their beginning', () => {
    expect(cut('晶圆')).toEqual(['晶圆']);
    expect(cut('晶圆封测')).toEqual(['晶圆', '封测']);
  });
  it('leaves Latin words, digits and spaces whole, for the browser to cut', () => {
    expect(cutQuery('2.5D 先进封装', index)).toEqual([
      { piece: '2.5D ', han: false },
      { piece: '先进', han: true },
      { piece: '封装', han: true },
    ]);
  });
  it('loses no character, even with no word known', () => {
    const q = '𠀀龘封装RISC-V，量价齐升';
    expect(
      cutQuery(q, queryWords([]))
        .map((p) => p.piece)
        .join(''),
    ).toBe(q);
  });
});
