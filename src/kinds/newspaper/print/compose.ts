// Runs in a newspaper's print document before Paged.js: places each page's boxes on its grid in the order of the
// page's stories, each where it sits highest (the leftmost of equal places). A story with `jumpTo` is cut where
// the page's other boxes all fit, ends with （下转第N版）, and goes on on that page under its headline again, after
// （上接第M版）. A box that does not fit all the same is marked at fault with how many lines it is too long.
import { CLASS, DATA } from '../../../print/runtime/contract.ts';
import { NP } from './classes.ts';

/** The vertical space between two boxes one above the other, in CSS px (the rule sits in it). */
const GAP = 14;
/** The fewest lines a jumping story keeps on its own page. */
const MIN_LINES = 4;

interface Grid {
  element: HTMLElement;
  columns: number;
  gutter: number;
  column: number;
  height: number;
}

function composeAll(): void {
  const pages = [...document.querySelectorAll<HTMLElement>(`.${NP.page}`)];
  const grids = new Map(pages.map((p) => [Number(p.dataset.number), p.querySelector<HTMLElement>(`.${NP.grid}`)!]));
  // In page order: a continuation joins its page's boxes before that page is composed.
  for (const page of pages) composePage(Number(page.dataset.number), grids);
  for (const ear of document.querySelectorAll<HTMLElement>(`.${NP.ear}`)) checkEar(ear);
}

/** The 报眼 holds its story whole: one that does not fit is marked at fault with how many lines it is too long. */
function checkEar(ear: HTMLElement): void {
  const excess = ear.scrollHeight - ear.clientHeight;
  if (excess <= 1) return;
  const body = ear.querySelector<HTMLElement>(`.${NP.body}`);
  const line = body ? parseFloat(getComputedStyle(body).lineHeight) || 12 : 12;
  ear.dataset[DATA.fault] =
    `${ear.dataset.file}: the 报眼 story "${ear.dataset.title ?? ''}" does not fit beside the masthead: ` +
    `${Math.ceil(excess / line)} line(s) too long (shorten it, or take out \`slot: ear\` to place it on the page)`;
}

function gridOf(element: HTMLElement): Grid {
  const columns = Number(element.dataset.columns);
  const gutter = parseFloat(getComputedStyle(element).columnGap) || 0;
  const column = (element.clientWidth - (columns - 1) * gutter) / columns;
  return { element, columns, gutter, column, height: element.clientHeight };
}

/** How far down a box reaches once placed, and how far down it may. */
type Placed = Map<HTMLElement, { bottom: number; limit: number }>;

/**
 * Places the boxes one by one; an advertisement first, at the foot of the rightmost columns (its place does not
 * move with the news). Returns how far down each box reaches and may reach.
 */
function place(grid: Grid, boxes: HTMLElement[]): Placed {
  const tops: number[] = new Array(grid.columns).fill(0);
  const limits: number[] = new Array(grid.columns).fill(grid.height);
  const placed: Placed = new Map();
  const spanOf = (box: HTMLElement) => Math.min(grid.columns, Math.max(1, Number(box.dataset.columns) || 1));
  const put = (box: HTMLElement, x: number, y: number, span: number) => {
    box.style.left = `${x * (grid.column + grid.gutter)}px`;
    box.style.top = `${y}px`;
    box.classList.toggle(NP.ruleLeft, x > 0);
    box.classList.toggle(NP.ruleTop, y > 0);
    const bottom = y + box.offsetHeight;
    placed.set(box, { bottom, limit: Math.min(...limits.slice(x, x + span)) });
    return bottom;
  };
  for (const box of boxes) box.style.width = `${spanOf(box) * grid.column + (spanOf(box) - 1) * grid.gutter}px`;
  for (const ad of boxes.filter((b) => b.classList.contains(NP.ad))) {
    const span = spanOf(ad);
    const x = grid.columns - span;
    const y = Math.min(...limits.slice(x, x + span)) - ad.offsetHeight;
    put(ad, x, Math.max(0, y), span);
    if (y < 0) ad.dataset[DATA.fault] = `the advertisement of ${ad.dataset.title} is taller than its page`;
    limits.fill(y - GAP, x, x + span);
  }
  for (const box of boxes.filter((b) => !b.classList.contains(NP.ad))) {
    const span = spanOf(box);
    let [x, y] = [0, Infinity];
    for (let at = 0; at + span <= grid.columns; at++) {
      const top = Math.max(...tops.slice(at, at + span));
      if (top < y - 0.5) [x, y] = [at, top];
    }
    tops.fill(put(box, x, y, span) + GAP, x, x + span);
  }
  return placed;
}

