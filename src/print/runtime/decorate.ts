import { CLASS, DATA, PAGED, dataAttribute, type Decoration } from './contract.ts';

/**
 * Writes what the engine worked out into the paginated pages: each page's running head and folio, the 目录's
 * page numbers ('??' for an article the layout did not place, which the PDF check then refuses).
 */
export function decoratePages({ pages: decorations, tocFolios }: Decoration): void {
  const pages = [...document.querySelectorAll(`.${PAGED.page}`)];
  decorations.forEach(({ runningHead, folio }, i) => {
    const box = pages[i]?.querySelector(`.${PAGED.pagebox}`);
    if (!box) return;
    if (runningHead) box.insertAdjacentHTML('beforeend', `<div class="${CLASS.runningHead}"></div>`);
    if (folio !== null) box.insertAdjacentHTML('beforeend', `<div class="${CLASS.folio}">${folio}</div>`);
    const head = box.querySelector(`.${CLASS.runningHead}`);
    if (head && runningHead) head.textContent = runningHead;
  });
  // Full-page colour and pictures run on into the bleed (print-ready): set after pagination, so that Paged.js,
  // which measures every box against the page, never sees them reach past it.
  document.body.classList.add(CLASS.bleed);
  for (const el of document.querySelectorAll<HTMLElement>(`.${CLASS.tocFolio}[${dataAttribute(DATA.tocAnchor)}]`)) {
    el.textContent = tocFolios[el.dataset[DATA.tocAnchor]!] ?? '??';
  }
}
