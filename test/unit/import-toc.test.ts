import { describe, expect, it } from 'vitest';
import { toLines } from '../../src/import/lines.ts';
import { matchTitles } from '../../src/import/match.ts';
import { parseToc, tocEntries } from '../../src/import/toc.ts';

// A made-up issue's 目录, in the shapes extraction gives them: bullet sections at two heading levels, entries
// ending in "— NN", a dotted leader, a title over two lines, and the disclaimer under it.
const TOC = `# 示例月刊

# 目录

## CONTENTS

### • 新闻

- ▲星河科技: 新产线投产 — 01
- ▲湖州滤波器项目正式通线 — 03

\\*免责声明:

本刊转载文章仅代表作者观点。

## • 观点

- ▲ 关于先进封装的
三点看法 — 07
- 芯片设计人才从哪里来 ...... 12

## 第一篇正文的标题`;

describe('parseToc', () => {
  const toc = parseToc(toLines(TOC), ['新闻', '观点'])!;

  it('reads sections, entries and their printed pages', () => {
    expect(toc.sections.map((s) => [s.title, s.entries.map((e) => [e.title, e.page])])).toEqual([
      [
        '新闻',
        [
          ['星河科技: 新产线投产', 1],
          ['湖州滤波器项目正式通线', 3],
        ],
      ],
      [
        '观点',
        [
          ['关于先进封装的三点看法', 7],
          ['芯片设计人才从哪里来', 12],
        ],
      ],
    ]);
  });

  it('keeps the lines each entry came from, a two-line title with both', () => {
    expect(tocEntries(toc).map(({ entry }) => entry.lines)).toEqual([[9], [10], [18, 19], [20]]);
  });

  it('reads the disclaimer, and ends before the first line that is no part of a 目录', () => {
    expect(toc.disclaimers).toEqual([{ text: '本刊转载文章仅代表作者观点。', lines: [12, 14] }]);
    expect([toc.start, toc.end]).toEqual([3, 20]);
    expect(toc.other).toEqual([3, 5]);
  });

  it('finds nothing in text without a 目录', () => {
    expect(parseToc(toLines('# 标题\n\n正文。'))).toBeUndefined();
  });
});

/** A 目录's sections and entries as [section, [title, page]…], for compact expectations. */
function read(text: string, known: string[] = []) {
  const toc = parseToc(toLines(text), known);
  return toc?.sections.map((s) => [s.title, s.entries.map((e) => [e.title, e.page])]);
}

/** A made-up body line that ends the 目录 in the tests below: prose. */
const PROSE = '这是第一篇文章的正文，它说明了一件事。';

