// Paged.js handlers of the print runtime: what a magazine keeps that Paged.js does not by itself.
import { CLASS, DATA } from './contract.ts';

export function registerTableHeaders(): void {
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

/**
 * The last table row of a page once it is the table's last: a table split before its next row ends with that row,
 * which then takes the table's bottom rule (collapsed borders) and grows by it. Paged.js checks the fit before the
 * split, so a row that fitted by less than the rule ended up past the page's foot, cut off: the break goes before
 * that row instead.
 */
export function registerRowsAtTheFoot(): void {
  class RowsAtTheFoot extends window.Paged.Handler {
    onOverflow(overflow: Range | undefined, _rendered: Element, bounds: DOMRect): Range | undefined {
      const next = overflow?.startContainer.childNodes[overflow.startOffset];
      if (!overflow || !(next instanceof HTMLTableRowElement) || next.parentElement?.tagName !== 'TBODY')
        return undefined;
      const row = next.previousElementSibling;
      const table = next.closest('table');
      if (!row?.previousElementSibling || !table) return undefined;
      const rule = parseFloat(getComputedStyle(table).borderBottomWidth) || 0;
      if (row.getBoundingClientRect().bottom + rule <= bounds.bottom + 0.5) return undefined;
      overflow.setStartBefore(row);
      return overflow;
    }
  }
  window.Paged.registerHandlers(RowsAtTheFoot);
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
  const source = first instanceof Element ? first.closest(`p.${CLASS.sourceLine}`) : null;
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
export function registerWidowsAndOrphans(): void {
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
      // The first paragraph of a column group: what comes before it is the group's neighbour.
      const group = p.parentElement?.classList.contains(CLASS.columnGroup) ? p.parentElement : undefined;
      const prev = p.previousElementSibling ?? group?.previousElementSibling;
      if ((before.length === 1 || after === 1) && prev) {
        overflow.setStartBefore(/^H[2-4]$/.test(prev.tagName) && prev.previousElementSibling ? prev : p);
        return overflow;
      }
      return undefined;
    }
  }
  window.Paged.registerHandlers(WidowsAndOrphans);
}

/**
 * A subhead kept with its text (its `break-after: avoid`, which Paged.js does not keep when the break falls
 * between the subhead and the column group of text after it): where all that follows a subhead goes on to the
 * next page, the subhead goes with it, unless it is the first thing on the page.
 */
export function registerKeepSubheads(): void {
  class KeepSubheads extends window.Paged.Handler {
    onOverflow(overflow: Range | undefined, rendered: Element): Range | undefined {
      if (!overflow) return undefined;
      const { startContainer: at, startOffset: offset } = overflow;
      // The first node that moves on, when nothing of it stays.
      let node: Node | null | undefined =
        at.nodeType === Node.TEXT_NODE ? (at.textContent!.slice(0, offset).trim() ? null : at) : at.childNodes[offset];
      if (!node) return undefined;
      // Up to the outermost element that starts with it.
      const before = (n: Node) => {
        let p = n.previousSibling;
        while (p && p.nodeType === Node.TEXT_NODE && !p.textContent!.trim()) p = p.previousSibling;
        return p;
      };
      while (!before(node) && node.parentNode && node.parentNode !== rendered) node = node.parentNode;
      const prev = before(node);
      if (!(prev instanceof HTMLElement) || !/^H[2-4]$/.test(prev.tagName) || !before(prev)) return undefined;
      overflow.setStartBefore(prev);
      return overflow;
    }
  }
  window.Paged.registerHandlers(KeepSubheads);
}

/**
 * An article's head kept with its text (its `break-after: avoid`, which Paged.js does not keep when the break
 * falls inside the head or just below it): where a page would end inside an article's head, or with less than
 * two lines of its text under it, the article starts on the next page instead.
 */
export function registerKeepHeads(): void {
  class KeepHeads extends window.Paged.Handler {
    onOverflow(overflow: Range | undefined, rendered: Element): Range | undefined {
      const start = overflow?.startContainer;
      const at = start instanceof Element ? start : start?.parentElement;
      const article = at?.closest(`.${CLASS.article}`);
      const head = article?.querySelector(`:scope > .${CLASS.articleHead}`);
      if (!overflow || !article || !head || !rendered.contains(head)) return undefined;
      const lh = parseFloat(getComputedStyle(article).lineHeight) || 16;
      // The first thing on the page already: moving it would only move the same break to the next page.
      const before = document.createRange();
      before.setStart(rendered, 0);
      before.setEndBefore(article);
      if (![...before.getClientRects()].some((box) => box.height > 0)) return undefined;
      const text = document.createRange();
      text.setStartAfter(head);
      text.setEnd(overflow.startContainer, overflow.startOffset);
      if (!head.contains(at!) && !text.collapsed && lineTops(text, lh).length >= 2) return undefined;
      overflow.setStartBefore(article);
      return overflow;
    }
  }
  window.Paged.registerHandlers(KeepHeads);
}

