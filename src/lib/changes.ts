import { ISSUE_ID } from './model.ts';

export interface Changes {
  /** Changed files the check reads: articles, issue.yaml and publication.yaml. */
  files: string[];
  /** Issues to build for the editor to look at; all of them when publication.yaml changed. */
  issues: string[] | 'all';
}

/**
 * What a pull request touches, from the paths it changed (relative to the repository root, deleted files left
 * out by the caller). Paths come from contributors: only those that are plainly articles or settings pass on.
 */
export function changesOf(paths: string[]): Changes {
  const files: string[] = [];
  const issues = new Set<string>();
  let all = false;
  for (const p of paths) {
    if (p === 'publication.yaml') {
      files.push(p);
      all = true;
      continue;
    }
    const m = /^issues\/([^/]+)\/(.+)$/.exec(p);
    if (!m || !ISSUE_ID.test(m[1]!)) continue;
    issues.add(m[1]!);
    if (/^[^/]+\.md$|^issue\.yaml$/.test(m[2]!) && /^[\w./-]+$/.test(p)) files.push(p);
  }
  return { files, issues: all ? 'all' : [...issues].sort() };
}