describe('parseToc: the shapes a printed 目录 comes in', () => {
  it('finds the heading in any of its printed forms', () => {
    for (const word of ['目录', '目 录', '目次', 'CONTENTS', '目录 CONTENTS'])
      for (const heading of [`# ${word}`, `> ${word}`, `**${word}**`, `> **${word}**`, word]) {
        const toc = parseToc(toLines(`${heading}\n\n• 新闻\n\n星河科技新产线投产 — 01\n\n${PROSE}`));
        expect([heading, toc?.start, toc?.sections[0]?.entries.length]).toEqual([heading, 1, 1]);
      }
  });

  it('takes the first 目录 heading that lists entries, and its other headings as its own lines', () => {
    const toc = parseToc(toLines(`目录\n\n本期导读\n${PROSE}\n\nCONTENTS\n目 录\n• 新闻\n星河科技 — 01\n\n${PROSE}`))!;
    expect([toc.start, toc.other, toc.end]).toEqual([6, [6, 7], 9]);
  });

  it('reads sections marked in any way, an English name after them dropped', () => {
    const marks = [
      '• 新闻',
      '◆ 新闻',
      '■新闻',
      '● 新闻',
      '▌新闻',
      '【新闻】',
      '[新闻]',
      '## 新闻',
      '**新闻**',
      '新闻 NEWS',
    ];
    for (const mark of [...marks, '> ### • 新闻 NEWS', '【新闻】NEWS']) {
      const other = mark.replace('新闻', '观点').replace('NEWS', 'VIEWS');
      const toc = `# 目录\n\n${mark}\n\n- ▲星河科技新产线投产 — 01\n- ▲存储芯片价格上涨 — 03\n\n${other}\n\n- ▲关于先进封装的三点看法 — 05\n\n${PROSE}`;
      expect([mark, read(toc)]).toEqual([
        mark,
        [
          [
            '新闻',
            [
              ['星河科技新产线投产', 1],
              ['存储芯片价格上涨', 3],
            ],
          ],
          ['观点', [['关于先进封装的三点看法', 5]]],
        ],
      ]);
    }
  });

  it('reads a bare section name: a known section, or without publication.yaml a few Han characters before entries', () => {
    const toc = `目录\n\n行业新闻\n星河科技新产线投产 01\n存储芯片价格上涨 03\n观点与评论\n关于先进封装的三点看法 05\n\n${PROSE}`;
    expect(read(toc)).toEqual([
      [
        '行业新闻',
        [
          ['星河科技新产线投产', 1],
          ['存储芯片价格上涨', 3],
        ],
      ],
      ['观点与评论', [['关于先进封装的三点看法', 5]]],
    ]);
    const known = `目录\n\n深度观察与产业评论\n关于先进封装的三点看法 05\n\n${PROSE}`;
    expect(read(known, ['深度观察与产业评论'])).toEqual([['深度观察与产业评论', [['关于先进封装的三点看法', 5]]]]);
  });

  it('reads every printed shape of an entry, in a Markdown list or not', () => {
    const shapes: [string, string, number][] = [
      ['▲星河科技新产线投产 — 01', '星河科技新产线投产', 1],
      ['星河科技新产线投产 - 01', '星河科技新产线投产', 1],
      ['星河科技新产线投产——1', '星河科技新产线投产', 1],
      ['星河科技新产线投产……01', '星河科技新产线投产', 1],
      ['星河科技新产线投产…… 01', '星河科技新产线投产', 1],
      ['星河科技新产线投产 ........ 01', '星河科技新产线投产', 1],
      ['星河科技新产线投产 ·········· 01', '星河科技新产线投产', 1],
      ['星河科技新产线投产\t01', '星河科技新产线投产', 1],
      ['星河科技新产线投产 01', '星河科技新产线投产', 1],
      ['01 星河科技新产线投产', '星河科技新产线投产', 1],
      ['01  星河科技新产线投产', '星河科技新产线投产', 1],
      ['P1 星河科技新产线投产', '星河科技新产线投产', 1],
      ['p.1 星河科技新产线投产', '星河科技新产线投产', 1],
      ['星河科技新产线投产 P01', '星河科技新产线投产', 1],
      ['星河科技新产线投产 p.1', '星河科技新产线投产', 1],
      ['星河科技新产线投产／01', '星河科技新产线投产', 1],
      ['让RISC-V成为引擎 / 12', '让RISC-V成为引擎', 12],
      ['**星河科技新产线投产** — 01', '星河科技新产线投产', 1],
    ];
    for (const [line, title, page] of shapes)
      for (const printed of [line, `- ${line}`, `* ● ${line}`]) {
        expect([printed, read(`目录\n\n■ 新闻\n\n${printed}\n\n${PROSE}`)]).toEqual([
          printed,
          [['新闻', [[title, page]]]],
        ]);
      }
  });

  it('keeps the number a title ends in, and takes no year for a page', () => {
    const toc = [
      '目录',
      '• 新闻',
      '2025年度报告 第3期 — 12',
      'GPU CPO, 国内首创 — 37',
      'LPDDR6内存标准 — 42',
      'LPDDR6内存标准 43',
      '半导体展望 2025 ...... 44',
      '半导体展望2025 45',
      '半导体展望 2025',
      '',
      PROSE,
    ].join('\n');
    const toc2 = parseToc(toLines(toc))!;
    expect(read(toc)).toEqual([
      [
        '新闻',
        [
          ['2025年度报告 第3期', 12],
          ['GPU CPO, 国内首创', 37],
          ['LPDDR6内存标准', 42],
          ['LPDDR6内存标准', 43],
          ['半导体展望 2025', 44],
          ['半导体展望2025', 45],
        ],
      ],
    ]);
    expect([toc2.end, toc2.unread]).toEqual([8, []]); // "半导体展望 2025" has no page: the 目录 ended before it
  });

  it('reads a title over two lines: the page on the second, or, for "01 标题", on the first', () => {
    const toc = [
      '目录',
      '• 新闻',
      '- ▲关于先进封装的', // 3
      '三点看法 — 05',
      'GPU CPO', // 5
      '国内首创 — 07',
      '• 观点',
      '09 集成电路产业协同发展对接会暨', // 8
      '  特色产业平台交流会',
      '11 芯片设计人才从哪里来', // 10
      '',
      PROSE,
    ].join('\n');
    expect(read(toc)).toEqual([
      [
        '新闻',
        [
          ['关于先进封装的三点看法', 5],
          ['GPU CPO国内首创', 7],
        ],
      ],
      [
        '观点',
        [
          ['集成电路产业协同发展对接会暨特色产业平台交流会', 9],
          ['芯片设计人才从哪里来', 11],
        ],
      ],
    ]);
    expect(tocEntries(parseToc(toLines(toc))!).map(({ entry }) => entry.lines)).toEqual([[3, 4], [5, 6], [8, 9], [10]]);
  });

  it('keeps the lines it cannot read, and reads on after them', () => {
    const toc = parseToc(
      toLines(
        [
          '目录',
          '2025年第7期 总第71期', // 2: under the heading
          '● 新闻',
          '● 星河科技新产线投产 — 01',
          '● 这一行的页码没有印出来', // 5: the bullet of entries, no page
          '● 存储芯片价格上涨 — 03',
          '',
          '## 星河科技新产线投产', // 8: the first article
          PROSE,
        ].join('\n'),
      ),
    )!;
    expect(toc.unread).toEqual([2, 5]);
    expect(toc.sections.map((s) => [s.title, s.entries.map((e) => e.title)])).toEqual([
      ['新闻', ['星河科技新产线投产', '存储芯片价格上涨']],
    ]);
    expect(toc.end).toBe(6);
  });
});

