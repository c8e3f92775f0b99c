import type { Issue } from '../../core/model.ts';
import { asStory, type Story } from './story-schema.ts';

/** A page's stories in the order they are placed and listed: by priority (1 first, unset last), then as filed. */
export function storiesOn(issue: Issue, page: number, medium: 'print' | 'web'): Story[] {
  return issue.articles
    .map(asStory)
    .filter((a) => a[medium] && a.page === page)
    .sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || a.order - b.order);
}

/** Page 1's 报眼 story (`slot: ear`) in print, if the issue has one; the grid's stories are the others. */
export function earOf(issue: Issue): Story | undefined {
  return storiesOn(issue, 1, 'print').find((s) => s.slot === 'ear');
}
