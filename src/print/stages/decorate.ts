import type { Page } from 'playwright-core';
import type { PublicationKind } from '../../kinds/kind.ts';
import { measuredLayout, type PrintLayout } from '../layout.ts';
import type { Decoration } from '../runtime/contract.ts';
import type { Paginated } from './paginate.ts';
import type { PrintRun } from './prepare.ts';

/**
 * The kind's rules turn what the browser found on each page into folios, running heads and article starts; they
 * are written into the pages, and the 目录 gets the real page numbers.
 */
export async function decorate(
  run: PrintRun,
  paginated: Paginated,
  kind: Pick<PublicationKind, 'layoutPages' | 'formatFolio'>,
): Promise<PrintLayout> {
  const layout = {
    ...kind.layoutPages(paginated.facts, run.heads),
    images: paginated.images,
    ...measuredLayout(paginated.facts),
    // The whole document in one pass has no copyfit.
    tightened: [],
  };
  const decoration: Decoration = {
    pages: layout.pages.map((p) =>
      p.decorated
        ? { runningHead: p.runningHead, folio: p.folio === null ? null : kind.formatFolio(p.folio) }
        : { runningHead: null, folio: null },
    ),
    tocFolios: Object.fromEntries(layout.articles.map((a) => [a.anchor, kind.formatFolio(a.folio)])),
  };
  await paginated.page.evaluate((d) => window.qikanDecorate!(d), decoration);
  return layout;
}