describe('parseToc: titles that end in a number', () => {
  it('reads every line in the shape most of the 目录 uses: a page first, or a page last', () => {
    const pageLast = `目录\n\n■ 新闻\n星河科技新产线投产 01\n存储芯片价格上涨 03\n10 大趋势引领产业 05\n\n${PROSE}`;
    expect(read(pageLast)).toEqual([
      [
        '新闻',
        [
          ['星河科技新产线投产', 1],
          ['存储芯片价格上涨', 3],
          ['10 大趋势引领产业', 5],
        ],
      ],
    ]);
    const pageFirst = `目录\n\n■ 新闻\n01 星河科技新产线投产\n03 存储芯片价格上涨\n05 大趋势引领产业 10\n\n${PROSE}`;
    expect(read(pageFirst)).toEqual([
      [
        '新闻',
        [
          ['星河科技新产线投产', 1],
          ['存储芯片价格上涨', 3],
          ['大趋势引领产业 10', 5],
        ],
      ],
    ]);
  });

  it('takes P and a number for a page only where the 目录 prints its pages so', () => {
    const pageFirst = `目录\n\n■ 新闻\n01 星河科技新产线投产\n12 解读某品牌P70\n\n${PROSE}`;
    expect(read(pageFirst)).toEqual([
      [
        '新闻',
        [
          ['星河科技新产线投产', 1],
          ['解读某品牌P70', 12],
        ],
      ],
    ]);
    const twoLines = `目录\n\n■ 新闻\n星河科技新产线投产 — 01\n解读某品牌P70\n新品发布会 — 12\n某品牌 P80\n上手体验 — 14\n\n${PROSE}`;
    expect(read(twoLines)).toEqual([
      [
        '新闻',
        [
          ['星河科技新产线投产', 1],
          ['解读某品牌P70新品发布会', 12],
          ['某品牌 P80上手体验', 14],
        ],
      ],
    ]);
    const pPages = `目录\n\n■ 新闻\n星河科技新产线投产 P01\n存储芯片价格上涨 P03\n\n${PROSE}`;
    expect(read(pPages)).toEqual([
      [
        '新闻',
        [
          ['星河科技新产线投产', 1],
          ['存储芯片价格上涨', 3],
        ],
      ],
    ]);
  });

  it("reads a title's own number as no page where the pages would go back: the line is the first of a title", () => {
    const toc = [
      '目录',
      '■ 新闻',
      '星河科技新产线投产 — 01',
      '某操作系统 11', // 4: 11, then 06: the pages would go back
      '新特性解读 — 06',
      '存储芯片价格上涨 — 10',
      '某芯片厂发布新一代 8', // 7: 8 after 10
      '旗舰移动平台 — 12',
      '',
      PROSE,
    ].join('\n');
    expect(read(toc)).toEqual([
      [
        '新闻',
        [
          ['星河科技新产线投产', 1],
          ['某操作系统 11新特性解读', 6],
          ['存储芯片价格上涨', 10],
          ['某芯片厂发布新一代 8旗舰移动平台', 12],
        ],
      ],
    ]);
    expect(tocEntries(parseToc(toLines(toc))!).map(({ entry }) => entry.lines)).toEqual([[3], [4, 5], [6], [7, 8]]);
  });

  it("ends before the first article's title, a number at its end and a mark the entries do not carry", () => {
    for (const title of ['## 迈向 Top 10', '## 某芯片厂发布新一代 3']) {
      const toc = parseToc(
        toLines(`目录\n\n■ 新闻\n星河科技新产线投产 01\n存储芯片价格上涨 05\n\n${title}\n\n${PROSE}`),
      )!;
      expect([title, tocEntries(toc).map(({ entry }) => entry.page), toc.end, toc.unread]).toEqual([
        title,
        [1, 5],
        5,
        [],
      ]);
    }
    // Entries printed as headings keep their mark.
    expect(read(`目录\n\n## 星河科技新产线投产 01\n## 存储芯片价格上涨 05\n\n${PROSE}`)).toEqual([
      [
        '',
        [
          ['星河科技新产线投产', 1],
          ['存储芯片价格上涨', 5],
        ],
      ],
    ]);
  });

  it('reads long lines and lines of marks alone in linear time', () => {
    const lines = ['- '.repeat(20_000), '*'.repeat(40_000), '# '.repeat(20_000), `${'星河'.repeat(20_000)} 05`];
    const started = performance.now();
    const toc = parseToc(toLines(`目录\n\n■ 新闻\n星河科技新产线投产 01\n${lines.join('\n')}\n\n${PROSE}`))!;
    expect(performance.now() - started).toBeLessThan(1000);
    expect([tocEntries(toc).length, toc.end]).toEqual([1, 4]);
  });
});

