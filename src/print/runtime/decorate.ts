import { CLASS, DATA, PAGED, dataAttribute, type Decoration } from './contract.ts';

/**
 * Writes what the engine worked out into the paginated pages under `root`: each page's running head and folio,
 * its side where the engine sets it, the 目录's page numbers ('??' for an article the layout did not place, which
 * the PDF check then refuses).
 */
export async function decoratePages(
  { pages: decorations, tocFolios, sides }: Decoration,
  root: HTMLElement = document.body,
): Promise<void> {
  const pages = [...root.querySelectorAll(`.${PAGED.page}`)];
  decorations.forEach(({ runningHead, folio }, i) => {
    const page = pages[i];
    const box = page?.querySelector(`.${PAGED.pagebox}`);
    if (!page || !box) return;
    // The content area is as wide on either side: only the margins (and heads) move.
    const side = sides?.[i];
    if (side) {
      page.classList.toggle(PAGED.left, side === 'left');
      page.classList.toggle(PAGED.right, side === 'right');
    }
    if (runningHead) box.insertAdjacentHTML('beforeend', `<div class="${CLASS.runningHead}"></div>`);
    if (folio !== null) box.insertAdjacentHTML('beforeend', `<div class="${CLASS.folio}">${folio}</div>`);
    const head = box.querySelector(`.${CLASS.runningHead}`);
    if (head && runningHead) head.textContent = runningHead;
  });
  // Full-page colour and pictures run on into the bleed (print-ready): set after pagination, so that Paged.js,
  // which measures every box against the page, never sees them reach past it.
  root.classList.add(CLASS.bleed);
  for (const el of root.querySelectorAll<HTMLElement>(`.${CLASS.tocFolio}[${dataAttribute(DATA.tocAnchor)}]`)) {
    el.textContent = tocFolios[el.dataset[DATA.tocAnchor]!] ?? '??';
  }
  // Running heads may use glyphs the pages did not: their fonts load before the page is printed.
  await document.fonts.ready;
}
