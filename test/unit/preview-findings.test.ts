import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.ts';
import { findingsAt, urlOfArticleFile } from '../../src/site/preview-findings.ts';

const at = (file: string, rule: Finding['rule'], line = 3): Finding => ({
  file,
  line,
  rule,
  message: `${rule} 的说明`,
});

describe('urlOfArticleFile', () => {
  it('gives the URL an article file would have, order prefix dropped', () => {
    expect(urlOfArticleFile('issues/2026-11/03-chip-news.md')).toBe('/2026-11/chip-news/');
    expect(urlOfArticleFile('issues/2026-11/outlook.md')).toBe('/2026-11/outlook/');
  });
  it('gives none for files that are not articles', () => {
    expect(urlOfArticleFile('issues/2026-11/issue.yaml')).toBeUndefined();
    expect(urlOfArticleFile('publication.yaml')).toBeUndefined();
    expect(urlOfArticleFile('issues/2026-11/import-report.md')).toBeUndefined();
  });
});

describe('findingsAt', () => {
  const findings = [
    at('issues/2026-11/03-chip-news.md', 'zh-fullwidth-punctuation', 9),
    at('issues/2026-11/03-chip-news.md', 'unknown-section', 4),
    at('issues/2026-11/05-other.md', 'missing-field'),
    at('issues/2026-11/issue.yaml', 'missing-field', 2),
  ];
  it("lists the findings of the page's files, errors first", () => {
    const shown = findingsAt(findings, '/2026-11/chip-news/', ['issues/2026-11/03-chip-news.md']);
    expect(shown.map((f) => [f.where, f.severity])).toEqual([
      ['issues/2026-11/03-chip-news.md:4', 'error'],
      ['issues/2026-11/03-chip-news.md:9', 'warning'],
    ]);
  });
  it('finds the findings of an article left out of the preview by its would-be URL', () => {
    expect(findingsAt(findings, '/2026-11/other/').map((f) => f.where)).toEqual(['issues/2026-11/05-other.md:3']);
  });
  it('lists an issue page by its issue.yaml', () => {
    expect(findingsAt(findings, '/2026-11/', ['issues/2026-11/issue.yaml'])).toHaveLength(1);
    expect(findingsAt(findings, '/2026-10/', ['issues/2026-10/issue.yaml'])).toEqual([]);
  });
});
