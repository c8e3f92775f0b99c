import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { qikan } from '../helpers/build.ts';
import { article, writePublication } from '../helpers/publication.ts';

const A = 'issues/2025-01/01-a.md';

describe('qikan check', () => {
  it('passes the sample publication, whose only warnings are meant spaces between names', () => {
    const r = qikan(['check', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const findings = JSON.parse(r.stdout) as { rule: string; severity: string }[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['zh-space-between-han']));
    // The same warnings fail a strict check.
    expect(qikan(['check', '--strict']).status).toBe(1);
  });

  it('exits 1 on an error, printed as GitHub annotations; warnings alone exit 0 unless --strict', () => {
    const root = writePublication({ [A]: article('title: 甲\nsection: news\nsumary: 摘要', '中文,英文。') });
    const r = qikan(['check', '--root', root, '--format', 'github']);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `::error file=${A},line=4,col=1,title=unknown-key::不认识的字段“sumary”，是不是“summary”？（改为 summary:） [unknown-key]`,
      `::warning file=${A},line=6,col=3,title=zh-fullwidth-punctuation::中文句子里用了半角标点，应使用全角标点（运行 npm run qikan -- check --fix 自动改正。） [zh-fullwidth-punctuation]`,
    ]);
    const warningsOnly = writePublication({ [A]: article('title: 甲\nsection: news', '中文,英文。') });
    expect(qikan(['check', '--root', warningsOnly]).status).toBe(0);
    const strict = qikan(['check', '--root', warningsOnly, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(`${A}:5:3 警告 zh-fullwidth-punctuation`);
    expect(strict.stderr).toContain('0 个错误，1 个警告');
  });

  it('is what a build runs first: an error stops it before anything is built', () => {
    const root = writePublication({ [A]: article('title: 甲\nsection: news', '见[附件](files/form.pdf)。') });
    const r = qikan([
      'build',
      '--root',
      root,
      '--out',
      path.join(root, '..', `${path.basename(root)}-out`),
      '--no-pdf',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${A}:5:2 错误 link-broken 相对链接“files/form.pdf”在网站上打不开`);
    expect(r.stdout).not.toContain('site:');
  });

  it('says so when a path to check does not exist', () => {
    const r = qikan(['check', 'issues/1999-01']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('找不到 issues/1999-01');
  });

  it('--fix mends the body once, leaving front matter, code and URLs byte for byte', () => {
    const frontMatter = 'title: 中文,标题 (草稿)\nsection: news\nsummary: "一句话,摘要"';
    const code = '```\n中文,English ＡＢＣ\n```';
    const body = `美国U.S.公司与Micron Technology, Inc.合作。\n\n营收达到１２３亿元,同比增长 20%。\n\n他说「可以」,见 https://example.org/a,b 网站。\n\n| 项目 | 数值(亿元) |\n| --- | ---: |\n| 营收,净利 | 50 |\n| a\\|b,中文 | 1 |\n\n${code}\n\n协会秘书处 陈老师`;
    const root = writePublication({ [A]: article(frontMatter, body) });
    const file = path.join(root, A);

    const first = qikan(['check', '--root', root, '--fix']);
    expect(first.stderr).toContain(`已改正 ${A}`);
    const fixed = fs.readFileSync(file, 'utf8');
    expect(fixed.startsWith(`---\n${frontMatter}\n---\n`)).toBe(true);
    expect(fixed).toContain(`\n${code}\n`);
    expect(fixed).toContain('营收达到123亿元，同比增长20%。');
    // English abbreviations and names keep their points and commas.
    expect(fixed).toContain('美国U.S.公司与Micron Technology, Inc.合作。');
    // A bare URL keeps its spaces: without them the link would run on into the Chinese after it.
    expect(fixed).toContain('他说“可以”，见 https://example.org/a,b 网站。');
    expect(fixed).toContain('| 项目 | 数值（亿元） |\n| --- | ---: |\n| 营收，净利 | 50 |\n| a\\|b，中文 | 1 |');
    // What only a person can decide is left, and reported.
    expect(fixed).toContain('协会秘书处 陈老师');
    expect(first.stdout).toContain('zh-space-between-han');
    expect(first.stdout).not.toContain('zh-fullwidth');

    const second = qikan(['check', '--root', root, '--fix']);
    expect(second.stderr).not.toContain('已改正');
    expect(fs.readFileSync(file, 'utf8')).toBe(fixed);
  });
});
