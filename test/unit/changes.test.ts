import { describe, expect, it } from 'vitest';
import { touchedIssues } from '../../src/check/changes.ts';

describe('touchedIssues (what a pull request builds)', () => {
  it('builds the issues whose files changed, articles and images alike', () => {
    expect(
      touchedIssues([
        'issues/2026-11/06-芯片 产业.md',
        'issues/2026-11/images/chart.png',
        'issues/2026-10/issue.yaml',
        'README.md',
      ]),
    ).toEqual(['2026-10', '2026-11']);
  });

  it('builds every issue when publication.yaml changed, or a folder is no valid issue id', () => {
    expect(touchedIssues(['publication.yaml', 'issues/2026-11/01-a.md'])).toBe('all');
    expect(touchedIssues(['issues/2026年12月/01-a.md'])).toBe('all');
    expect(touchedIssues(['issues/$(touch x)/01-a.md'])).toBe('all');
  });
});
