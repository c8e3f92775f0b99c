import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import {
  blockText,
  joinCutParagraphs,
  markPlainSubheads,
  settleHeadings,
  toBlocks,
  type Block,
} from '../../src/import/body.ts';
import { articleFile, issueMeta, renderReport } from '../../src/import/issue-files.ts';
import { NgramIndex } from '../../src/import/join.ts';
import { toLines } from '../../src/import/lines.ts';
import { fileName, importMagazine } from '../../src/import/magazine.ts';
import { hanCount } from '../../src/import/text.ts';

// Sentences written for these tests.
const para = (blocks: Block[]) => blocks.map((b) => b.text ?? b.lines.map((l) => l.text).join('\n'));

describe('joinCutParagraphs: paragraphs cut by a page break', () => {
  const index = (text: string) => new NgramIndex(text.split('\n'));

  it('joins a paragraph cut mid-word with the one right after the break', () => {
    const text =
      '我们的团队提供服务，也提供培训。\n\n公司表示，今后将继续加大投入，在全国各地陆续设立服务中心，为客户提\n\n供全套方案，效果很好。';
    const blocks = toBlocks(toLines(text));
    expect(joinCutParagraphs(blocks, index(text))).toEqual([]);
    expect(para(blocks)).toEqual([
      '我们的团队提供服务，也提供培训。',
      '公司表示，今后将继续加大投入，在全国各地陆续设立服务中心，为客户提供全套方案，效果很好。',
    ]);
  });

  it('moves the text of a figure that fell between the halves after the joined paragraph', () => {
    const cut = '据协会统计，今年全行业的销售额达到一千亿元，其中设计业同比增长';
    const text = `${cut}\n\n2024年行业规模\n\n资料来源：某协会\n\n2024年，全行业共有企业三百家。\n\n16.9%。这是多年来的最好成绩。`;
    const blocks = toBlocks(toLines(text));
    expect(joinCutParagraphs(blocks, index(text))).toEqual([]);
    expect(para(blocks)).toEqual([
      `${cut}16.9%。这是多年来的最好成绩。`,
      '2024年行业规模',
      '资料来源：某协会',
      '2024年，全行业共有企业三百家。',
    ]);
  });

  it('leaves a short caption-like line alone', () => {
    const text = '行业复苏，市场回暖\n\n今年的销售额创了新高，同比增长两成。';
    const blocks = toBlocks(toLines(text));
    expect(joinCutParagraphs(blocks, index(text))).toEqual([]);
    expect(blocks).toHaveLength(2);
  });

  it('reports a cut whose continuation could be in two places, and joins neither', () => {
    const text =
      '这项技术已经成熟，市场占有率由去年的一成提高到今年的\n\n## 小标题\n\n20%。这是一种说法。\n\n30%。这是另一种说法。';
    const blocks = toBlocks(toLines(text));
    const doubts = joinCutParagraphs(blocks, index(text));
    expect(doubts).toEqual([
      { lines: [1, 5, 7], message: 'line 1 ends mid-sentence; it may go on at line 5 or 7 (not joined)' },
    ]);
  });
});

