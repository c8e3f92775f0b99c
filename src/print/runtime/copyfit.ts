// Which tighter settings are worth a run's pagination again (runs.ts): copyfit, as an editor tightens a story to
// lose a widowed page.
import type { PageFacts } from '../layout.ts';

/** A run's last page filled less far down than this is worth setting the run again tighter for. */
const PULL_BACK_FILL = 0.2;
/**
 * Copyfit is for stories of a few pages. A longer run is a report: each try would cost its whole pagination again
 * (a 118-page report whose tries all failed: 4.4 → 6.3 s), for one page in many.
 */
const COPYFIT_MAX_PAGES = 24;
/** The leadings tried, as parts of the theme's (print-base.css), in turn. */
const TIGHTEN = [0.98, 0.96, 0.94];

/**
 * The leadings to try a run at, loosest first: none unless its last page is text that would hold a few lines, and
 * only those that make room for what that page holds on the pages before it.
 */
export function copyfitTries(pages: Pick<PageFacts, 'kind' | 'fill'>[]): number[] {
  const last = pages.at(-1);
  if (!last || last.kind !== 'content' || last.fill >= PULL_BACK_FILL || pages.length > COPYFIT_MAX_PAGES) return [];
  return TIGHTEN.filter((part) => (1 / part - 1) * (pages.length - 1) >= last.fill);
}
