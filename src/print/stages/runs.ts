import type { BrowserContext, Page } from 'playwright-core';
import type { PublicationKind } from '../../kinds/kind.ts';
import { measuredLayout, type PlacedImage, type PrintLayout, type RunningHeads } from '../layout.ts';
import type { PageText } from '../pdf-text.ts';
import { readPdfTextAside, startPdfTextThread } from '../pdf-text-thread.ts';
import type { PrintCache } from '../print-cache.ts';
import { hashOf, placeRuns, tightenedRuns, type RunSource } from '../runs.ts';
import type { Decoration, RunFindings } from '../runtime/contract.ts';
import type { RunPart } from './merge.ts';
import { callRunWorker, openRunWorker, type PrintPage } from './paginate.ts';
import { renderPdf } from './render.ts';

export interface RunsInput {
  context: BrowserContext;
  /** A context for a further page paginating side by side (pages of one context share a renderer process). */
  newContext(): Promise<BrowserContext>;
  /** The print document (with `?print-ready` for the print shop's file). */
  url: string;
  runs: RunSource[];
  /** Everything the runs share that changes their pages: the document's head, the engine, Chromium, options. */
  common: string;
  cache: PrintCache;
  /** Browser pages paginating side by side. */
  workers: number;
  kind: Pick<PublicationKind, 'layoutPages' | 'formatFolio'>;
  heads: RunningHeads;
  /** The images stage, in the page that holds the runs, before they are printed. */
  prepareImages(page: Page, images: PlacedImage[]): Promise<void>;
  /** Pages laid out so far, and runs laid out (paginated or known from the cache). */
  onProgress(progress: { pages: number; runs: number }): void;
}

export interface RunsResult {
  layout: PrintLayout;
  parts: RunPart[];
  /**
   * The text of every page, as read from the PDFs the runs were printed in (blank pages have none): the last
   * batches' may still be being read when the runs are done, while the issue is merged and finished.
   */
  text: Promise<PageText[]>;
  /** How many runs were paginated and how many printed (the others came from the cache). */
  paginated: number;
  rendered: number;
  /** Seconds spent in each step, summed over the browser pages (bench/print.ts shows them). */
  steps: Record<string, number>;
}

/** A run as printed: pages `first` to `first + count - 1` of a batch (runs printed together in one PDF). */
interface PrintedRun {
  batch: string;
  first: number;
  count: number;
  text: PageText[];
}

/**
 * A worker prints the runs it holds together once nothing is left to paginate, or once it holds this many pages,
 * so that a long issue does not keep all its pages in the browser. Measured on the 350-page bench issue: 64 →
 * 1022 MiB (PSS of the browser's processes), 7.7 MB; 48 → 951 MiB, 8.0 MB; 32 → 830 MiB, 10.8 MB (each batch
 * embeds its own font subsets).
 */
const BATCH_PAGES = 48;

/**
 * The engine over an issue's runs. Each run is paginated in one of a few browser pages side by side and held
 * there; it is decorated once the runs before it are known (its first folio and side; a 目录 once all are), and
 * the runs a page holds are printed together, so that they share their fonts in the PDF. What pagination found
 * in a run is cached under the hash of its content, its printed pages under that and its decoration: a run with
 * unchanged content and folios is not paginated at all.
 */
