import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildManifest } from '../../src/core/manifest.ts';
import { qikan } from '../helpers/build.ts';
import { article, writePublication } from '../helpers/publication.ts';

// A table row taller than a page cannot be printed as the magazine's rules want (a row is never split): the
// build refuses that PDF. The editor must keep the last good one, and a manifest that says it is not current.
const GOOD = article('title: 甲\nsection: news', '第一段正文。\n\n第二段正文。');
const TALL_ROW = article(
  'title: 甲\nsection: news',
  `第一段正文。\n\n| 项目 | 说明 |\n| --- | --- |\n| 甲 | ${'很长的单元格文字，'.repeat(600)} |\n`,
);

describe('a PDF the build refuses', () => {
  const root = writePublication({ 'issues/2025-01/01-a.md': GOOD });
  const out = path.join(root, 'dist');
  const pdf = path.join(out, 'pdf', '2025-01.pdf');
  const manifest = () => JSON.parse(fs.readFileSync(path.join(out, 'build-manifest.json'), 'utf8')) as BuildManifest;

  it('leaves the last good PDF in place, and a manifest that marks it outdated', () => {
    const first = qikan(['build', '--root', root, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    const good = fs.readFileSync(pdf);
    expect(manifest().issues[0]).toMatchObject({ pdf: 'pdf/2025-01.pdf', outdated: false });

    fs.writeFileSync(path.join(root, 'issues/2025-01/01-a.md'), TALL_ROW);
    const refused = qikan(['build', '--root', root, '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('The PDF of 2025-01 was not written');
    expect(refused.stderr).toContain('last good PDF');
    expect(refused.stdout).toMatch(/pdf: 2025-01: REFUSED/);
    expect(fs.readFileSync(pdf).equals(good)).toBe(true);
    const entry = manifest().issues[0]!;
    expect(entry).toMatchObject({ pdf: 'pdf/2025-01.pdf', outdated: true });
    // The site is the new one: the article page shows the table.
    expect(fs.readFileSync(path.join(out, '2025-01', 'a', 'index.html'), 'utf8')).toContain('很长的单元格文字');
    // The rejected PDF is kept to look at, outside the published folder.
    expect(fs.existsSync(path.join(root, '.qikan', 'rejected', '2025-01.rejected.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'pdf', '2025-01.rejected.pdf'))).toBe(false);
  }, 280_000);

  it('keeps the PDF too when the build makes none (--no-pdf, --only … --no-pdf)', () => {
    for (const args of [['--no-pdf'], ['--only', '2025-01', '--no-pdf']]) {
      const r = qikan(['build', '--root', root, '--out', out, ...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(fs.existsSync(pdf)).toBe(true);
      expect(manifest().issues[0]).toMatchObject({ pdf: 'pdf/2025-01.pdf', outdated: true });
    }
  }, 280_000);
});
