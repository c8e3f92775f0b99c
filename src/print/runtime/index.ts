// Runs in the print document: paginates it with Paged.js and leaves what it found on each page on
// `window.qikanPrint` for the print engine, which works out folios and running heads and hands them back to
// `window.qikanDecorate` (src/print/stages/decorate.ts). With `?runs`, the page paginates the document's runs
// one by one instead, as the engine asks (runs.ts).
import { ID, PAGED, type PageFindings } from './contract.ts';
import { decodeImages } from './decode-images.ts';
import { decoratePages } from './decorate.ts';
import {
  registerFigureFloats,
  registerKeepHeads,
  registerKeepSubheads,
  registerRowsAtTheFoot,
  registerTableHeaders,
  registerWidowsAndOrphans,
} from './handlers.ts';
import { factsOf, placeImages } from './page-facts.ts';
import { startRunWorker } from './runs.ts';

/** `?print-ready`: the page rules with the bleed and crop marks of publication.yaml, before Paged.js reads them. */
function applyPrintReady(): void {
  if (!new URLSearchParams(location.search).has('print-ready')) return;
  document.getElementById(ID.pageRules)!.textContent = JSON.parse(
    document.getElementById(ID.printReadyRules)!.textContent!,
  );
}

/**
 * Paged.js loads every @font-face of the document before it starts, here a thousand subsets of four CJK fonts
 * (some 38 MB), though the page needs a few: the fonts the rendered text uses are all in once
 * `document.fonts.ready`, awaited before pagination starts.
 */
function loadOnlyUsedFonts(): void {
  window.Paged.Chunker.prototype.loadFonts = () => document.fonts.ready;
}

/**
 * The handlers that move where a page breaks (onOverflow) are handed one Range and move its start, each only
 * earlier: rows first, then widows and orphans (which keep to text), then heads kept with their text.
 */
function register(): void {
  applyPrintReady();
  loadOnlyUsedFonts();
  registerTableHeaders();
  registerRowsAtTheFoot();
  registerWidowsAndOrphans();
  registerKeepHeads();
  registerKeepSubheads();
  registerFigureFloats();
}

async function prepare(): Promise<void> {
  register();
  await Promise.all([document.fonts.ready, decodeImages([...document.images])]);
}

/**
 * A page that paginates runs never lays the document out whole (runs.css), so no font is loaded by being used:
 * each run loads what it needs before it is paginated (runs.ts).
 */
function prepareRuns(): void {
  register();
  for (const img of document.images) img.loading = 'eager';
}

/** The whole document in one pass: the reference the runs are checked against. */
async function paginate(): Promise<PageFindings> {
  await prepare();
  window.qikanCompose?.();
  await window.PagedPolyfill.preview();
  await document.fonts.ready;
  const pages = [...document.querySelectorAll(`.${PAGED.page}`)];
  return { facts: pages.map(factsOf), images: placeImages(pages) };
}

const fail = (error: unknown) => ({ error: String((error as Error)?.stack ?? error) });
if (new URLSearchParams(location.search).has('runs')) {
  try {
    prepareRuns();
    window.qikanRuns = startRunWorker();
  } catch (error) {
    window.qikanRuns = fail(error);
  }
} else {
  window.qikanDecorate = decoratePages;
  paginate().then(
    (paginated) => (window.qikanPrint = paginated),
    (error: unknown) => (window.qikanPrint = fail(error)),
  );
}
