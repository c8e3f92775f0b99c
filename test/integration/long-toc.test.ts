import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Model } from '../../src/core/model.ts';
import { build, projectDir, tmpDir, type Built } from '../helpers/build.ts';
import { printedIssueChecks } from '../helpers/printed-issue.ts';

// An issue whose 目录 needs more than a page: 44 short items, many with titles long enough to wrap.
let built: Built;
let model: Model;

beforeAll(() => {
  const root = path.join(tmpDir, 'long-toc-root');
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync(path.join(projectDir, 'test/fixtures/mini'), root, { recursive: true });
  const dir = path.join(root, 'issues/2025-01');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) fs.rmSync(path.join(dir, f));
  for (let i = 1; i <= 44; i++) {
    const long = i % 3 === 0 ? '关于进一步加快集成电路产业高质量发展、推动先进封装与特色工艺协同创新的若干意见' : '';
    const title = `第${i}条：${long || '产业动态简讯'}`;
    const section = i <= 30 ? 'news' : 'views';
    fs.writeFileSync(
      path.join(dir, `${String(i).padStart(2, '0')}-item-${i}.md`),
      `---\ntitle: ${title}\nsection: ${section}\nnewPage: ${i % 2 === 0}\n---\n这是第${i}条的正文，篇幅很短，用来排出一个两页的目录。\n`,
    );
  }
  model = loadModel(root);
  built = build(root, 'long-toc');
});

describe('a 目录 of several pages', () => {
  it('runs over more than one page', async () => {
    const pages = await built.pdf('2025-01');
    // 目录 pages come before the first opener (whose title is the section's English name).
    const firstOpener = pages.findIndex((p) => p.compact.includes('NEWS') && !p.compact.includes('CONTENTS'));
    const tocPages = pages.slice(1, firstOpener).filter((p) => /▲第\d+条：[^▲]*?\d{2}/.test(p.compact));
    expect(tocPages.length).toBeGreaterThanOrEqual(2);
  });

  printedIssueChecks(() => ({ built, model }), '2025-01');
});
