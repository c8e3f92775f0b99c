import { describe, expect, it } from 'vitest';
import { fixChinese, lintChinese } from '../../src/check/chinese-text.ts';
import { described } from '../../src/core/rules.ts';

describe('qikan check --fix on full stops', () => {
  it('makes a half-width full stop between Han text full-width, with the space after it, in one pass', () => {
    const text = '会议于昨日举行. 本次会议共有百人参加.\n';
    expect(lintChinese(text).every((p) => p.fixable)).toBe(true);
    expect(fixChinese(text)).toBe('会议于昨日举行。本次会议共有百人参加。\n');
    expect(lintChinese(fixChinese(text))).toEqual([]);
  });

  it('leaves the full stop of a Latin abbreviation, and says what to do about one it cannot tell', () => {
    expect(fixChinese('美国U.S.公司发布财报。\n')).toBe('美国U.S.公司发布财报。\n');
    const text = '产品有A. 型号。\n';
    const problems = lintChinese(text);
    expect(problems.map((p) => [p.rule, p.fixable])).toEqual([
      ['zh-fullwidth-punctuation', false],
      ['zh-space-punctuation', false],
    ]);
    expect(described('zh-fullwidth-punctuation', problems[0]!).hint).toContain('英文缩写');
    expect(fixChinese(text)).toBe(text);
  });
});

describe('qikan check on pull quotes and boxes of facts', () => {
  it('leaves the ASCII brackets of their markers alone, and still reads the text after them', () => {
    const text = '> [!引语] 封装已是系统的一部分。\n\n> [!资料] 名词解释\n> 硅通孔是垂直的通道。\n';
    expect(lintChinese(text)).toEqual([]);
    expect(fixChinese(text)).toBe(text);
    expect(lintChinese('> [!资料] 名词解释\n> 硅通孔是垂直的通道,用于互连。\n').map((p) => p.rule)).toEqual([
      'zh-fullwidth-punctuation',
    ]);
  });
});

describe('a newspaper credit', () => {
  it('keeps the spaces of （本报记者 周楠 摄） and （记者 王明 通讯员 李华）, not those of running text', () => {
    expect(lintChinese('图为会场。（本报记者 周楠 摄）\n\n会议举行。（记者 王明 通讯员 李华）\n')).toEqual([]);
    expect(lintChinese('协会秘书处 陈老师出席。\n').map((p) => p.rule)).toEqual(['zh-space-between-han']);
  });
});
