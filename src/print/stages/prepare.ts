import type { Issue, Model } from '../../core/model.ts';
import { printDocumentUrl } from '../../core/routes.ts';
import { lengthToPt } from '../geometry.ts';
import type { RunningHeads } from '../layout.ts';
import type { PrintBoxes } from './finish.ts';

/** One run of pages paginated on its own. For now the whole issue is one run. */
export interface PrintRun {
  issue: Issue;
  /** The print document of the run on the loopback server. */
  url: string;
  /** The print shop's geometry (bleed, slug with crop marks, the boxes); none for the screen PDF. */
  boxes?: PrintBoxes;
  /** In points: how far the trim sits inside the sheet (0 for the screen PDF). */
  inset: number;
  heads: RunningHeads;
}

/** The first stage: the run's print document (built with the site) and what the later stages need to know of it. */
export function prepareRun(model: Model, issue: Issue, serverUrl: string, printReady: boolean): PrintRun {
  const { publication } = model;
  const boxes: PrintBoxes | undefined = printReady
    ? {
        trimWidth: lengthToPt(publication.page.width),
        trimHeight: lengthToPt(publication.page.height),
        bleed: lengthToPt(publication.print.bleed),
        slug: lengthToPt(publication.print.slug),
      }
    : undefined;
  return {
    issue,
    url: `${serverUrl}${printDocumentUrl(issue.id)}${printReady ? '?print-ready' : ''}`,
    boxes,
    inset: boxes ? boxes.bleed + boxes.slug : 0,
    heads: {
      publication: publication.name,
      sections: Object.fromEntries(publication.sections.map((s) => [s.id, s.title])),
    },
  };
}
