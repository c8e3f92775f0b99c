import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { importNewspaper } from '../../src/import/newspaper.ts';
import { hanCount } from '../../src/import/text.ts';

// Pages written for these tests, in the shapes extraction gives: long lines with hard breaks at the column's
// end, or narrow columns with a break every ten characters.
const WIDE = `
示例日报 2026 特刊

星河公司召开年度合作伙伴大会

第二届芯片产业论坛在京举行

本报讯 3月2日,星河公司在杭州召开年度合作伙伴大会,来自上下游的两百家企业参会。会议发布了新一代

产品路线图。(王明)

本报讯 3月3日,第二届芯片产业论坛在北京举行。与会专家围绕先进封装展开讨论。(李华)

以创新驱动高质量发展

——示例公司系统扎实推进技术攻关

3月1日,示例公司召开会议,部署全年技术攻关任务。各部门迅速行动,推动工作落地见效。

技术攻关 全面铺开

研发中心组建了五个攻关小组,分别负责芯片设计、制造和封装等方向的关键技

术。各小组每周汇报进展。

(下转第2版)

年度专题

编者按:3月下旬,示例展会将在上海举行。本报推出特刊,聚焦产业新动向。

先进封装迎来新机遇

本报记者 赵一

今年以来,先进封装企业不断传出新进展,市场需求持续旺盛。

图为某企业的封装生产线

业内人士认为,这一趋势还将延续。

示例出版物 官方店 微订阅
扫码关注 微信号:example
`;

describe('importNewspaper: a page set in long lines', () => {
  const r = importNewspaper(WIDE, { section: 'news', pinyin });

  it('reads the masthead as the issue headline and its year', () => {
    expect(r.issue).toMatchObject({ headline: '示例日报2026特刊', year: 2026 });
  });

  it('pairs stacked headlines with the items below them, in order, and reads the reporter in brackets', () => {
    expect(r.articles.map((a) => [a.title, a.byline])).toEqual([
      ['星河公司召开年度合作伙伴大会', '王明'],
      ['第二届芯片产业论坛在京举行', '李华'],
      ['以创新驱动高质量发展', undefined],
      ['编者按', undefined],
      ['先进封装迎来新机遇', '本报记者 赵一'],
    ]);
  });

  it('joins a paragraph cut by a hard break, keeps the opener, tidies punctuation', () => {
    expect(r.articles[0]!.body).toBe(
      '本报讯3月2日，星河公司在杭州召开年度合作伙伴大会，来自上下游的两百家企业参会。会议发布了新一代产品路线图。（王明）\n',
    );
  });

  it('keeps the subtitle, a subhead and the jump line, and reports where the article goes on', () => {
    const a = r.articles[2]!;
    expect(a.subtitle).toBe('示例公司系统扎实推进技术攻关');
    expect(a.body).toContain('## 技术攻关 全面铺开');
    expect(a.body).toContain('关键技术。各小组每周汇报进展。');
    expect(a.body.trim().endsWith('（下转第2版）')).toBe(true);
    expect(r.parts.find((p) => p.heading === 'Continued on other pages')!.notes).toEqual([
      'Line 26: article 3 goes on on page 2, which is not in this file; its text ends with the jump line.',
    ]);
  });

  it('reports a headline with no article, and puts the advertisement in the report', () => {
    expect(r.doubts.some((d) => d.message.startsWith('line 28: a headline with no article of its own'))).toBe(true);
    expect(r.parts.map((p) => p.heading)).toEqual([
      'Advertisement (lines 42–43)',
      'Headline without an article (line 28)',
      'Continued on other pages',
    ]);
  });

  it('keeps a photo caption in its article, and the staff byline out of the text', () => {
    const a = r.articles[4]!;
    expect(a.body).toBe(
      '今年以来，先进封装企业不断传出新进展，市场需求持续旺盛。\n\n图为某企业的封装生产线\n\n业内人士认为，这一趋势还将延续。\n',
    );
  });

  it('places every line once; what it copies is listed', () => {
    expect(r.placed.size).toBe(WIDE.split('\n').filter((l) => l.trim()).length);
    expect(r.added.map((a) => a.text)).toEqual(['王明', '李华', '编者按']);
  });
});