export async function printRuns(input: RunsInput): Promise<RunsResult> {
  const { runs, cache, kind, heads } = input;
  const n = runs.length;
  const keys = runs.map((r) => hashOf('run', input.common, r.html));
  const facts: (RunFindings | undefined)[] = keys.map((k) => cache.json<RunFindings>(k));
  const decorations: { decoration: Decoration; first: number; key: string }[] = [];
  const printed: (PrintedRun | undefined)[] = [];
  const batches = new Map<string, Uint8Array>();
  const heldBy: (PrintPage | undefined)[] = [];
  const queue = facts.flatMap((f, k) => (f ? [] : [k]));
  const waitingForAll: number[] = [];
  let decorated = 0;
  let paginated = 0;
  let rendered = 0;
  let failed: unknown;
  const steps: Record<string, number> = {};
  const timed = async <T>(step: string, job: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await job();
    } finally {
      steps[step] = (steps[step] ?? 0) + (performance.now() - t0) / 1000;
    }
  };
  let wake = Promise.withResolvers<void>();
  const notify = () => {
    wake.resolve();
    wake = Promise.withResolvers<void>();
  };

  /** Run k's decoration, from the runs up to it (to all of them for a run with 目录 numbers). */
  const settle = (k: number) => {
    const f = facts[k]!;
    const upTo = facts.slice(0, f.tocSlots ? n : k + 1) as RunFindings[];
    const { facts: pagesUpTo, first } = placeRuns(upTo);
    const layout = kind.layoutPages(pagesUpTo, heads);
    const pages = layout.pages.slice(first[k], first[k]! + f.facts.length);
    const decoration: Decoration = {
      pages: pages.map((p) =>
        p.decorated
          ? { runningHead: p.runningHead, folio: p.folio === null ? null : kind.formatFolio(p.folio) }
          : { runningHead: null, folio: null },
      ),
      sides: pages.map((p) => p.side),
      tocFolios: f.tocSlots
        ? Object.fromEntries(layout.articles.map((a) => [a.anchor, kind.formatFolio(a.folio)]))
        : {},
    };
    const key = hashOf('pdf', keys[k]!, JSON.stringify(decoration));
    decorations[k] = { decoration, first: first[k]!, key };
    const cached = cache.json<PrintedRun>(key);
    const batch = cached && (batches.get(cached.batch) ?? cache.pdf(cached.batch));
    if (cached && batch) {
      batches.set(cached.batch, batch);
      printed[k] = cached;
    } else if (!heldBy[k] && !queue.includes(k)) queue.push(k);
  };
  /** Settles every run whose decoration can now be known: in order, a 目录 once every run is known. */
  const advance = () => {
    while (decorated < n && facts[decorated]) {
      if (facts[decorated]!.tocSlots) waitingForAll.push(decorated);
      else settle(decorated);
      decorated++;
    }
    if (decorated === n) waitingForAll.splice(0).forEach(settle);
  };
  const report = () =>
    input.onProgress({
      pages: facts.reduce((sum, f) => sum + (f?.facts.length ?? 0), 0),
      runs: facts.filter(Boolean).length,
    });

  const printBatch = async (worker: PrintPage, list: number[]) => {
    await timed('decorate', () =>
      callRunWorker(
        worker,
        'show',
        list,
        list.map((k) => decorations[k]!.decoration),
      ),
    );
    const images = list.flatMap((k) =>
      facts[k]!.images.map((image) => ({ ...image, pdfPage: image.pdfPage + decorations[k]!.first })),
    );
    await timed('images', () => input.prepareImages(worker.page, images));
    const pdf = await timed('render', () => renderPdf(worker.page));
    for (const k of list) await callRunWorker(worker, 'drop', k);
    const batch = hashOf('batch', ...list.map((k) => decorations[k]!.key));
    cache.savePdf(batch, pdf);
    batches.set(batch, pdf);
    let at = 0;
    for (const k of list) {
      const count = facts[k]!.facts.length;
      printed[k] = { batch, first: at, count, text: [] };
      heldBy[k] = undefined;
      at += count;
      rendered++;
    }
    // The batch's text is read on a thread of its own while the browser page goes on paginating; the runs are
    // cached once it is known.
    reading.push(
      timed('read text', () => readPdfTextAside(pdf))
        .then((text) => {
          if (text.length !== at)
            throw new Error(
              `runs ${list.map((k) => k + 1).join(', ')} of ${input.url}: paginated into ${at} pages, printed ${text.length}`,
            );
          for (const k of list) {
            const run = printed[k]!;
            run.text = text.slice(run.first, run.first + run.count);
            cache.saveJson(decorations[k]!.key, run);
          }
        })
        // A mismatch found here stops the other pages too, and is thrown where the text is awaited.
        .catch(fail),
    );
  };
  const reading: Promise<void>[] = [];
  const fail = (error: unknown) => {
    failed ??= error;
    notify();
  };

  const work = async (worker: PrintPage) => {
    await callRunWorker(worker, 'preload', queue);
    while (!failed && printed.filter(Boolean).length < n) {
      const mine = heldBy.flatMap((w, k) => (w === worker ? [k] : []));
      // Held, then found in the cache after all (its pages came out as before): nothing to print.
      const spare = mine.filter((k) => printed[k]);
      if (spare.length) {
        for (const k of spare) {
          await callRunWorker(worker, 'drop', k);
          heldBy[k] = undefined;
        }
        continue;
      }
      const ready = mine.filter((k) => decorations[k]);
      const heldPages = mine.reduce((sum, k) => sum + facts[k]!.facts.length, 0);
      if (ready.length && (!queue.length || heldPages >= BATCH_PAGES)) {
        await printBatch(worker, ready);
      } else if (queue.length) {
        const k = queue.shift()!;
        const found = await timed('paginate', () => callRunWorker(worker, 'paginate', k));
        paginated++;
        const before = facts[k];
        if (before && before.facts.length !== found.facts.length)
          throw new Error(
            `run ${k + 1} of ${input.url} paginated into ${found.facts.length} pages, cached as ` +
              `${before.facts.length}: remove the cache (${cache.dir}) and build again`,
          );
        if (!before) cache.saveJson(keys[k]!, found);
        facts[k] = found;
        heldBy[k] = worker;
        advance();
      } else {
        await wake.promise;
        continue;
      }
      report();
      notify();
    }
  };

  advance();
  const opened: Promise<PrintPage>[] = [];
  if (printed.filter(Boolean).length < n) {
    startPdfTextThread();
    for (let i = 0; i < Math.max(1, Math.min(input.workers, queue.length)); i++)
      // A context of its own for each page: pages of one site in one context share a renderer process, and so
      // one main thread, and would paginate by turns instead of side by side.
      opened.push(timed('open', async () => openRunWorker(i ? await input.newContext() : input.context, input.url, n)));
  }
  try {
    // Each page starts as soon as it has loaded; a failure stops the others.
    await Promise.all(opened.map((o) => o.then(work).catch(fail)));
    if (failed) throw failed;
  } finally {
    await Promise.allSettled(
      opened.map((o) =>
        o.then((w) => (w.page.context() === input.context ? w.page.close() : w.page.context().close())),
      ),
    );
  }

  const all = facts as RunFindings[];
  const { facts: pages, first, blankBefore } = placeRuns(all);
  const layout = {
    ...kind.layoutPages(pages, heads),
    // An image's page counts from its run's first page.
    images: all.flatMap((f, k) => f.images.map((image) => ({ ...image, pdfPage: image.pdfPage + first[k]! }))),
    ...measuredLayout(pages),
    tightened: tightenedRuns(all, first),
  };
  const text = Promise.all(reading).then(() => {
    if (failed) throw failed;
    const pages: PageText[] = [];
    for (const [k, run] of (printed as PrintedRun[]).entries()) {
      if (blankBefore[k]) pages.push({ compact: '', items: [], height: pages.at(-1)?.height ?? 0 });
      pages.push(...run.text);
    }
    return pages;
  });
  // Awaited after the merge: a merge that fails first leaves no unhandled rejection behind.
  text.catch(() => {});
  const parts = (printed as PrintedRun[]).map((run, k) => ({
    pdf: batches.get(run.batch)!,
    pages: Array.from({ length: run.count }, (_, i) => run.first + i),
    blankBefore: blankBefore[k]!,
    ids: runs[k]!.ids,
  }));
  return { layout, parts, text, paginated, rendered, steps };
}
