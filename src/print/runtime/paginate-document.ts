// Runs in the print document: paginates it with Paged.js, then gives every page its folio and running head,
// writes the real page numbers into the 目录, and leaves the layout on `window.qikanPrint` for the print engine.
import {
  formatFolio,
  layoutPages,
  type PageFacts,
  type PageKind,
  type PlacedImage,
  type PrintLayout,
} from '../../kinds/magazine/page-layout.ts';

declare global {
  interface Window {
    PagedPolyfill: { preview: () => Promise<unknown> };
    Paged: {
      Handler: new (...args: unknown[]) => object;
      registerHandlers: (...handlers: unknown[]) => void;
    };
    qikanPrint?: PrintLayout | { error: string };
  }
}

/**
 * A table that runs over a page repeats its header row. Paged.js does not (pagedjs#36): when it starts a page
 * with a row of a split table, it rebuilds the table around that row, and this hook puts the header into the
 * rebuilt table right then, so that the rows after it are laid out below it and nothing is pushed off the page.
 */
function registerTableHeaders(): void {
  class RepeatTableHeader extends window.Paged.Handler {
    renderNode(clone: Node, source: Node): void {
      if (!(clone instanceof HTMLTableRowElement) || !(source instanceof HTMLTableRowElement)) return;
      const table = clone.closest('table');
      const head = source.closest('table')?.tHead;
      if (!table?.dataset.splitFrom || table.tHead || !head || source.parentElement === head) return;
      const copy = head.cloneNode(true) as HTMLTableSectionElement;
      for (const el of [copy, ...copy.querySelectorAll('*')]) el.removeAttribute('data-ref');
      copy.dataset.repeatedHeader = '';
      table.insertBefore(copy, clone.parentElement === table ? clone : clone.parentElement);
    }
  }
  window.Paged.registerHandlers(RepeatTableHeader);
}

/** The top of the line a text position is on (the box of the character there). */
function lineTop(node: Text, offset: number): number {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, Math.min(offset + 1, node.length));
  return range.getBoundingClientRect().top;
}

/** The tops of the lines a range covers: its boxes grouped by line (an inline element adds boxes, not lines). */
function lineTops(range: Range, lh: number): number[] {
  const tops = [...range.getClientRects()]
    .filter((r) => r.width > 0)
    .map((r) => r.top)
    .sort((a, b) => a - b);
  return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > lh / 2);
}

/** In a paragraph, before `end`, the first text position on the line whose top is `top`. */
function lineStart(
  p: Element,
  top: number,
  end: { node: Node; offset: number },
): { node: Text; offset: number } | undefined {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const last = node === end.node ? end.offset - 1 : node.length - 1;
    if (last < 0 || lineTop(node, last) < top - 1) {
      if (node === end.node) return undefined;
      continue;
    }
    let [lo, hi] = [0, last];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineTop(node, mid) >= top - 1) hi = mid;
      else lo = mid + 1;
    }
    return { node, offset: lo };
  }
  return undefined;
}

/**
 * An article's 来源 line must not go to a page of its own: when it is all that overflows, the last two lines of
 * the text before it go along (the whole paragraph if it is shorter than four lines).
 */
function keepSourceLine(overflow: Range): boolean {
  const container = overflow.startContainer;
  const first =
    container.nodeType === Node.TEXT_NODE ? container.parentElement : container.childNodes[overflow.startOffset];
  const source = first instanceof Element ? first.closest('p.source') : null;
  // The text before it: the body's last paragraph (来源 from the front matter), or the paragraph right before it.
  const prev = source?.previousElementSibling;
  const before = prev?.matches('p')
    ? prev
    : prev?.querySelector(':scope > p:last-child, :scope > :last-child p:last-child');
  if (!source || !before || !source.parentElement?.contains(before)) return false;
  const lh = parseFloat(getComputedStyle(before).lineHeight);
  const range = document.createRange();
  range.selectNodeContents(before);
  const tops = lineTops(range, lh);
  const last = before.lastChild;
  const from =
    tops.length >= 4 && last
      ? lineStart(before, tops[tops.length - 2]!, { node: last, offset: last.textContent!.length })
      : undefined;
  if (from) overflow.setStart(from.node, from.offset);
  else overflow.setStartBefore(before);
  return true;
}

