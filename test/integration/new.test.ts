import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/core/model.ts';
import { projectDir, qikan, tmpDir } from '../helpers/build.ts';

describe('qikan new', () => {
  const root = path.join(tmpDir, 'new-root');
  beforeAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(path.join(projectDir, 'test/fixtures/mini'), root, { recursive: true });
  });

  it('starts an issue that loads, with the next number and a cover', () => {
    const r = qikan(['new', 'issue', '2025-02', '--root', root]);
    expect(r.status, r.stderr).toBe(0);
    // An issue needs an article before it builds; the model says so, and nothing else.
    expect(() => loadModel(root)).toThrow(/issues\/2025-02:1:1 错误 empty-issue 这一期还没有文章/);
    const r2 = qikan([
      'new',
      'article',
      '--issue',
      '2025-02',
      '--section',
      'news',
      '--title',
      '新一期的第一篇',
      '--slug',
      'first',
      '--root',
      root,
    ]);
    expect(r2.status, r2.stderr).toBe(0);
    const issue = loadModel(root).issues.find((i) => i.id === '2025-02')!;
    expect(issue.meta).toMatchObject({ number: 8, year: 2025, month: 2 });
    expect(issue.articles.map((a) => [a.order, a.slug, a.title])).toEqual([[1, 'first', '新一期的第一篇']]);
  });

  it('adds the next article of an issue with its front matter, and the article builds into the model', () => {
    // The next number after the fixture's articles.
    const count = fs.readdirSync(path.join(root, 'issues/2025-01')).filter((f) => f.endsWith('.md')).length;
    const next = String(count + 1).padStart(2, '0');
    const r = qikan([
      'new',
      'article',
      '--issue',
      '2025-01',
      '--section',
      'views',
      '--title',
      '对先进封装的三点看法',
      '--root',
      root,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${next}-dui-xian-jin-feng-zhuang-de.md`);
    const article = loadModel(root)
      .issues.find((i) => i.id === '2025-01')!
      .articles.find((a) => a.order === count + 1)!;
    expect(article).toMatchObject({
      title: '对先进封装的三点看法',
      section: 'views',
      slug: 'dui-xian-jin-feng-zhuang-de',
    });

    // The same title again gets its number; a title without words, article-NN.
    const again = (title: string) =>
      qikan(['new', 'article', '--issue', '2025-01', '--section', 'views', '--title', title, '--root', root]);
    const n2 = String(count + 2).padStart(2, '0');
    expect(again('对先进封装的三点看法').stdout).toContain(`${n2}-dui-xian-jin-feng-zhuang-de-${n2}.md`);
    const n3 = String(count + 3).padStart(2, '0');
    expect(again('……').stdout).toContain(`${n3}-article-${n3}.md`);
  });

  it('says which sections exist when given an unknown one', () => {
    const r = qikan(['new', 'article', '--issue', '2025-01', '--section', 'sport', '--title', '标题', '--root', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有“sport”这个栏目；可用的栏目：news（新闻）、empty（空栏目）、views（观点）');
  });
});