describe('matchTitles', () => {
  const body = toLines(
    [
      '## 星河科技：新产线投产', // 1
      '正文提到《湖州滤波器项目正式通线》一文。', // 2: a quotation in prose, no title
      '## 湖州滤波器项目', // 3: the title broken over two lines
      '正式通线', // 4
      '这是第二篇的正文。', // 5
      '## 关于先进封装的三点看法（上）', // 6: a variant of the title
      '正文。', // 7
    ].join('\n'),
  );
  const titles = ['星河科技: 新产线投产', '湖州滤波器项目正式通线', '关于先进封装的三点看法', '芯片设计人才从哪里来'];
  const found = matchTitles(titles, body);

  it('finds a title equal but for punctuation, and one broken over lines', () => {
    expect(found[0]).toMatchObject({ lines: [1], how: 'exact' });
    expect(found[1]).toMatchObject({ lines: [3, 4], how: 'exact' });
  });

  it('finds a close variant, and says when a title is not there', () => {
    expect(found[2]).toMatchObject({ lines: [6], how: 'close' });
    expect(found[3]).toBeUndefined();
  });

  it('keeps the 目录 order: a title quoted in an earlier article does not pull the rest out of place', () => {
    const lines = toLines(['## 乙文标题甲', '## 甲文标题', '正文', '## 乙文标题', '正文'].join('\n'));
    const m = matchTitles(['甲文标题', '乙文标题'], lines);
    expect(m.map((x) => x?.lines)).toEqual([[2], [4]]);
  });

  it('falls back to a fuzzy match between two sure ones', () => {
    const lines = toLines(
      ['## 第一篇的标题', '正文', '## 先进封装三点看法及建议', '正文', '## 第三篇的标题'].join('\n'),
    );
    const m = matchTitles(['第一篇的标题', '先进封装的三点看法与建议', '第三篇的标题'], lines);
    expect(m[1]).toMatchObject({ lines: [3], how: 'fuzzy' });
    const m2 = matchTitles(['第一篇的标题', '芯片设计人才从哪里来', '第三篇的标题'], lines);
    expect(m2[1]).toBeUndefined(); // too different: not taken
  });
});