/**
 * Widows and orphans (CSS `widows: 2; orphans: 2`, which Paged.js ignores). Paged.js finds where a page overflows
 * (the overflowing lines sit in a second column of its layout box); where that would leave a paragraph's first
 * line alone at the foot, the whole paragraph moves on, and where it would carry one last line alone to the next
 * page, the line before goes with it (or the whole paragraph, when it has only three lines).
 */
function registerWidowsAndOrphans(): void {
  class WidowsAndOrphans extends window.Paged.Handler {
    onOverflow(overflow: Range | undefined, rendered: Element): Range | undefined {
      if (overflow && keepSourceLine(overflow)) return overflow;
      const start = overflow?.startContainer;
      if (!overflow || start?.nodeType !== Node.TEXT_NODE) return undefined;
      const p = start.parentElement?.closest('p');
      if (!p || !rendered.contains(p)) return undefined;
      const lh = parseFloat(getComputedStyle(p).lineHeight);
      if (!lh) return undefined;
      const head = document.createRange();
      head.setStart(p, 0);
      head.setEnd(start, overflow.startOffset);
      const tail = document.createRange();
      tail.setStart(start, overflow.startOffset);
      tail.setEnd(p, p.childNodes.length);
      const before = lineTops(head, lh);
      const after = lineTops(tail, lh).length;
      if (after === 1 && before.length >= 3) {
        const from = lineStart(p, before[before.length - 1]!, { node: start, offset: overflow.startOffset });
        if (from) overflow.setStart(from.node, from.offset);
        return overflow;
      }
      // One line would stay alone here, or a three-line paragraph cannot give two lines to each page. A heading
      // right above goes along, not to be left as the page's last line.
      const prev = p.previousElementSibling;
      if ((before.length === 1 || after === 1) && prev) {
        overflow.setStartBefore(/^H[2-4]$/.test(prev.tagName) && prev.previousElementSibling ? prev : p);
        return overflow;
      }
      return undefined;
    }
  }
  window.Paged.registerHandlers(WidowsAndOrphans);
}

const KINDS: [string, PageKind][] = [
  ['.cover', 'cover'],
  ['.inside-cover', 'front'],
  ['.inside-back-cover', 'back'],
  ['.front', 'front'],
  ['.opener', 'opener'],
  ['.back-cover', 'back'],
];

function overflows(content: Element): boolean {
  const area = content.getBoundingClientRect();
  // Paged.js's own wrapper is a multi-column box far wider than the page: look at what it holds.
  const wrapper = content.firstElementChild;
  return [...(wrapper?.querySelectorAll('*') ?? [])].some((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && (r.bottom > area.bottom + 1 || r.right > area.right + 1);
  });
}

const UNBREAKABLE = 'figure, tr, h1, h2, h3, h4, .article-head';
const BLOCKS = 'p, li, h1, h2, h3, h4, tr, figure, .article-head';

/** Rules a magazine keeps that Paged.js may break: kept-together blocks split, a heading last on the page. */
function faultsOf(content: Element): string[] {
  const text = (el: Element) => `"${(el.textContent ?? '').trim().slice(0, 24)}"`;
  const faults = [...content.querySelectorAll(`:is(${UNBREAKABLE})[data-split-to]`)].map(
    (el) => `${el.tagName.toLowerCase()} ${text(el)} is split across pages`,
  );
  const blocks = [...content.querySelectorAll(BLOCKS)].filter((el) => !el.closest('thead') && el.textContent!.trim());
  const last = blocks[blocks.length - 1];
  if (last && /^H[2-4]$/.test(last.tagName)) faults.push(`the heading ${text(last)} is the last line of the page`);
  if (last?.closest('.article-head'))
    faults.push(`the head of an article ${text(last)} is at the foot of the page, without its text`);
  if (blocks.length === 1 && last?.matches('p.source')) faults.push(`the 来源 line ${text(last)} is alone on the page`);
  return faults;
}

/** Widows and orphans: Paged.js ignores the CSS properties, so single lines split off a paragraph are reported. */
function notesOf(content: Element): string[] {
  return [...content.querySelectorAll<HTMLElement>('p[data-split-to], p[data-split-from]')].flatMap((p) => {
    const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
    if (lines >= 2) return [];
    const where = p.hasAttribute('data-split-to') ? 'at the foot' : 'at the top';
    return [`a single line of a paragraph ${where} of the page: "${p.textContent!.trim().slice(0, 24)}"`];
  });
}

