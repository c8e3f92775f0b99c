import { describe, expect, it } from 'vitest';
import { pastLimits } from '../../src/core/markdown/limits.ts';
import { parseMarkdown } from '../../src/core/markdown/parse.ts';
import { sourceBlocks } from '../../src/core/markdown/source-blocks.ts';
import { unclosedHtml } from '../../src/core/markdown/unclosed-html.ts';
import { svgProblem } from '../../src/core/svg-safety.ts';

const SVG = (inner: string, attrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs}>${inner}</svg>`;

describe('svgProblem', () => {
  it("passes a plain drawing, with a drawing program's notes and internal references", () => {
    const drawing = SVG(
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><sodipodi:namedview/><rect fill="url(#g)" width="10" height="10"/><use xlink:href="#g"/><text>营收</text><style>rect{fill:#333}</style>',
      ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"',
    );
    expect(svgProblem(drawing)).toBeUndefined();
  });

  it.each([
    ['a script', SVG('<script>alert(1)</script>'), '<script>'],
    ['an event handler', SVG('<rect onload="alert(1)"/>'), '事件属性 onload'],
    [
      'a link written with character references',
      SVG('<a xlink:href="&#106;avascript&#58;alert(document.domain)">x</a>'),
      '<a>',
    ],
    ['a reference to another file, with entities', SVG('<use href="&#106;avascript:alert(1)"/>'), '链接 href'],
    [
      'an XHTML iframe in its own namespace',
      SVG('<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="x"/>'),
      'h:iframe',
    ],
    [
      'an iframe that redeclares the default namespace',
      SVG('<iframe xmlns="http://www.w3.org/1999/xhtml"/>'),
      'http://www.w3.org/1999/xhtml',
    ],
    ['embedded HTML', SVG('<foreignObject><div>x</div></foreignObject>'), '<foreignObject>'],
    ['an animation that sets a link', SVG('<set attributeName="href" to="javascript:alert(1)"/>'), '<set>'],
    ['a style sheet that loads one', SVG('<style>@import url(https://example.org/x.css);</style>'), '<style>'],
    ['a remote image', SVG('<image href="https://example.org/a.png"/>'), '链接 href'],
    ['an entity declaration', `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${SVG('<text>&a;</text>')}`, 'DOCTYPE'],
    ['broken XML', '<svg><rect></svg>', 'XML'],
  ])('refuses %s', (_, svg, reason) => {
    expect(svgProblem(svg)).toContain(reason);
  });
});

describe('pastLimits', () => {
  it('lets an ordinary article through, brackets, quotes and lists included', () => {
    const body = [
      '> 引用\n>> 二层',
      '- 项\n  - 子项\n    - 孙项',
      '[链接](https://example.org) [[双层]]',
      '正文'.repeat(5000),
    ].join('\n\n');
    expect(pastLimits(body)).toBeUndefined();
  });

  it.each([
    ['quotes nested past 32', `正文\n${'>'.repeat(33)} 深`, 2, '引用'],
    ['a list indented past 64 columns', `正文\n${' '.repeat(66)}- 项`, 2, '列表'],
    ['brackets left open past 32 in one paragraph', `${'['.repeat(33)}文`, 1, '方括号'],
    ['a file of more than 2 MB', '文'.repeat(800_000), 1, 'MB'],
  ])('stops %s, with its line', (_, body, line, reason) => {
    expect(pastLimits(body)).toMatchObject({ line });
    expect(pastLimits(body)!.reason).toContain(reason);
  });

  it('counts brackets per paragraph, and not escaped ones', () => {
    expect(pastLimits(Array.from({ length: 40 }, () => '[一').join('\n\n'))).toBeUndefined();
    expect(pastLimits('\\['.repeat(100))).toBeUndefined();
  });
});

describe('unclosedHtml', () => {
  it('finds a comment and a <textarea> block that run to the end of the article', () => {
    const tree = parseMarkdown('第一段。\n\n<!-- 批注\n\n第三段。');
    expect(unclosedHtml(tree)).toEqual([{ line: 3, what: 'HTML 注释 <!--' }]);
    expect(unclosedHtml(parseMarkdown('甲\n\n<TEXTAREA>\n\n乙'))).toEqual([{ line: 3, what: '<textarea> 标签' }]);
  });

  it('leaves closed ones and inline HTML alone', () => {
    expect(unclosedHtml(parseMarkdown('<!-- 批注 -->\n\n正文<script>x</script>。\n\n<pre>\n代码\n</pre>'))).toEqual([]);
  });
});

describe('sourceBlocks', () => {
  it('gives each paragraph, heading, cell and code block its words without white space', () => {
    const tree = parseMarkdown(
      '## 01 小标题\n\n第一段 *强调*，`代码`。\n\n| 项目 | 数值 |\n| --- | --: |\n| 甲 | 1 |\n\n```\na = 1\n```',
    );
    expect(sourceBlocks(tree)).toEqual(['01小标题', '第一段强调，代码。', '项目', '数值', '甲', '1', 'a=1']);
  });

  it('leaves out a block with raw HTML or a footnote reference, which the site may rightly change', () => {
    const tree = parseMarkdown('正文<script>x</script>。\n\n脚注[^1]。\n\n[^1]: 说明。\n\n留下。');
    expect(sourceBlocks(tree)).toEqual(['说明。', '留下。']);
  });

  it('leaves out the marker of a pull quote or a box of facts, which is markup, and keeps their words', () => {
    const tree = parseMarkdown(
      '> [!引语] 一句话。\n\n> [!资料] 标题\n> 说明。\n\n> [!NOTE] 其他引文。\n\n正文 [!资料] 不动。',
    );
    expect(sourceBlocks(tree)).toEqual(['一句话。', '标题说明。', '[!NOTE]其他引文。', '正文[!资料]不动。']);
  });
});
