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
