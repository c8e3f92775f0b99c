import { describe, expect, it } from 'vitest';
import { ContentError, type Finding } from '../../src/core/findings.ts';
import { loadModel } from '../../src/core/model.ts';
import { TINY_PNG, article, writePublication } from '../helpers/publication.ts';

function findings(files: Record<string, string>): Finding[] {
  try {
    loadModel(writePublication(files));
  } catch (e) {
    if (e instanceof ContentError) return e.findings;
    throw e;
  }
  throw new Error('expected the publication to be rejected');
}

describe('loadModel', () => {
  it('orders articles by section, then by the order taken from the file name', () => {
    const root = writePublication({
      'issues/2025-01/02-b.md': article('title: 乙\nsection: news'),
      'issues/2025-01/01-a.md': article('title: 甲\nsection: views'),
      'issues/2025-01/10-c.md': article('title: 丙\nsection: news'),
      'issues/2025-01/any-name.md': article('title: 丁\nsection: news\norder: 5'),
    });
    const [issue] = loadModel(root).issues;
    expect(issue!.articles.map((a) => [a.title, a.order, a.slug])).toEqual([
      ['乙', 2, 'b'],
      ['丁', 5, 'any-name'],
      ['丙', 10, 'c'],
      ['甲', 1, 'a'],
    ]);
    expect(issue!.articles[0]!.url).toBe('/2025-01/b/');
  });

  it('defaults print and web to true, and leaves newPage to the section', () => {
    const root = writePublication({ 'issues/2025-01/01-a.md': article('title: 甲\nsection: news') });
    const a = loadModel(root).issues[0]!.articles[0]!;
    expect([a.print, a.web, a.newPage]).toEqual([true, true, undefined]);
  });

  it.each([
    ['title', 'section: news\nsummary: 摘要', 2],
    ['section', 'title: 标题\nsummary: 摘要', 2],
  ])('reports a missing %s with file, line and field', (field, fm, line) => {
    const [f] = findings({ 'issues/2025-01/01-a.md': article(fm) });
    expect(f).toMatchObject({ file: 'issues/2025-01/01-a.md', line, field, rule: 'missing-field' });
    expect(f!.message).toContain(`缺少必填字段“${field}”`);
  });

  it('says in Chinese when a value is left empty, or a YAML value starts with a bracket', () => {
    expect(findings({ 'issues/2025-01/01-a.md': article('title:\nsection: news') })[0]).toMatchObject({
      line: 2,
      rule: 'invalid-value',
      message: '字段“title”没有填写内容',
    });
    expect(findings({ 'issues/2025-01/01-a.md': article('title: [草稿] 标题\nsection: news') })[0]!.message).toBe(
      'YAML 无法读取：值以 [、{ 或引号开头，YAML 把它当成了列表或其他结构',
    );
  });

  it('reports a mistyped value on its own line, as mistyped rather than missing', () => {
    const [f] = findings({ 'issues/2025-01/01-a.md': article('title: 标题\nsection: news\nnewPage: maybe') });
    expect(f).toMatchObject({
      file: 'issues/2025-01/01-a.md',
      line: 4,
      column: 1,
      field: 'newPage',
      rule: 'invalid-value',
    });
    expect(f!.message).toMatch(/期望 boolean/);
    expect(f!.hint).toContain('newPage: false');
  });

  it.each([['date:'], ['date: 12'], ['date: 2026-13-01'], ['date: 十月']])('refuses "%s" as a date', (line) => {
    const [f] = findings({ 'issues/2025-01/01-a.md': article(`title: 甲\nsection: news\n${line}`) });
    expect(f).toMatchObject({ line: 4, field: 'date' });
    expect(f!.message).not.toContain('missing');
  });

  it('reads a date as that day', () => {
    const root = writePublication({ 'issues/2025-01/01-a.md': article('title: 甲\nsection: news\ndate: 2026-10-12') });
    expect(loadModel(root).issues[0]!.articles[0]!.date?.toISOString()).toBe('2026-10-12T00:00:00.000Z');
  });

  it('reports a misspelt key as unknown, and the field it should have been as missing', () => {
    const fs = findings({ 'issues/2025-01/01-a.md': article('title: 标题\nsecton: news') });
    expect(fs.map((f) => [f.field, f.line])).toEqual([
      ['section', 2],
      ['secton', 3],
    ]);
    expect(fs[1]).toMatchObject({ rule: 'unknown-key', column: 1 });
    expect(fs[1]!.message).toBe('不认识的字段“secton”，是不是“section”？');
  });

  it('reports an unknown section id and lists the known ones', () => {
    const [f] = findings({ 'issues/2025-01/01-a.md': article('title: 标题\nsection: sports') });
    expect(f).toMatchObject({ line: 3, column: 1, field: 'section', rule: 'unknown-section' });
    expect(f!.message).toBe('没有“sports”这个栏目');
    expect(f!.hint).toContain('news（新闻）、views（观点）');
  });

  it('reports a duplicated order, naming both files', () => {
    const fs = findings({
      'issues/2025-01/01-a.md': article('title: 甲\nsection: news'),
      'issues/2025-01/01-b.md': article('title: 乙\nsection: news'),
    });
    // Both files are told, so that a check of either one finds it.
    expect(fs.map((f) => [f.file, f.rule, f.message])).toEqual([
      ['issues/2025-01/01-a.md', 'duplicate-order', '顺序号 1 与 issues/2025-01/01-b.md 重复'],
      ['issues/2025-01/01-b.md', 'duplicate-order', '顺序号 1 与 issues/2025-01/01-a.md 重复'],
    ]);
  });

  it('reports a missing image on the line that uses it', () => {
    const [f] = findings({
      'issues/2025-01/01-a.md': article('title: 甲\nsection: news', '第一段。\n\n![图](images/none.png)\n'),
    });
    expect(f).toMatchObject({ file: 'issues/2025-01/01-a.md', line: 7, column: 1, rule: 'image-missing' });
  });

  it('reports unparsable YAML with its line', () => {
    const [f] = findings({
      'issues/2025-01/01-a.md': article('title: 甲\nsection: news\nsummary: 甲: 乙\ndate: 2026-10-01'),
    });
    expect(f).toMatchObject({ file: 'issues/2025-01/01-a.md', line: 4, rule: 'yaml-syntax' });
  });

  it.each([
    ['![图](https://example.org/a.png)', 'image-remote'],
    ['![图](data:image/png;base64,AAAA)', 'image-remote'],
    ['![图](../../../etc/passwd)', 'image-outside'],
    ['![图](100%.png)', 'image-path'],
    ['<img src="cover.png">', 'image-html'],
  ])('refuses the image %s', (md, rule) => {
    const [f] = findings({ 'issues/2025-01/01-a.md': article('title: 甲\nsection: news', `第一段。\n\n${md}\n`) });
    expect(f).toMatchObject({ file: 'issues/2025-01/01-a.md', line: 7, rule });
  });

  it('checks a reference image at its definition, and ignores an <img> in an HTML comment', () => {
    const body = '第一段。\n\n![图][r]\n\n<!-- <img src="old.png"> -->\n\n[r]: ../../../etc/passwd\n';
    const [f, ...rest] = findings({ 'issues/2025-01/01-a.md': article('title: 甲\nsection: news', body) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ line: 11, rule: 'image-outside' });
  });

  it('does not take images shown in code for images', () => {
    const body = '示例：`![图](images/none.png)`\n\n```\n![图](images/none.png)\n```\n';
    expect(() =>
      loadModel(writePublication({ 'issues/2025-01/01-a.md': article('title: 甲\nsection: news', body) })),
    ).not.toThrow();
  });

  it('asks for ASCII file names and a short order prefix', () => {
    const fs = findings({
      'issues/2025-01/01-新闻.md': article('title: 甲\nsection: news'),
      'issues/2025-01/2026-outlook.md': article('title: 乙\nsection: news'),
    });
    expect(fs.map((f) => [f.file, f.field ?? '', f.rule])).toEqual([
      ['issues/2025-01/01-新闻.md', '', 'file-name'],
      ['issues/2025-01/2026-outlook.md', 'order', 'missing-order'],
    ]);
  });

  it('puts the newest issue first by year and month, not by folder name', () => {
    const root = writePublication({
      'issues/2025-01/01-a.md': article('title: 甲\nsection: news'),
      'issues/2025-9/issue.yaml':
        'number: 2\nyear: 2025\nmonth: 9\ndate: 2025-09-15\nheadline: 乙\ncover: { image: cover.png, alt: 封面 }\n',
      'issues/2025-9/cover.png': TINY_PNG,
      'issues/2025-9/01-b.md': article('title: 乙\nsection: news'),
      'issues/2025-10/issue.yaml':
        'number: 3\nyear: 2025\nmonth: 10\ndate: 2025-10-15\nheadline: 丙\ncover: { image: cover.png, alt: 封面 }\n',
      'issues/2025-10/cover.png': TINY_PNG,
      'issues/2025-10/01-c.md': article('title: 丙\nsection: news'),
    });
    expect(loadModel(root).issues.map((i) => i.id)).toEqual(['2025-10', '2025-9', '2025-01']);
  });

  it('checks the body even when the front matter is wrong, to report every problem at once', () => {
    const fs = findings({
      'issues/2025-01/01-a.md': article('title: 甲\nsecton: news', '第一段。\n\n![图](images/none.png)\n'),
    });
    expect(fs.map((f) => f.rule)).toEqual(['missing-field', 'unknown-key', 'image-missing']);
  });

  it('reports a file without front matter and an empty article', () => {
    const fs = findings({
      'issues/2025-01/01-a.md': '# 标题\n正文',
      'issues/2025-01/02-b.md': article('title: 乙\nsection: news', '   '),
    });
    expect(fs.map((f) => f.rule)).toEqual(['no-front-matter', 'empty-article']);
  });

  it('keeps going after the first problem and reports them all', () => {
    const fs = findings({
      'issues/2025-01/01-a.md': article('section: news'),
      'issues/2025-01/02-b.md': article('title: 乙\nsection: nope'),
    });
    expect(fs.map((f) => f.file)).toEqual(['issues/2025-01/01-a.md', 'issues/2025-01/02-b.md']);
  });

  it('validates publication.yaml and issue.yaml with lines', () => {
    const fs = findings({
      'publication.yaml':
        'name: 测试\nsections: []\npage:\n  width: 210\n  height: 297mm\n  margins: { top: 1mm, bottom: 1mm, inner: 1mm, outer: 1mm }\nimprint: { publisher: [甲], address: 乙 }\n',
      'issues/2025-01/issue.yaml':
        'number: 1\nyear: 2025\nmonth: 13\ndate: 2025-01-01\nheadline: 甲\ncover: { image: cover.png, alt: 乙 }\n',
      'issues/2025-01/01-a.md': article('title: 甲\nsection: news'),
    });
    const by = (file: string) => fs.filter((f) => f.file === file).map((f) => [f.field, f.line]);
    expect(by('publication.yaml')).toEqual([
      ['sections', 2],
      ['page.width', 4],
    ]);
    expect(by('issues/2025-01/issue.yaml')).toEqual([['month', 3]]);
  });

  it('reports a missing cover image', () => {
    const fs = findings({
      'issues/2025-01/cover.png': undefined as unknown as string,
      'issues/2025-01/01-a.md': article('title: 甲\nsection: news'),
    });
    expect(fs[0]).toMatchObject({ file: 'issues/2025-01/issue.yaml', field: 'cover.image', line: 7 });
  });
});
