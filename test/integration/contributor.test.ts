import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE } from '../../src/core/article-template.ts';
import { build, projectDir, qikan, tmpDir, type Built } from '../helpers/build.ts';

// A contributor's way through CONTRIBUTING.md: start an article, write it, make a mistake, let the check find
// it, fix it, and see the article in the site and the PDF.
describe('a contributor adds an article', () => {
  const root = path.join(tmpDir, 'contributor-root');
  let file: string;
  let built: Built;

  beforeAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(path.join(projectDir, 'test/fixtures/mini'), root, { recursive: true });
  });

  it('starts from qikan new article, which qikan check passes with warnings on the placeholders only', () => {
    const r = qikan([
      'new',
      'article',
      '--issue',
      '2025-01',
      '--section',
      'views',
      '--title',
      '芯粒互联标准的三个看点',
      '--slug',
      'chiplet-standards',
      '--root',
      root,
    ]);
    expect(r.status, r.stderr).toBe(0);
    file = path.join(root, 'issues/2025-01', path.basename(/\S+\.md/.exec(r.stdout)![0]));
    const check = qikan(['check', '--root', root, '--format', 'json']);
    expect(check.status, check.stdout).toBe(0);
    expect(new Set((JSON.parse(check.stdout) as { rule: string }[]).map((f) => f.rule))).toEqual(
      new Set(['template-text']),
    );
  });

  it('is pointed at the exact line of a mistake, in Chinese', () => {
    const text = fs.readFileSync(file, 'utf8');
    // The writer fills in the template (with one mistake in the front matter and one in the text).
    const mistaken = text
      .replace('section: views', 'section: views\nsubtile: 从物理层到协议层')
      .replace(TEMPLATE.byline, '本刊记者 林晓')
      .replace(TEMPLATE.summary, '芯粒互联标准从物理层走向协议层。')
      .replace(
        TEMPLATE.body,
        '芯粒互联标准UCIe已发布3.0版,国内标准也在推进。\n\n## 01 三个看点\n\n一是带宽，二是封装，三是生态。\n',
      );
    fs.writeFileSync(file, mistaken);
    const rel = path.relative(root, file);
    const lines = mistaken.split('\n');
    const keyLine = lines.findIndex((l) => l.startsWith('subtile:')) + 1;
    const bodyLine = lines.findIndex((l) => l.startsWith('芯粒互联')) + 1;
    const r = qikan(['check', '--root', root, rel]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `${rel}:${keyLine}:1 错误 unknown-key [subtile] 不认识的字段“subtile”，是不是“subtitle”？`,
    );
    expect(r.stdout).toContain(`${rel}:${bodyLine}:18 警告 zh-fullwidth-punctuation 中文句子里用了半角标点`);
  });

  it('fixes it (the key by hand, the comma with --fix) and builds it into the site and the PDF', async () => {
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('subtile:', 'subtitle:'));
    expect(qikan(['check', '--root', root, '--fix', '--strict']).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('芯粒互联标准UCIe已发布3.0版，国内标准也在推进。');

    built = build(root, 'contributor');
    expect(built.html('2025-01/chiplet-standards')).toContain('芯粒互联标准UCIe已发布3.0版，国内标准也在推进。');
    const entry = built.manifest.issues[0]!.articles.find((a) => a.id.endsWith('chiplet-standards'))!;
    const page = (await built.pdf('2025-01'))[entry.pdfPage! - 1]!;
    expect(page.compact).toContain('芯粒互联标准的三个看点');
    expect(page.compact).toContain('芯粒互联标准UCIe已发布3.0版，国内标准也在推进。');
  });
});
