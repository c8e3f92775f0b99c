import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPublication } from '../../src/check/index.ts';
import { formatFindings } from '../../src/check/format.ts';
import { RULES, type RuleId } from '../../src/core/rules.ts';
import { ISSUE_YAML, PUBLICATION_YAML, TINY_PNG, article, writePublication } from '../helpers/publication.ts';

const A = 'issues/2025-01/01-a.md';
const fm = 'title: 甲\nsection: news';
/** An article whose body starts on line 5 (---, title, section, ---). */
const body = (text: string) => ({ [A]: article(fm, text) });

type Case = [
  rule: RuleId,
  where: string,
  files: Record<string, string | Buffer>,
  setup?: (root: string) => Promise<void> | void,
];

// Each rule with a publication that breaks it once, and where `qikan check` must point: file:line:column.
const CASES: Case[] = [
  ['yaml-syntax', `${A}:4:10`, { [A]: article('title: 甲\nsection: news\nsummary: 甲: 乙') }],
  ['missing-field', `${A}:2:1`, { [A]: article('section: news') }],
  ['invalid-value', `${A}:4:1`, { [A]: article(`${fm}\nnewPage: maybe`) }],
  ['unknown-key', `${A}:4:1`, { [A]: article(`${fm}\nsumary: 摘要`) }],
  ['unknown-section', `${A}:3:1`, { [A]: article('title: 甲\nsection: sports') }],
  ['missing-order', 'issues/2025-01/outlook.md:2:1', { 'issues/2025-01/outlook.md': article(fm) }],
  ['duplicate-order', 'issues/2025-01/01-b.md:1:1', { [A]: article(fm), 'issues/2025-01/01-b.md': article(fm) }],
  ['duplicate-slug', 'issues/2025-01/02-a.md:1:1', { [A]: article(fm), 'issues/2025-01/02-a.md': article(fm) }],
  ['file-name', 'issues/2025-01/01-新闻.md:1:1', { 'issues/2025-01/01-新闻.md': article(fm) }],
  ['no-front-matter', `${A}:1:1`, { [A]: '# 标题\n\n正文。\n' }],
  ['empty-article', `${A}:5:1`, { [A]: article(fm, '  ') }],
  [
    'empty-issue',
    'issues/2025-02:1:1',
    {
      'issues/2025-02/issue.yaml':
        'number: 2\nyear: 2025\nmonth: 2\ndate: 2025-02-15\nheadline: 乙\ncover: { image: cover.png, alt: 封面 }\n',
      'issues/2025-02/cover.png': TINY_PNG,
    },
  ],
  ['missing-file', 'issues/2025-02/issue.yaml:1:1', { 'issues/2025-02/01-b.md': article(fm) }],
  ['image-missing', `${A}:7:1`, body('第一段。\n\n![图](images/none.png)')],
  ['image-outside', `${A}:7:1`, body('第一段。\n\n![图](../../../etc/passwd)')],
  [
    'image-outside',
    `${A}:7:3`,
    body('第一段。\n\n图：![图](link.png)'),
    (root) => fs.symlinkSync(path.join(root, 'publication.yaml'), path.join(root, 'issues/2025-01/link.png')),
  ],
  ['image-remote', `${A}:7:1`, body('第一段。\n\n![图](https://example.org/a.png)')],
  ['image-html', `${A}:7:1`, body('第一段。\n\n<img src="cover.png">')],
  ['image-path', `${A}:7:1`, body('第一段。\n\n![图](100%.png)')],
  [
    'image-svg-script',
    `${A}:7:1`,
    body('第一段。\n\n![图](chart.svg)'),
    (root) =>
      fs.writeFileSync(
        path.join(root, 'issues/2025-01/chart.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>',
      ),
  ],
  [
    'image-missing',
    'issues/2025-01/issue.yaml:7:3',
    { 'issues/2025-01/issue.yaml': ISSUE_YAML.replace('image: cover.png', 'image: images/none.jpg') },
  ],
  // GBK bytes of 标题 and 正文: what a Chinese Windows editor may save.
  [
    'encoding',
    `${A}:1:1`,
    {},
    (root) =>
      fs.writeFileSync(
        path.join(root, A),
        Buffer.from('---\ntitle: \xb1\xea\xcc\xe2\nsection: news\n---\n\xd5\xfd\xce\xc4\n', 'latin1'),
      ),
  ],
  [
    'image-too-large',
    `${A}:7:1`,
    body('第一段。\n\n![图](big.png)'),
    (root) => fs.writeFileSync(path.join(root, 'issues/2025-01/big.png'), Buffer.alloc(11 * 1024 * 1024)),
  ],
  [
    'image-too-many-pixels',
    `${A}:7:1`,
    body('第一段。\n\n![图](huge.jpg)'),
    async (root) => {
      await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
        .jpeg()
        .toFile(path.join(root, 'issues/2025-01/huge.jpg'));
    },
  ],
  ['table-row-too-long', `${A}:9:1`, body('第一段。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 | 3 |')],
  ['html-unclosed', `${A}:7:1`, body('第一段。\n\n<!-- 编辑的批注没有写完\n\n第三段。')],
  ['table-row-too-long', `${A}:9:1`, body('第一段。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 | 3 |')],
  ['html-unclosed', `${A}:7:1`, body('第一段。\n\n<textarea>\n\n第三段。')],
  ['file-name', 'issues/2025-01/02-Upper.MD:1:1', { 'issues/2025-01/02-Upper.MD': article(fm) }],
  [
    'file-outside',
    'issues/2025-01/02-b.md:1:1',
    {},
    (root) => {
      const outside = path.join(path.dirname(root), `${path.basename(root)}-elsewhere.md`);
      fs.writeFileSync(outside, article(fm));
      fs.symlinkSync(outside, path.join(root, 'issues/2025-01/02-b.md'));
    },
  ],
  ['file-unreadable', `${A}:5:1`, body(`${'>'.repeat(3000)} 深`)],
  ['file-unreadable', `${A}:6:1`, body(`第一段。\n${'['.repeat(40000)}`)],
  [
    'file-unreadable',
    'issues/2025-01/02-b.md:1:1',
    {},
    (root) => fs.symlinkSync('02-b.md', path.join(root, 'issues/2025-01/02-b.md')),
  ],
  [
    'file-unreadable',
    `${A}:2:1`,
    {
      [A]: article(
        `${fm}\nsummary: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]`,
      ),
    },
  ],
  ['invalid-value', `${A}:2:1`, { [A]: article('title: "甲\\x07乙"\nsection: news') }],
  [
    'image-unreadable',
    `${A}:7:1`,
    body('第一段。\n\n![图](empty.png)'),
    (root) => fs.writeFileSync(path.join(root, 'issues/2025-01/empty.png'), ''),
  ],
  [
    'image-unreadable',
    `${A}:7:1`,
    body('第一段。\n\n![图](cut.jpg)'),
    async (root) => {
      const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#369' } })
        .jpeg()
        .toBuffer();
      fs.writeFileSync(path.join(root, 'issues/2025-01/cut.jpg'), jpeg.subarray(0, jpeg.length / 2));
    },
  ],
  [
    'duplicate-number',
    'issues/2025-02/issue.yaml:1:1',
    {
      'issues/2025-02/issue.yaml': ISSUE_YAML.replace('month: 1', 'month: 2'),
      'issues/2025-02/cover.png': TINY_PNG,
      'issues/2025-02/01-b.md': article(fm),
    },
  ],
  [
    'page-geometry',
    'publication.yaml:10:3',
    { 'publication.yaml': PUBLICATION_YAML.replace('inner: 20mm, outer: 15mm', 'inner: 100mm, outer: 100mm') },
  ],
  [
    'template-text',
    'issues/2025-01/issue.yaml:5:1',
    { 'issues/2025-01/issue.yaml': ISSUE_YAML.replace('headline: 标题', 'headline: 本期封面标题') },
  ],
  ['link-broken', `${A}:5:5`, body('第一段见[附件](files/none.pdf)。')],
  ['link-broken', `${A}:5:5`, body('第一段见[附件](../../../../secret.txt)。')],
  ['link-broken', `${A}:5:5`, body('第一段见[上期](/2024-12/a/)。')],
  ['unsafe-html', `${A}:7:3`, body('第一段。\n\n正文<iframe src="https://example.org"></iframe>。')],
  ['unsafe-html', `${A}:7:1`, body('第一段。\n\n<p onclick="alert(1)">段落</p>')],
  ['unsafe-link', `${A}:5:5`, body('第一段，[点我](javascript:alert(1))。')],
  ['template-text', `${A}:7:1`, body('正文。\n\n（正文……）')],
  ['bare-url', `${A}:5:5`, body('报名网址https://example.org/form，截止11月20日。')],
  ['unknown-aside', `${A}:7:3`, body('正文。\n\n> [!NOTE] 注意\n> 这一段会原样印出。')],
  ['title-too-long', `${A}:2:1`, { [A]: article(`title: ${'集成电路'.repeat(12)}\nsection: news`) }],
  ['zh-fullwidth-punctuation', `${A}:5:3`, body('中文,英文。')],
  ['zh-fullwidth-punctuation', `${A}:7:5`, body('正文。\n\n| 营收,净利 | 数值 |\n| --- | ---: |\n| 甲 | 1 |')],
  ['zh-punctuation-unification', `${A}:5:3`, body('他说「可以」。')],
  ['zh-fullwidth-alphanumeric', `${A}:5:4`, body('型号为ＡＢＣ１２３的芯片。')],
  ['zh-space-han-latin', `${A}:5:6`, body('市场规模达 1128亿元。')],
  ['zh-space-between-han', `${A}:5:6`, body('协会秘书处 陈老师。')],
  ['zh-space-punctuation', `${A}:5:3`, body('中文 ，中文。')],
  ['zh-space-quotation', `${A}:5:3`, body('他说“ 可以”。')],
  ['zh-space-bracket', `${A}:5:4`, body('平台（ 基地）建成。')],
  ['zh-space-latin', `${A}:5:10`, body('芯片采用Intel  AMD方案。')],
  ['zh-space-markdown', `${A}:5:4`, body('这是[ 链接](https://example.org)。')],
  ['zh-space-trim', `${A}:5:5`, body(' 中文。 ')],
];

async function findingsFor([, , files, setup]: Case) {
  const root = writePublication(files);
  await setup?.(root);
  return checkPublication(root);
}

describe('qikan check rules', () => {
  it.each(CASES)('%s: reported at %s in text, github and json', async (...c) => {
    const [rule, where] = c;
    const found = (await findingsFor(c)).filter((f) => f.rule === rule);
    expect(found.map((f) => `${f.file}:${f.line}:${f.column ?? 1}`)).toContain(where);
    const [file, line, col] = where.split(/:(?=\d)/);
    const text = formatFindings(found, 'text');
    expect(text).toContain(`${where} ${RULES[rule].severity === 'error' ? '错误' : '警告'} ${rule}`);
    expect(formatFindings(found, 'github')).toContain(
      `::${RULES[rule].severity} file=${file},line=${line},col=${col},title=${rule}::`,
    );
    expect(JSON.parse(formatFindings(found, 'json'))).toContainEqual(
      expect.objectContaining({ file, line: Number(line), column: Number(col), rule, severity: RULES[rule].severity }),
    );
  });

  it('has a case for every rule', () => {
    expect(new Set(CASES.map(([rule]) => rule))).toEqual(new Set(Object.keys(RULES)));
  });

  it('finds nothing in a clean article, and nothing in code, URLs or subhead and caption numbers', async () => {
    const text =
      '正文写作English混排也不加空格。\n\n## 01 小标题\n\n### 1. 细分\n\n表1 主要指标\n\n| 指标 | 数值 |\n| --- | ---: |\n| 营收 | 1.5 |\n\n`a,b` 与代码：\n\n```\n中文,English ＡＢＣ\n```\n\n网址<https://example.org/a,b>可查，见[本期](/2025-01/)和[本文](/2025-01/a/#x)。\n\n![封面][c]\n\n[c]: cover.png\n\n<table><tr><th colspan="2" align="right">合并</th></tr><tr><td rowspan="2">甲</td></tr></table>\n\n美国U.S.公司与Micron Technology, Inc.合作，订阅[RSS](/rss.xml)。\n\n> [!资料] 背景\n> 一句话。\n\n> [!引语] 一句引语。';
    expect(await checkPublication(writePublication(body(text)))).toEqual([]);
  });

  it('reports only the paths asked for', async () => {
    const root = writePublication({
      [A]: article(fm, '中文,英文。'),
      'issues/2025-01/02-b.md': article(fm, '中文,英文。'),
    });
    expect((await checkPublication(root, { paths: ['issues/2025-01/02-b.md'] })).map((f) => f.file)).toEqual([
      'issues/2025-01/02-b.md',
    ]);
    expect((await checkPublication(root, { paths: ['issues'] })).map((f) => f.file)).toEqual([
      A,
      'issues/2025-01/02-b.md',
    ]);
  });

  it('escapes what GitHub annotations cannot carry', () => {
    const out = formatFindings(
      [{ file: 'a,b:c.md', line: 1, column: 2, rule: 'link-broken', message: '100%\n第二行' }],
      'github',
    );
    expect(out).toBe('::error file=a%2Cb%3Ac.md,line=1,col=2,title=link-broken::100%25%0A第二行 [link-broken]\n');
  });
});