function factsOf(page: Element): PageFacts {
  const content = page.querySelector('.pagedjs_page_content')!;
  const nothing = !content.textContent!.trim() && !content.querySelector('img');
  const kind = page.classList.contains('pagedjs_blank_page')
    ? 'blank'
    : nothing
      ? 'empty'
      : (KINDS.find(([sel]) => content.querySelector(sel))?.[1] ?? 'content');
  // An article starts where its title is: Paged.js may leave an empty shell of the <article> on the page before.
  const starts = [...content.querySelectorAll('.article-title')].map((t) => t.closest('article')!.id);
  const section = content.querySelector<HTMLElement>('[data-section]')?.dataset.section;
  return {
    kind,
    side: page.classList.contains('pagedjs_left_page') ? 'left' : 'right',
    section,
    starts,
    overflow: overflows(content),
    faults: kind === 'content' ? faultsOf(content) : [],
    notes: kind === 'content' ? notesOf(content) : [],
  };
}

/**
 * Every image as placed, marked with `data-qk-image="<owner>#<index>"` so that the print engine can swap in a
 * version prepared for print at the size of its box. A continued article keeps its id as `data-id`.
 */
function placeImages(pages: Element[]): PlacedImage[] {
  const counts = new Map<string, number>();
  return pages.flatMap((page, i) =>
    [...page.querySelectorAll<HTMLImageElement>('.pagedjs_page_content img')].map((img) => {
      const article = img.closest<HTMLElement>('article.article');
      const owner = article
        ? article.id || article.dataset.id!
        : (img.closest<HTMLElement>('[data-image-owner]')?.dataset.imageOwner ?? 'page');
      const index = counts.get(owner) ?? 0;
      counts.set(owner, index + 1);
      img.dataset.qkImage = `${owner}#${index}`;
      const r = img.getBoundingClientRect();
      return {
        owner,
        index,
        source: img.dataset.source,
        pdfPage: i + 1,
        box: { width: r.width, height: r.height },
        natural: { width: img.naturalWidth, height: img.naturalHeight },
      };
    }),
  );
}

function decorate(page: Element, text: string | null, folio: number | null): void {
  const box = page.querySelector('.pagedjs_pagebox')!;
  if (text) box.insertAdjacentHTML('beforeend', `<div class="qk-running-head"></div>`);
  if (folio !== null) box.insertAdjacentHTML('beforeend', `<div class="qk-folio">${formatFolio(folio)}</div>`);
  const head = box.querySelector('.qk-running-head');
  if (head && text) head.textContent = text;
}

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
  document.getElementById('qk-page')!.textContent = JSON.parse(document.getElementById('qk-print-ready')!.textContent!);
}

async function paginate(): Promise<PrintLayout> {
  applyPrintReady();
  registerTableHeaders();
  registerWidowsAndOrphans();
  await Promise.all([document.fonts.ready, loadImages()]);
  await window.PagedPolyfill.preview();
  await document.fonts.ready;
  const heads = JSON.parse(document.body.dataset.heads ?? '{}');
  const pages = [...document.querySelectorAll('.pagedjs_page')];
  const layout = layoutPages(pages.map(factsOf), heads, placeImages(pages));
  layout.pages.forEach((p, i) => {
    if (p.decorated) decorate(pages[i]!, p.runningHead, p.folio);
  });
  // Full-page colour and pictures run on into the bleed (print-ready): set after pagination, so that Paged.js,
  // which measures every box against the page, never sees them reach past it.
  document.body.classList.add('qk-bleed');
  const folioOf = new Map(layout.articles.map((a) => [a.anchor, formatFolio(a.folio)]));
  for (const el of document.querySelectorAll<HTMLElement>('.toc-folio[data-anchor]')) {
    el.textContent = folioOf.get(el.dataset.anchor!) ?? '??';
  }
  return layout;
}

paginate().then(
  (layout) => (window.qikanPrint = layout),
  (error: unknown) => (window.qikanPrint = { error: String((error as Error)?.stack ?? error) }),
);