function composePage(pageNumber: number, grids: Map<number, HTMLElement>): void {
  const grid = gridOf(grids.get(pageNumber)!);
  const boxes = [...grid.element.querySelectorAll<HTMLElement>(`:scope > .${NP.box}`)];
  const over = (placed: Placed) => boxes.filter((b) => placed.get(b)!.bottom > placed.get(b)!.limit + 0.5);
  let placed = place(grid, boxes);
  // The stories that may jump, in the page's order, each cut in turn while the page does not fit yet.
  const jumping = boxes.filter(
    (b) => grids.has(Number(b.dataset.jumpTo)) && !b.classList.contains(NP.continued) && b.querySelector(`.${NP.body}`),
  );
  // A story is cut so that every box fits, the later jumping ones held to their fewest lines (with their jump
  // line): each keeps a place on the page, and is cut in its turn.
  for (const [k, story] of jumping.entries()) {
    const restore = jumping.slice(k + 1).map(holdToFewestLines);
    placed = place(grid, boxes);
    if (over(placed).length > 0) cutAtJump(story, grid, boxes, grids, pageNumber, over);
    restore.forEach((r) => r());
    placed = place(grid, boxes);
  }
  for (const box of over(placed)) markUnfit(box, placed.get(box)!.bottom - placed.get(box)!.limit, pageNumber);
}

/**
 * The jumping story cut to the tallest body at which every other box of the page fits (and itself too), its
 * blocks past the cut moved to the page it jumps to.
 */
function cutAtJump(
  story: HTMLElement,
  grid: Grid,
  boxes: HTMLElement[],
  grids: Map<number, HTMLElement>,
  pageNumber: number,
  over: (placed: Placed) => HTMLElement[],
): void {
  const body = story.querySelector<HTMLElement>(`.${NP.body}`)!;
  const jumpTo = Number(story.dataset.jumpTo);
  const line = parseFloat(getComputedStyle(body).lineHeight) || 16;
  const full = body.offsetHeight;
  const jump = document.createElement('p');
  jump.className = NP.jump;
  jump.textContent = `（下转第${jumpTo}版）`;
  story.append(jump);
  body.style.columnFill = 'auto';
  const fits = (height: number) => {
    body.style.height = `${height}px`;
    return over(place(grid, boxes)).length === 0;
  };
  // Whole lines: the tallest that fits, by halving the range between a few lines and the whole story.
  let [low, high] = [MIN_LINES, Math.floor(full / line)];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid * line)) low = mid;
    else high = mid - 1;
  }
  fits(low * line);
  const moved = overflowing(body);
  if (!moved.length) {
    // It fits whole at the height found: no jump after all.
    jump.remove();
    body.style.height = '';
    body.style.columnFill = '';
    return;
  }
  const target = grids.get(jumpTo)!;
  target.insertBefore(continuation(story, moved, pageNumber), target.children[1] ?? null);
}

/** Holds a story's body to its fewest lines, and one more for its jump line (in smaller type); returns the undoing. */
function holdToFewestLines(story: HTMLElement): () => void {
  const body = story.querySelector<HTMLElement>(`.${NP.body}`)!;
  const line = parseFloat(getComputedStyle(body).lineHeight) || 16;
  const { height, columnFill } = body.style;
  body.style.height = `${Math.min(body.offsetHeight, (MIN_LINES + 1) * line)}px`;
  body.style.columnFill = 'auto';
  return () => {
    body.style.height = height;
    body.style.columnFill = columnFill;
  };
}

