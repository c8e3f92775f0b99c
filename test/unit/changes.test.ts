import { describe, expect, it } from 'vitest';
import { changesOf } from '../../src/lib/changes.ts';

describe('changesOf (what a pull request touches)', () => {
  it('checks the changed articles and issue.yaml, and builds their issues', () => {
    expect(changesOf(['issues/2026-11/06-new.md', 'issues/2026-11/images/chart.png', 'issues/2026-10/issue.yaml', 'README.md'])).toEqual({
      files: ['issues/2026-11/06-new.md', 'issues/2026-10/issue.yaml'],
      issues: ['2026-10', '2026-11'],
    });
  });

  it('builds every issue when publication.yaml changed', () => {
    expect(changesOf(['publication.yaml', 'issues/2026-11/01-a.md'])).toEqual({ files: ['publication.yaml', 'issues/2026-11/01-a.md'], issues: 'all' });
  });

  it('passes on no path a shell could take for code, and no issue id that is not one', () => {
    expect(changesOf(['issues/2026-11/$(touch x).md', 'issues/2026-11/a b.md', 'issues/x;rm -rf ~/01-a.md', 'issues/../01-a.md'])).toEqual({ files: [], issues: ['2026-11'] });
  });
});