describe('settleHeadings', () => {
  it('puts body headings below the title, one numbered series at one level, and a continuing number line made a heading', () => {
    const blocks = toBlocks(
      toLines(['### 01. 甲', '正文。', '## 02. 乙', '正文。', '03. 丙', '正文。', '#### 小节', '正文。'].join('\n')),
    );
    settleHeadings(blocks, 2);
    expect(
      blocks.filter((b) => b.kind === 'heading').map((b) => [b.level, b.lines[0]!.text.replace(/^#+ /, '')]),
    ).toEqual([
      [2, '01. 甲'],
      [2, '02. 乙'],
      [2, '03. 丙'],
      [3, '小节'],
    ]);
  });
});

describe('markPlainSubheads: the subheads of a text without # marks', () => {
  it('makes headings of short lines before prose, numbered ones below, and leaves captions, cut lines and notes', () => {
    const text = [
      '产能与投资',
      '',
      '（一）首期工程',
      '',
      '首期工程已于本月完工，设备全部到位。',
      '',
      '（二）二期工程',
      '',
      '二期工程明年动工，投资总额为首期的两倍。',
      '',
      '',
      '',
      '新厂房外景',
      '',
      '厂房占地四万平方米，分为三个车间。',
      '',
      '公司表示，新产线的',
      '',
      '良率已经超过九成，明年将再扩产一倍。',
      '',
      '联系人：王女士',
      '',
      '（以上数据为初步统计）',
      '',
      '数据由公司提供，未经审计。',
      '',
      '主编 王明',
      '',
      '责任编辑 李华',
      '',
      '美术编辑 赵敏',
      '',
      '本刊编辑部全体成员祝读者新年快乐。',
    ].join('\n');
    const blocks = toBlocks(toLines(text));
    joinCutParagraphs(blocks, new NgramIndex(text.split('\n')));
    markPlainSubheads(blocks);
    expect(blocks.map((b) => (b.kind === 'heading' ? b.lines[0]!.text : `${b.kind}: ${blockText(b)}`))).toEqual([
      '## 产能与投资',
      '### （一）首期工程',
      'para: 首期工程已于本月完工，设备全部到位。',
      '### （二）二期工程',
      'para: 二期工程明年动工，投资总额为首期的两倍。',
      'para: 新厂房外景',
      'para: 厂房占地四万平方米，分为三个车间。',
      'para: 公司表示，新产线的良率已经超过九成，明年将再扩产一倍。',
      'para: 联系人：王女士',
      'para: （以上数据为初步统计）',
      'para: 数据由公司提供，未经审计。',
      'para: 主编 王明',
      'para: 责任编辑 李华',
      '## 美术编辑 赵敏',
      'para: 本刊编辑部全体成员祝读者新年快乐。',
    ]);
  });
});

describe('markPlainSubheads: what stays as it is', () => {
  const marked = (lines: string[]) => {
    const text = lines.join('\n');
    const blocks = toBlocks(toLines(text));
    joinCutParagraphs(blocks, new NgramIndex(text.split('\n')));
    markPlainSubheads(blocks);
    return blocks.map((b) => (b.kind === 'heading' ? b.lines[0]!.text : `${b.kind}: ${blockText(b)}`));
  };

  it('leaves a list set as paragraphs, bullets and a line that starts with a sign', () => {
    expect(
      marked([
        '1. 星河科技',
        '',
        '2. 湖州微电子',
        '',
        '3. 杭州芯片公司',
        '',
        '三家企业今年都扩大了产能。',
        '',
        '- 滤波器',
        '- 光刻胶',
        '',
        '两类产品的国产化率都在提高。',
        '',
        '-40℃下的坚守',
        '',
        '工程师们在严寒中完成了调试。',
      ]),
    ).toEqual([
      'list: 1. 星河科技',
      'list: 2. 湖州微电子',
      'list: 3. 杭州芯片公司',
      'para: 三家企业今年都扩大了产能。',
      'list: - 滤波器\n- 光刻胶',
      'para: 两类产品的国产化率都在提高。',
      'para: -40℃下的坚守',
      'para: 工程师们在严寒中完成了调试。',
    ]);
  });

  it('counts an image’s gap between input lines, also where a cut paragraph was joined across it', () => {
    expect(
      marked([
        '产线概况',
        '',
        '公司表示，新产线的',
        '',
        '',
        '',
        '',
        '新厂房外景',
        '',
        '- 左侧为一号车间',
        '',
        '良率已经超过九成，明年将再扩产一倍。',
      ]),
    ).toEqual([
      '## 产线概况',
      'para: 公司表示，新产线的良率已经超过九成，明年将再扩产一倍。',
      'para: 新厂房外景',
      'list: - 左侧为一号车间',
    ]);
  });
});

const ISSUE = `# 示例月刊

## EXAMPLE NEWS

示例出版社


# 广告页

欢迎使用示例服务平台。

# 目录

### • 新闻

- ▲星河科技: 新产线投产 — 01
- ▲存储芯片价格上涨 — 03

\\*免责声明:

本刊转载文章仅代表作者观点。

### • 观点

- ▲关于先进封装的三点看法 — 05

## 星河科技：新产线投产

星河科技今日宣布新产线投产 ,年产能翻番。

示例月刊 | 新闻

12

### 产线规模

序号\t产品\t产能（万片）
1\t晶圆\t12
2\t封装\t8

（来源：某某网）

## 星河科技：新产线投产

存储芯片价格本月上涨，涨幅超过一成。

(来源：某财经)

# 关于先进封装的三点看法

先进封装正成为芯片性能提升的主要手段。

示例出版有限公司

地址：某路1号
投稿：a@example.org`;

/** The line number of a line of ISSUE (its n-th occurrence). */
const lineOf = (text: string, nth = 1) =>
  ISSUE.split('\n').findIndex(
    (l, i, all) => l === text && all.slice(0, i + 1).filter((x) => x === text).length === nth,
  ) + 1;

describe('importMagazine', () => {
  const pub = {
    name: '示例月刊',
    englishName: 'EXAMPLE NEWS',
    sections: [
      { id: 'news', title: '新闻', english: 'NEWS' },
      { id: 'views', title: '观点' },
    ],
    imprint: { publisher: ['示例出版有限公司'], address: '某路1号', submissions: 'a@example.org' },
  };
  const r = importMagazine(ISSUE, { pinyin, pub });

  it('makes one article per 目录 entry, with its section, order and printed page', () => {
    expect(r.articles.map((a) => [a.order, a.section, a.printPage, a.title])).toEqual([
      [1, 'news', 1, '星河科技：新产线投产'],
      [2, 'news', 3, '存储芯片价格上涨'],
      [3, 'views', 5, '关于先进封装的三点看法'],
    ]);
  });

  it('takes the 来源 line into the front matter, tidies the prose and drops the running head and folio', () => {
    const a = r.articles[0]!;
    expect(a.source).toBe('某某网');
    expect(a.body).toBe(
      [
        '星河科技今日宣布新产线投产，年产能翻番。',
        '## 产线规模',
        '| 序号 | 产品 | 产能（万片） |\n| ---: | --- | ---: |\n| 1 | 晶圆 | 12 |\n| 2 | 封装 | 8 |',
      ].join('\n\n') + '\n',
    );
    expect(r.parts.find((p) => p.heading.startsWith('Running heads'))!.quote!.map((l) => l.text)).toEqual([
      '示例月刊 | 新闻',
      '12',
    ]);
    expect(articleFile(a)).toMatch(
      /^---\ntitle: 星河科技：新产线投产\nsection: news\norder: 1\nprintPage: 1\nsource: 某某网\n---\n/,
    );
  });

  it('starts an article whose title is missing where the previous one ended, and says so', () => {
    expect(r.articles[1]!.body).toBe('存储芯片价格本月上涨，涨幅超过一成。\n');
    expect(r.doubts.map((d) => d.message)).toEqual([
      expect.stringContaining(
        `the title of the entry at line ${lineOf('- ▲存储芯片价格上涨 — 03')} (page 3) is not in the body. The article was taken to start at line ${lineOf('## 星河科技：新产线投产', 2)}, a heading that repeats the previous article's title`,
      ),
    ]);
    expect(r.added.map((a) => a.text)).toContain('存储芯片价格上涨');
  });

  it('puts masthead, front page, disclaimer and back cover in the report, compared with publication.yaml', () => {
    expect(r.parts.map((p) => p.heading)).toEqual([
      `Table of contents (lines ${lineOf('# 目录')}–${lineOf('- ▲关于先进封装的三点看法 — 05')})`,
      `Masthead (lines 1–${lineOf('示例出版社')})`,
      `Pages before the table of contents (lines ${lineOf('# 广告页')}–${lineOf('欢迎使用示例服务平台。')})`,
      `Disclaimer (lines ${lineOf('\\*免责声明:')}–${lineOf('本刊转载文章仅代表作者观点。')})`,
      `Back cover (lines ${lineOf('示例出版有限公司')}–${lineOf('投稿：a@example.org')})`,
      `Heading replaced by the title from the table of contents (line ${lineOf('## 星河科技：新产线投产', 2)})`,
      'Running heads and page numbers removed from the articles',
    ]);
    expect(r.parts[1]!.notes).toContain("The name is publication.yaml's `name`.");
    expect(r.parts[4]!.notes).toEqual([
      "It is publication.yaml's `imprint` (the back cover every issue prints): nothing to change.",
    ]);
  });

  it('places every non-empty line, and the report adds no Han character of its own', () => {
    const lines = ISSUE.split('\n');
    expect(lines.filter((l) => l.trim()).length).toBe(r.placed.size);
    const { meta, notes } = issueMeta(r, {
      folderId: '2025-07',
      existing: [{ year: 2026, month: 10, number: 86 }],
      today: new Date('2026-11-01'),
    });
    expect(meta).toMatchObject({
      number: 71,
      year: 2025,
      month: 7,
      date: '2025-07-01',
      headline: '星河科技：新产线投产',
    });
    const report = renderReport(r, {
      input: 'issue.md',
      inputLines: lines.length,
      out: 'issues/2025-07',
      builds: '',
      metaNotes: notes,
    });
    const quoted = [...r.placed].filter(([, w]) => w === 'report').map(([n]) => lines[n - 1]!);
    expect(hanCount(report)).toBe(hanCount(quoted.join('')));
  });
});

/** The line number of a line of a made-up issue. */
const lineIn = (issue: string, text: string) => issue.split('\n').indexOf(text) + 1;

const PUB = {
  name: '示例周刊',
  sections: [
    { id: 'news', title: '新闻', english: 'NEWS' },
    { id: 'views', title: '观点', english: 'VIEWS' },
  ],
};

// Plain text, not a # anywhere: a spaced heading, bare sections with English names, leader dots, a title over
// two lines, titles that end in a number, two entries on one page; in the body, each title a line of its own.
const PLAIN_ISSUE = `示例周刊

2025年第7期 总第71期

目 录
CONTENTS

新闻 NEWS
星河科技新产线投产……01
存储芯片价格上涨……01
2025年度报告 第3期……03

观点 VIEWS
关于先进封装的
三点看法 ........ 05
GPU CPO, 国内首创 ........ 08

星河科技新产线投产
星河科技今日宣布新产线投产，年产能翻番。
公司表示，新产线将在年底前满产。

存储芯片价格上涨
存储芯片价格本月上涨，涨幅超过一成。

示例周刊 | 新闻
3

2025年度报告 第3期
协会发布了第三期年度报告，全行业销售额增长两成。

关于先进封装的三点看法
先进封装正成为芯片性能提升的主要手段。

GPU CPO，国内首创
国内企业首次推出了图形处理器与光模块共封装的产品。`;

// Markdown, the heading quoted and bold with its English name, a line under it that is no entry, bracketed and
// ▌ sections, pages before the titles (one title over two lines, the page on the first).
const PAGE_FIRST_ISSUE = `# 示例周刊

> **目录 CONTENTS**

2025年第8期

【新闻】NEWS

01 星河科技：新产线投产
P2 湖州滤波器项目
   正式通线
04 LPDDR6内存标准

▌观点

06 关于先进封装的三点看法

# 星河科技：新产线投产

星河科技今日宣布新产线投产，年产能翻番。

## 湖州滤波器项目正式通线

湖州的滤波器项目本月正式通线。

## LPDDR6内存标准

新一代内存标准本月发布。

## 关于先进封装的三点看法

先进封装正成为芯片性能提升的主要手段。`;

describe('importMagazine: 目录s of other shapes', () => {
  it('reads a plain-text issue: every entry to its article, section and page, runs-on marked', () => {
    const r = importMagazine(PLAIN_ISSUE, { pinyin, pub: PUB });
    expect(r.articles.map((a) => [a.order, a.section, a.printPage, a.newPage, a.title])).toEqual([
      [1, 'news', 1, undefined, '星河科技新产线投产'],
      [2, 'news', 1, false, '存储芯片价格上涨'],
      [3, 'news', 3, undefined, '2025年度报告 第3期'],
      [4, 'views', 5, undefined, '关于先进封装的三点看法'],
      [5, 'views', 8, undefined, 'GPU CPO，国内首创'],
    ]);
    expect(r.articles.map((a) => a.lines[0])).toEqual(
      [
        '星河科技新产线投产',
        '存储芯片价格上涨',
        '2025年度报告 第3期',
        '关于先进封装的三点看法',
        'GPU CPO，国内首创',
      ].map((t) => PLAIN_ISSUE.split('\n').lastIndexOf(t) + 1),
    );
    expect(r.articles[0]!.body).toBe('星河科技今日宣布新产线投产，年产能翻番。\n公司表示，新产线将在年底前满产。\n');
    expect(r.articles[1]!.body).toBe('存储芯片价格本月上涨，涨幅超过一成。\n');
    expect(r.doubts).toEqual([]);
  });

  it('names the files by the titles in pinyin, unique in the issue: titles that start alike by more words', () => {
    const r = importMagazine(PLAIN_ISSUE, { pinyin, pub: PUB });
    expect(r.articles.map(fileName)).toEqual([
      '01-xing-he-ke-ji-xin-chan.md',
      '02-cun-chu-xin-pian-jia-ge.md',
      '03-2025-nian-du-bao-gao-di.md',
      '04-guan-yu-xian-jin-feng-zhuang.md',
      '05-gpu-cpo-guo-nei-shou-chuang.md',
    ]);
    const twice = importMagazine(PLAIN_ISSUE.replaceAll('存储芯片价格上涨', '星河科技新产线投产第二篇'), {
      pinyin,
      pub: PUB,
    });
    expect(twice.articles.map((a) => a.slug).slice(0, 2)).toEqual([
      'xing-he-ke-ji-xin-chan-xian-tou-chan',
      'xing-he-ke-ji-xin-chan-xian-tou-chan-di',
    ]);
  });

  it('writes newPage: true for an article on a page of its own in a section that runs its articles on', () => {
    const pub = { ...PUB, sections: PUB.sections.map((s) => (s.id === 'news' ? { ...s, runOn: true } : s)) };
    const r = importMagazine(PLAIN_ISSUE, { pinyin, pub });
    expect(r.articles.map((a) => [a.section, a.printPage, a.newPage])).toEqual([
      ['news', 1, true],
      ['news', 1, false],
      ['news', 3, true],
      ['views', 5, undefined],
      ['views', 8, undefined],
    ]);
    expect(articleFile(r.articles[2]!)).toMatch(/\nprintPage: 3\nnewPage: true\n---\n/);
    expect(articleFile(r.articles[1]!)).toMatch(/\nnewPage: false\n---\n/);
    expect(articleFile(r.articles[3]!)).not.toMatch(/newPage/);
  });

  it('reads pages before the titles, and reports the 目录 line it could not read with its number and text', () => {
    const r = importMagazine(PAGE_FIRST_ISSUE, { pinyin, pub: PUB });
    expect(r.articles.map((a) => [a.order, a.section, a.printPage, a.title])).toEqual([
      [1, 'news', 1, '星河科技：新产线投产'],
      [2, 'news', 2, '湖州滤波器项目正式通线'],
      [3, 'news', 4, 'LPDDR6内存标准'],
      [4, 'views', 6, '关于先进封装的三点看法'],
    ]);
    const n = lineIn(PAGE_FIRST_ISSUE, '2025年第8期');
    expect(r.doubts.map((d) => d.message)).toEqual([
      expect.stringMatching(new RegExp(`^line ${n}, among the lines of the table of contents, is neither an entry`)),
    ]);
    const part = r.parts.find((p) => p.heading.startsWith('Table of contents lines read as neither'))!;
    expect(part.quote).toEqual([{ n, text: '2025年第8期' }]);
    const report = renderReport(r, { input: 'issue.md', inputLines: 0, out: 'issues/x', builds: '', metaNotes: [] });
    expect(report).toContain(`${n}  2025年第8期`);
  });

  it("starts a plain-text article whose title is missing on the line after the previous one's source line", () => {
    const issue = PLAIN_ISSUE.replace(
      '满产。\n\n存储芯片价格上涨\n',
      '满产。\n（来源：某某网）\n\n星河科技新产线投产\n',
    );
    const r = importMagazine(issue, { pinyin, pub: PUB });
    expect(r.articles.map((a) => [a.printPage, a.title])).toEqual([
      [1, '星河科技新产线投产'],
      [1, '存储芯片价格上涨'],
      [3, '2025年度报告 第3期'],
      [5, '关于先进封装的三点看法'],
      [8, 'GPU CPO，国内首创'],
    ]);
    const repeated = issue.split('\n').lastIndexOf('星河科技新产线投产') + 1;
    expect(r.articles[1]!.lines[0]).toBe(repeated);
    expect(r.articles[1]!.body).toBe('存储芯片价格本月上涨，涨幅超过一成。\n');
    expect(r.doubts.map((d) => d.message)).toEqual([
      expect.stringContaining(
        `taken to start at line ${repeated}, the line after the previous article's source line that repeats the previous article's title`,
      ),
    ]);
  });

  it('takes a plain article’s byline, and starts a missing title after the 来源 that ends an article, not a figure’s', () => {
    const issue = PLAIN_ISSUE.replace('星河科技今日宣布', '本刊记者 林晓\n\n星河科技今日宣布').replace(
      '满产。\n\n存储芯片价格上涨\n',
      '满产。\n\n来源：星河科技年报\n\n产能分布\n\n两座工厂各占一半产能。\n\n（来源：某某网）\n\n星河科技新产线投产\n',
    );
    const r = importMagazine(issue, { pinyin, pub: PUB });
    expect(r.articles.map((a) => a.title).slice(0, 2)).toEqual(['星河科技新产线投产', '存储芯片价格上涨']);
    expect(r.articles[0]!.byline).toBe('本刊记者 林晓');
    expect(r.articles[0]!.body).toContain('## 产能分布\n\n两座工厂各占一半产能。');
    expect(r.articles[0]!.body).toContain('来源：星河科技年报');
    expect(r.articles[1]!.body).toBe('存储芯片价格本月上涨，涨幅超过一成。\n');
  });

  it('says which entry it did not find in the body, by its line, and where its text went', () => {
    const issue = PLAIN_ISSUE.replace('\n存储芯片价格上涨\n存储芯片', '\n存储芯片');
    const r = importMagazine(issue, { pinyin, pub: PUB });
    expect(r.articles.map((a) => a.printPage)).toEqual([1, 3, 5, 8]);
    expect(r.doubts.map((d) => d.message)).toEqual([
      `the entry at line ${lineIn(issue, '存储芯片价格上涨……01')} (page 1; "not found" in the table of contents below) was not found in the body: no article was made for it; its text, if there is any, is in the article before it.`,
    ]);
    const toc = r.parts.find((p) => p.heading.startsWith('Table of contents ('))!;
    expect(toc.table!.rows[1]).toEqual([
      '1',
      'news',
      '存储芯片价格上涨……01',
      String(lineIn(issue, '存储芯片价格上涨……01')),
      'not found',
      '',
    ]);
  });
});

describe('importMagazine without a 目录 it can read', () => {
  it('names the line of a 目录 heading no entries follow, with the lines after it', () => {
    const text =
      '# 测试月刊\n\n总第1期\n\n目  录\n\n本期导读：芯片与人才\n\n设计业的新一年\n\n# 设计业的新一年\n\n正文第一段。\n';
    expect(() => importMagazine(text, { pinyin, pub: PUB })).toThrow(
      expect.objectContaining({
        heading: { line: 5, after: ['本期导读：芯片与人才', '设计业的新一年', '# 设计业的新一年'] },
      }),
    );
  });

  it('says there is none when no line reads as its heading', () => {
    expect(() => importMagazine('# 测试月刊\n\n正文第一段。\n', { pinyin, pub: PUB })).toThrow(
      expect.objectContaining({ heading: undefined, message: 'no 目录 (table of contents) found' }),
    );
  });
});