/** A box that does not fit: clipped to the page, and marked at fault with how many lines it is too long. */
function markUnfit(box: HTMLElement, excess: number, pageNumber: number): void {
  const body = box.querySelector<HTMLElement>(`.${NP.body}`);
  const line = body ? parseFloat(getComputedStyle(body).lineHeight) || 16 : 16;
  box.style.height = `${Math.max(0, box.offsetHeight - excess)}px`;
  box.style.overflow = 'hidden';
  box.dataset[DATA.fault] =
    `${box.dataset.file}: the story "${box.dataset.title ?? ''}" does not fit on page ${pageNumber}` +
    (box.classList.contains(NP.continued) ? ' even with its jump' : '') +
    `: ${Math.ceil(excess / line)} line(s) too long (give it \`jumpTo\`, fewer columns to the stories beside it, or shorten it)`;
}

/**
 * The blocks of a body whose columns run past its box, from the first that does not end inside it on; a paragraph
 * that begins inside is split after its last character that does, so that the box's last column ends full.
 */
function overflowing(body: HTMLElement): HTMLElement[] {
  const right = body.getBoundingClientRect().right + 1;
  // The Markdown pipeline groups running text (column-group): its blocks are the group's children.
  const blocks = ([...body.children] as HTMLElement[]).flatMap((el) =>
    el.classList.contains(CLASS.columnGroup) ? ([...el.children] as HTMLElement[]) : [el],
  );
  const first = blocks.findIndex((el) => [...el.getClientRects()].some((r) => r.right > right));
  if (first < 0) return [];
  const rest = blocks[first]!.tagName === 'P' ? splitParagraph(blocks[first]!, right) : undefined;
  return rest ? [rest, ...blocks.slice(first + 1)] : blocks.slice(first);
}

/** The paragraph's text after its last character inside `right`, as a paragraph of its own; none if it all runs past. */
function splitParagraph(p: HTMLElement, right: number): HTMLElement | undefined {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const at = (offset: number): [Text, number] => {
    for (const t of texts) {
      if (offset < t.length) return [t, offset];
      offset -= t.length;
    }
    return [texts.at(-1)!, texts.at(-1)!.length];
  };
  const inside = (offset: number) => {
    const [node, local] = at(offset);
    const range = document.createRange();
    range.setStart(node, local);
    range.setEnd(node, Math.min(node.length, local + 1));
    const box = range.getClientRects()[0];
    return !box || box.right <= right;
  };
  const total = texts.reduce((n, t) => n + t.length, 0);
  // Columns fill in reading order: the characters inside come before all those past.
  let [low, high] = [0, total];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (inside(mid)) low = mid + 1;
    else high = mid;
  }
  if (low === 0 || low >= total) return undefined;
  const range = document.createRange();
  range.setStart(...at(low));
  range.setEndAfter(p.lastChild!);
  const rest = p.cloneNode(false) as HTMLElement;
  rest.append(range.extractContents());
  rest.classList.add(NP.splitRest);
  p.classList.add(NP.splitFirst);
  p.after(rest);
  return rest;
}

/** The rest of a story on the page it jumps to: its headline again, （上接第M版）, the blocks moved. */
function continuation(box: HTMLElement, moved: HTMLElement[], from: number): HTMLElement {
  const part = document.createElement('div');
  part.className = `${NP.box} ${NP.continued}`;
  part.dataset.columns = box.dataset.columns;
  part.dataset.file = box.dataset.file;
  part.dataset.title = box.dataset.title;
  const title = document.createElement('p');
  title.className = NP.continuedTitle;
  title.textContent = box.dataset.title ?? '';
  const jump = document.createElement('p');
  jump.className = NP.jump;
  jump.textContent = `（上接第${from}版）`;
  const body = document.createElement('div');
  const own = box.querySelector<HTMLElement>(`.${NP.body}`)!;
  body.className = own.className;
  body.style.cssText = own.style.cssText.replace(/height:[^;]*;?|column-fill:[^;]*;?/g, '');
  body.append(...moved);
  part.append(title, jump, body);
  return part;
}

window.qikanCompose = composeAll;
