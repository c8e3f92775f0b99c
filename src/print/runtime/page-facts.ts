// What the print runtime reads off each page Paged.js made: its kind, side, section, the articles starting on
// it, and what breaks a layout rule there; and every image as placed.
import type { MovedFigure, PageFacts, PlacedImage } from '../layout.ts';
import { CLASS, DATA, PAGED, dataAttribute } from './contract.ts';

function overflows(content: Element): boolean {
  const area = content.getBoundingClientRect();
  // Paged.js's own wrapper is a multi-column box far wider than the page: look at what it holds.
  const wrapper = content.firstElementChild;
  return [...(wrapper?.querySelectorAll('*') ?? [])].some((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && (r.bottom > area.bottom + 1 || r.right > area.right + 1);
  });
}

/** How far down the content area what it holds reaches (0–1): the lowest box, past the overflow column left out. */
function fillOf(content: Element): number {
  const area = content.getBoundingClientRect();
  let bottom = area.top;
  for (const el of content.firstElementChild?.querySelectorAll('*') ?? []) {
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.left < area.right) bottom = Math.max(bottom, r.bottom);
  }
  return Math.round(Math.min(1, (bottom - area.top) / area.height) * 100) / 100;
}

const UNBREAKABLE = `figure, tr, h1, h2, h3, h4, .${CLASS.articleHead}`;
const BLOCKS = `p, li, h1, h2, h3, h4, tr, figure, .${CLASS.articleHead}`;

/** Rules a magazine keeps that Paged.js may break: kept-together blocks split, a heading last on the page. */
function faultsOf(content: Element): string[] {
  const text = (el: Element) => `"${(el.textContent ?? '').trim().slice(0, 24)}"`;
  const faults = [...content.querySelectorAll(`:is(${UNBREAKABLE})[data-split-to]`)].map(
    (el) => `${el.tagName.toLowerCase()} ${text(el)} is split across pages`,
  );
  const blocks = [...content.querySelectorAll(BLOCKS)].filter((el) => !el.closest('thead') && el.textContent!.trim());
  const last = blocks[blocks.length - 1];
  if (last && /^H[2-4]$/.test(last.tagName)) faults.push(`the heading ${text(last)} is the last line of the page`);
  if (last?.closest(`.${CLASS.articleHead}`))
    faults.push(`the head of an article ${text(last)} is at the foot of the page, without its text`);
  if (blocks.length === 1 && last?.matches(`p.${CLASS.sourceLine}`))
    faults.push(`the 来源 line ${text(last)} is alone on the page`);
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

/** Figures set apart from the text before them: floated below later text, or heading a page their text is not on. */
function movedOf(content: Element): MovedFigure[] {
  return [...content.querySelectorAll<HTMLElement>(`.${CLASS.articleBody} > figure`)].flatMap((figure) => {
    const floated = Number(figure.dataset[DATA.floated] ?? 0);
    const before = document.createRange();
    before.setStart(content, 0);
    before.setEndBefore(figure);
    const heads = !before.toString().trim();
    if (!floated && !heads) return [];
    // The caption's own words, without the 资料来源 note the Markdown pipeline joins to it.
    const words = [...(figure.querySelector('figcaption')?.childNodes ?? [])].filter(
      (n) => !(n instanceof Element && n.classList.contains('data-source')),
    );
    const caption = (words.map((n) => n.textContent).join('') || figure.querySelector('img')?.alt || '').trim();
    return [{ caption: caption.slice(0, 24), paragraphs: floated }];
  });
}

export function factsOf(page: Element): PageFacts {
  const content = page.querySelector(`.${PAGED.content}`)!;
  const nothing = !content.textContent!.trim() && !content.querySelector('img');
  const kind = page.classList.contains(PAGED.blank)
    ? 'blank'
    : nothing
      ? 'empty'
      : ((content.querySelector<HTMLElement>(`[${dataAttribute(DATA.pageRole)}]`)?.dataset[DATA.pageRole] as
          PageFacts['kind'] | undefined) ?? 'content');
  // An article starts where its title is: Paged.js may leave an empty shell of the <article> on the page before,
  // and then the part with the title has the id as `data-id`.
  const starts = [...content.querySelectorAll(`.${CLASS.articleTitle}`)].map((t) => {
    const article = t.closest<HTMLElement>(`article.${CLASS.article}`)!;
    return article.id || article.dataset[DATA.id]!;
  });
  const section = content.querySelector<HTMLElement>(`[${dataAttribute(DATA.section)}]`)?.dataset[DATA.section];
  return {
    kind,
    side: page.classList.contains(PAGED.left) ? 'left' : 'right',
    section,
    starts,
    overflow: overflows(content),
    faults: [
      ...(kind === 'content' ? faultsOf(content) : []),
      ...[...content.querySelectorAll<HTMLElement>(`[${dataAttribute(DATA.fault)}]`)].map(
        (el) => el.dataset[DATA.fault]!,
      ),
    ],
    notes: kind === 'content' ? notesOf(content) : [],
    fill: fillOf(content),
    moved: kind === 'content' ? movedOf(content) : [],
    bleeds: !!content.querySelector(`.${CLASS.fullBleed}`),
  };
}

/**
 * Every image as placed, marked with `data-qk-image="<owner>#<index>"` so that the print engine can swap in a
 * version prepared for print at the size of its box. A continued article keeps its id as `data-id`.
 */
export function placeImages(pages: Element[]): PlacedImage[] {
  const counts = new Map<string, number>();
  return pages.flatMap((page, i) =>
    [...page.querySelectorAll<HTMLImageElement>(`.${PAGED.content} img`)].map((img) => {
      const article = img.closest<HTMLElement>(`article.${CLASS.article}`);
      const owner = article
        ? article.id || article.dataset[DATA.id]!
        : (img.closest<HTMLElement>(`[${dataAttribute(DATA.imageOwner)}]`)?.dataset[DATA.imageOwner] ?? 'page');
      const index = counts.get(owner) ?? 0;
      counts.set(owner, index + 1);
      img.dataset[DATA.placedImage] = `${owner}#${index}`;
      const r = img.getBoundingClientRect();
      return {
        owner,
        index,
        source: img.dataset[DATA.imageSource],
        pdfPage: i + 1,
        box: { width: r.width, height: r.height },
        natural: { width: img.naturalWidth, height: img.naturalHeight },
      };
    }),
  );
}