// Narrow columns; every headline printed after its article; names letter-spaced; a credit printed twice.
const NARROW = `“我们的产品主要用
在芯片封装中，还有
通讯设备，还有……”
王总经理说。

封装基板是芯片封装
材料中成本最高的一
项。公司研发的FCB-
GA基板已经送样，FCBGA
的良率今年以来稳步提

升。
（下转第2版）

推动封装基板研发

本刊记者 王明 李华

本刊讯（记者 叶 小
英 江阳）昨日下午，区
政府召开会议，研究部
署全年工作。会议强调

，要 统 一 思 想 、 步
调 一 致。

区政府召开会议
研究部署全年工作

企业生产场景企业生产场景 王王 明明 供图供图
`;

describe('importNewspaper: a page in narrow columns, headlines after their articles', () => {
  const r = importNewspaper(NARROW, { section: 'news', pinyin });

  it('brings each headline back to the front of the article before it', () => {
    expect(r.articles.map((a) => [a.title, a.subtitle, a.byline])).toEqual([
      ['推动封装基板研发', undefined, '本刊记者 王明 李华'],
      ['区政府召开会议 研究部署全年工作', undefined, '记者 叶小英 江阳'],
    ]);
  });

  it('joins the lines of a column, keeps paragraphs apart and mends a word broken with a hyphen', () => {
    expect(r.articles[0]!.body).toBe(
      '“我们的产品主要用在芯片封装中，还有通讯设备，还有……”王总经理说。\n\n封装基板是芯片封装材料中成本最高的一项。公司研发的FCBGA基板已经送样，FCBGA的良率今年以来稳步提升。\n\n（下转第2版）\n',
    );
  });

  it('closes up letter-spaced text and the names of a byline, only where certain', () => {
    expect(r.articles[1]!.body).toBe(
      '本刊讯（记者 叶小英 江阳）昨日下午，区政府召开会议，研究部署全年工作。会议强调，要统一思想、步调一致。\n',
    );
  });

  it('reports the credit printed twice over and keeps every Han character', () => {
    expect(r.doubts.map((d) => d.message)).toContain('line 30: a photo credit printed twice over; it is in no article');
    const written =
      r.articles.map((a) => [a.title, a.subtitle, a.byline, a.body].join('')).join('') + (r.issue.headline ?? '');
    const quoted = [...r.placed]
      .filter(([, w]) => w === 'report')
      .map(([n]) => NARROW.split('\n')[n - 1])
      .join('');
    expect(hanCount(written) + hanCount(quoted)).toBe(
      hanCount(NARROW) + r.added.reduce((n, a) => n + hanCount(a.text), 0),
    );
  });
});

describe('importNewspaper into a newspaper (placed on page 1)', () => {
  const long = '会议强调，要统一思想、步调一致，把各项任务落到实处。'.repeat(14);
  const page = `星河公司召开年度大会\n\n本报讯 ${long}（王明）\n\n短讯一则\n\n本报讯 3月3日，论坛在北京举行。（李华）\n\n另一篇长文\n\n本报讯 ${long}\n（下转第3版）\n`;
  const r = importNewspaper(page, { section: 'news', pinyin, placed: true });

  it('lets each long story without a jump of its own go on on the first page a jump names; a short one not', () => {
    expect(r.articles.map((a) => [a.title, a.jumpTo])).toEqual([
      ['星河公司召开年度大会', 3],
      ['短讯一则', undefined],
      ['另一篇长文', 3],
    ]);
    const notes = r.parts.find((p) => p.heading === 'Continued on other pages')!.notes!;
    expect(notes.some((n) => n.startsWith('Article 1 may go on on page 3 (`jumpTo: 3`)'))).toBe(true);
  });

  it('does not take a story that says 扫码 for an advertisement', () => {
    const story = importNewspaper(`平台上线\n\n本报讯 消费者扫码即可查看\n产品的来源。（王明）\n`, {
      section: 'news',
      pinyin,
      placed: true,
    });
    expect(story.articles.map((a) => a.title)).toEqual(['平台上线']);
    expect(story.articles[0]!.body).toContain('消费者扫码即可查看产品的来源。');
  });
});
