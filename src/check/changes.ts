import { ISSUE_ID } from '../core/names.ts';

/**
 * The issues a pull request touches, to build for the editor to look at, from the paths it changed (relative
 * to the repository root). All of them when publication.yaml changed, or when a path under issues/ names no
 * valid issue (the check then says why the publication does not build).
 */
export function touchedIssues(paths: string[]): string[] | 'all' {
  const issues = new Set<string>();
  for (const p of paths) {
    if (p === 'publication.yaml') return 'all';
    const m = /^issues\/([^/]+)\//.exec(p);
    if (!m) continue;
    if (!ISSUE_ID.test(m[1]!)) return 'all';
    issues.add(m[1]!);
  }
  return [...issues].sort();
}
