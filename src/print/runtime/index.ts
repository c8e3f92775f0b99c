// Runs in the print document: paginates it with Paged.js and leaves what it found on each page on
// `window.qikanPrint` for the print engine, which works out folios and running heads and hands them back to
// `window.qikanDecorate` (src/print/stages/decorate.ts).
import { ID, PAGED, type PageFindings } from './contract.ts';
import { decoratePages } from './decorate.ts';
import { registerTableHeaders, registerWidowsAndOrphans } from './handlers.ts';
import { factsOf, placeImages } from './page-facts.ts';

/**
 * Paged.js waits for every image of a page to load, and a lazy image off screen never does: the pagination would
 * hang. Print wants every image anyway.
 */
async function loadImages(): Promise<void> {
  const images = [...document.images];
  for (const img of images) img.loading = 'eager';
  await Promise.all(
    images.map((img) =>
      img.decode().catch(() => {
        throw new Error(`image ${img.currentSrc || img.src} could not be loaded`);
      }),
    ),
  );
}

/** `?print-ready`: the page rules with the bleed and crop marks of publication.yaml, before Paged.js reads them. */
function applyPrintReady(): void {
  if (!new URLSearchParams(location.search).has('print-ready')) return;
  document.getElementById(ID.pageRules)!.textContent = JSON.parse(
    document.getElementById(ID.printReadyRules)!.textContent!,
  );
}

async function paginate(): Promise<PageFindings> {
  applyPrintReady();
  registerTableHeaders();
  registerWidowsAndOrphans();
  await Promise.all([document.fonts.ready, loadImages()]);
  await window.PagedPolyfill.preview();
  await document.fonts.ready;
  const pages = [...document.querySelectorAll(`.${PAGED.page}`)];
  return { facts: pages.map(factsOf), images: placeImages(pages) };
}

window.qikanDecorate = decoratePages;
paginate().then(
  (paginated) => (window.qikanPrint = paginated),
  (error: unknown) => (window.qikanPrint = { error: String((error as Error)?.stack ?? error) }),
);
