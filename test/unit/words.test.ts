import { describe, expect, it } from 'vitest';
import { lineParts, searchWords } from '../../src/core/words.ts';

describe('lineParts', () => {
  it('breaks a title between words, not inside them', () => {
    expect(lineParts('浙江省集成电路专业高级工程师')).toEqual(['浙江省', '集成电路', '专业', '高级', '工程师']);
    expect(lineParts('第一条新闻：晶圆厂开工建设')).toEqual(['第一条', '新闻：', '晶圆厂', '开工', '建设']);
  });
  it('keeps a number with its unit, and punctuation with the word it belongs to', () => {
    expect(lineParts('拟募资18.2亿元扩产')).toContain('18.2亿元');
    expect(lineParts('2026年全球半导体设备')[0]).toBe('2026年');
    expect(lineParts('（Chiplet）先进封装').slice(0, 2)).toEqual(['（Chiplet）', '先进']);
  });
  it('keeps a Latin word whole, and a character made of several code points', () => {
    expect(lineParts('玄枢计算：携高性能RISC-V处理器共建生态')).toContain('RISC-V');
    expect(lineParts('启衡微电子：车规级MCU通过AEC-Q100认证').some((p) => p.includes('AEC-Q100'))).toBe(true);
    for (const part of lineParts('家庭👩‍👩‍👧合影与cafe\u0301开业')) {
      expect(part).not.toMatch(/^[\p{M}\u200d]/u);
      expect(part).not.toMatch(/\u200d$/u);
    }
  });

  it('loses no character', () => {
    const title = '从CoWoS到共封装光学：一文读懂2.5D先进封装，“第二个晶圆厂” 与 RISC-V';
    expect(lineParts(title).join('')).toBe(title);
  });
});

describe('searchWords', () => {
  it('gives the Chinese words of two characters or more, as the search index holds them', () => {
    expect(searchWords('来自设计、制造、封测、装备和材料企业的先进封装')).toEqual([
      '来自',
      '设计',
      '制造',
      '装备',
      '材料',
      '企业',
      '先进',
      '封装',
    ]);
  });
});
