import { describe, expect, it } from 'vitest';
import { findImprint, issueFacts, runningHeadTest } from '../../src/import/furniture.ts';
import { toLines } from '../../src/import/lines.ts';
import { closeLetterSpacing, splitNames, tidyByline, undouble } from '../../src/import/names.ts';
import { cleanCell, toGfmTable } from '../../src/import/tables.ts';

describe('toGfmTable: tab-separated rows', () => {
  it('makes the first row the header, pads short rows and right-aligns columns of figures', () => {
    expect(toGfmTable(['序号\t项目\t金额（万元）', '1\t甲项目\t1,200.50', '2\t乙项目', '合计\t\t1,200.50'])).toEqual([
      '| 序号 | 项目 | 金额（万元） |',
      '| ---: | --- | ---: |',
      '| 1 | 甲项目 | 1,200.50 |',
      '| 2 | 乙项目 | |',
      '| 合计 | | 1,200.50 |',
    ]);
  });

  it('widens the header to the widest row, so that GFM keeps every cell', () => {
    expect(toGfmTable(['\t年度', '收入\t10\t20'])[0]).toBe('| | 年度 | |');
  });

  it('turns the inline HTML and leader dots of the extraction into Markdown', () => {
    expect(cleanCell('<b>合计</b> .....')).toBe('**合计**');
    expect(cleanCell('<u>1,688,426</u>')).toBe('1,688,426');
    expect(cleanCell('甲|乙')).toBe('甲\\|乙');
    expect(cleanCell('境外 <sup>(2)</sup>')).toBe('境外 <sup>(2)</sup>');
  });
});

describe('running heads, folios, imprint and masthead facts', () => {
  const isHead = runningHeadTest({
    name: '示例月刊',
    englishName: 'EXAMPLE NEWS',
    sections: [{ id: 'news', title: '新闻', english: 'NEWS' }],
  });

  it('knows a folio and a running head, and nothing else', () => {
    expect(isHead('12')).toBe(true);
    expect(isHead('— 12 —')).toBe(true);
    expect(isHead('示例月刊 | 新闻')).toBe(true);
    expect(isHead('EXAMPLE NEWS 2025年7月 总第71期')).toBe(true);
    expect(isHead('新闻 NEWS 12')).toBe(true);
    expect(isHead('示例月刊发布新一期')).toBe(false);
    expect(isHead('2024')).toBe(false);
    expect(isHead('1\t甲\t乙')).toBe(false);
  });

  it('finds the back-cover imprint at the end, not the contact lines of the article before it', () => {
    const lines = toLines(
      [
        '正文。',
        '联系人：王女士',
        '地址：某路1号',
        '',
        '',
        '',
        '示例出版有限公司',
        '',
        '地址：某路2号',
        '投稿：a@example.org',
        '电话：0571-1',
      ].join('\n'),
    );
    const found = findImprint(lines)!;
    expect(found.imprint.lines.map((l) => l.n)).toEqual([7, 9, 10, 11]);
    expect(found.imprint.fields).toEqual({
      publisher: ['示例出版有限公司'],
      address: '某路2号',
      submissions: 'a@example.org',
      phone: '0571-1',
    });
  });

  it('reads the total number, year and month of a masthead', () => {
    expect(issueFacts('示例月刊 2025年7月 总第71期')).toEqual({ number: 71, year: 2025, month: 7 });
    expect(issueFacts('2026.03 第3期')).toEqual({ number: undefined, year: 2026, month: 3 });
    expect(issueFacts('SEMICON 2026 特刊')).toEqual({ number: undefined, year: 2026, month: undefined });
  });
});

describe('names in narrow columns', () => {
  it('closes up a line whose every character stands apart, and only such a line', () => {
    expect(closeLetterSpacing('会 议 审 议 通 过 了')).toBe('会议审议通过了');
    expect(closeLetterSpacing('王 明 表 示 ，在 ABC')).toBe('王明表示，在 ABC');
    expect(closeLetterSpacing('省科技厅 省经信厅 省教育厅')).toBe('省科技厅 省经信厅 省教育厅');
  });

  it('splits a run of names when it splits one way only', () => {
    expect(splitNames('王明李华')).toEqual(['王明', '李华']);
    expect(splitNames('叶小英江阳')).toEqual(['叶小英', '江阳']); // 叶小 + 英江阳? 英 is no surname
    expect(splitNames('王林林李华')).toBeUndefined(); // 王林 + 林李华, or 王林林 + 李华
    expect(splitNames('a王明')).toBeUndefined();
  });

  it('sets a byline right: spaces inside names go, the names stay apart', () => {
    expect(tidyByline('记者 叶 小英 江阳 通 讯 员 焦 程')).toEqual({
      text: '记者 叶小英 江阳 通讯员 焦程',
      certain: true,
    });
    expect(tidyByline('本刊记者 毛一 严二三 见习记者 曹四')).toEqual({
      text: '本刊记者 毛一 严二三 见习记者 曹四',
      certain: true,
    });
  });

  it('leaves names it cannot tell apart as printed, and says so', () => {
    expect(tidyByline('记者 王 林林 李华')).toEqual({ text: '记者 王 林林 李华', certain: false });
  });

  it('recognises a line printed twice over', () => {
    expect(undouble('企业场景企业场景 王王 明明 供图供图')).toBe('企业场景 王 明 供图');
    expect(undouble('谢谢')).toBeUndefined();
    expect(undouble('企业生产场景 王明 供图')).toBeUndefined();
  });
});