/** A figure of an article's body, the only kind that floats: tables and subheads keep their place in the text. */
const isFloatable = (node: Element | null | undefined): node is HTMLElement =>
  node instanceof HTMLElement &&
  node.tagName === 'FIGURE' &&
  !!node.parentElement?.classList.contains(CLASS.articleBody);

const isColumnGroup = (node: Element | null | undefined): node is HTMLElement =>
  node instanceof HTMLElement && node.classList.contains(CLASS.columnGroup);

const isSourceLine = (el: Element) => el.matches(`p.${CLASS.sourceLine}`);

/** Whether any of the article's text follows the element in its body, a 来源 line aside. */
function textFollows(el: Element): boolean {
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling)
    if (!isSourceLine(next) && !(isColumnGroup(next) && [...next.children].every(isSourceLine))) return true;
  return false;
}

/**
 * Figures as page floats. A figure that does not fit in what is left of a page would leave that space empty
 * (Paged.js moves it, and all that follows, to the next page); instead the paragraphs after it fill the space and
 * the figure heads the next page. When the last block of the text before a figure is about to be laid out, it and
 * the figure are tried on the page: where the figure would not fit, as many of the paragraphs after the figure as
 * fit move before it in the source: into that text (balanced in its columns with it), or, after a subhead, with
 * the subhead as a column group of their own. A figure moves once, only over running text and a subhead, and only
 * where at least three lines are left.
 */
export function registerFigureFloats(): void {
  class FigureFloats extends window.Paged.Handler {
    layoutNode(node: Node): void {
      const group = node.parentElement;
      if (!(node instanceof Element) || node.nextElementSibling || !isColumnGroup(group)) return;
      const figure = group.nextElementSibling;
      const next = figure?.nextElementSibling;
      const head = next && /^H[2-4]$/.test(next.tagName) ? next : undefined;
      const after = head ? head.nextElementSibling : next;
      if (!isFloatable(figure) || figure.dataset[DATA.floated] || !isColumnGroup(after)) return;
      const area = this.chunker.pages.at(-1)?.area;
      const rendered = area?.querySelector(`[data-ref="${group.dataset.ref}"]`);
      if (!area || !rendered?.parentElement) return;
      const bounds = area.getBoundingClientRect();
      const within = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.bottom <= bounds.bottom + 0.5 && r.right <= bounds.right + 0.5;
      };
      // Tries blocks at the end of the text on the page and blocks after it: whether all stay on the page. A copy
      // of an image has not loaded yet (nor has the one Paged.js will place): it is tried as wide as its column, at
      // its own aspect ratio (decode-images.ts), so that the whole document and its runs decide alike.
      const fits = (blocks: Element[], following: Element[] = []) => {
        const trial = blocks.map((b) => b.cloneNode(true) as Element);
        const below = following.map((b) => b.cloneNode(true) as Element);
        for (const img of below.flatMap((b) => [...b.querySelectorAll('img')])) img.style.width = '100%';
        rendered.append(...trial);
        rendered.after(...below);
        const inside = [rendered, ...below].every(within);
        for (const el of [...trial, ...below]) el.remove();
        return inside;
      };
      const firstOf = (count: number) => {
        const part = after.cloneNode(false) as HTMLElement;
        part.append(...[...after.children].slice(0, count).map((b) => b.cloneNode(true)));
        return part;
      };
      const lh = parseFloat(getComputedStyle(rendered).lineHeight) || 16;
      if (fits([node], [figure]) || !fits([node])) return;
      const blocks = [...after.children];
      // Less than three lines left under the text: the figure leaves no gap worth filling.
      const probe = document.createElement('div');
      probe.style.height = `${3 * lh}px`;
      if (!fits([node, probe])) return;
      const tried = (count: number) =>
        head ? fits([node], [head, firstOf(count)]) : fits([node, ...blocks.slice(0, count)]);
      let taken = 0;
      while (taken < blocks.length && tried(taken + 1)) taken++;
      // The figure goes on with some of its article's text after it: were it to end the article, it would stand
      // alone on a page of its own, with at most the 来源 line.
      if (!textFollows(after))
        taken = Math.min(
          taken,
          blocks.findLastIndex((b) => !isSourceLine(b)),
        );
      if (taken <= 0) return;
      figure.dataset[DATA.floated] = String(taken);
      if (!head) node.after(...blocks.slice(0, taken));
      else if (taken === blocks.length) figure.before(head, after);
      else {
        const part = after.cloneNode(false) as HTMLElement;
        part.dataset.ref = `${after.dataset.ref}-float`;
        part.append(...blocks.slice(0, taken));
        figure.before(head, part);
      }
      if (!head && taken === blocks.length) after.remove();
    }
  }
  window.Paged.registerHandlers(FigureFloats);
}
