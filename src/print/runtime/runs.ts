// A page that paginates runs (`?runs`): it loads the print document once without laying it out, takes its runs
// out of the body, and paginates them one at a time when the print engine asks, each with a Paged.js previewer
// of its own and into a box of its own, the fonts of its text loaded first. The runs it holds are printed
// together, then dropped.
import { CLASS, PAGED, groupRuns, type Decoration, type RunFindings, type RunWorker } from './contract.ts';
import { decodeImages } from './decode-images.ts';
import { decoratePages } from './decorate.ts';
import { copyfitTries } from './copyfit.ts';
import { factsOf, placeImages } from './page-facts.ts';
import type { PageFacts } from '../layout.ts';

/**
 * Links to a place in a run not printed with them: Chromium makes no link to an element it does not print, so
 * each gets a stand-in on the first page; the merge names the destination after the page where the element
 * really is (stages/merge.ts).
 */
function placeholdersFor(pages: HTMLElement): void {
  const missing = [...pages.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
    .map((a) => decodeURIComponent(a.hash.slice(1)))
    .filter((id) => id && !pages.querySelector(`[id="${CSS.escape(id)}"]`));
  const content = pages.querySelector(`.${PAGED.content}`);
  for (const id of new Set(missing)) {
    const span = document.createElement('span');
    span.id = id;
    span.dataset.placeholder = '';
    span.style.position = 'absolute';
    content?.append(span);
  }
}

/** The text that stylesheets add (`content: "…"`), which no element holds. */
function addedText(): string {
  const added: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule && rule.style.content.startsWith('"')) added.push(rule.style.content);
      if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  return added.join('');
}

/** Runs `callback` as a task of its own, as soon as the tasks before it ran (no timer's clamping, no frame). */
function nextTask(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/** An image that loads nothing: the markup's own, once the runs are copied out of it. */
function emptyImage(img: HTMLImageElement): void {
  for (const source of img.closest('picture')?.querySelectorAll('source') ?? []) source.remove();
  img.removeAttribute('srcset');
  img.removeAttribute('src');
}

interface LaidOut {
  box: HTMLElement;
  pages: HTMLElement[];
}

export function startRunWorker(): RunWorker {
  // What every face of the document has of a run's characters is loaded before the run is laid out: Paged.js
  // measures the text as it places it, and a font that came in later would move it.
  const faces = [
    ...new Set([...document.fonts].map((f) => `${f.style} ${f.weight} 16px "${f.family.replace(/"/g, '')}"`)),
  ];
  const added = addedText();
  const loadFonts = (els: Element[]) => {
    // Each character once: the font set matches every character of the text against every face's unicode-range,
    // on the page's main thread (half a second for an issue's text as it is).
    const text = [...new Set(els.map((el) => el.textContent).join('') + added)].join('');
    return Promise.all(faces.map((face) => document.fonts.load(face, text)));
  };
  const elements = [...document.body.children].filter((el) => !['SCRIPT', 'TEMPLATE', 'STYLE'].includes(el.tagName));
  const runs = groupRuns(elements, (el) => el.classList.contains(CLASS.runOn));
  // Paged.js starts no document with a blank page, and drops a break before a first element: a run that asks for a
  // right-hand (or left-hand) start says so, and the engine adds the blank where the whole issue needs one.
  const startSides = runs.map((run): RunFindings['startSide'] => {
    const side = getComputedStyle(run[0]!).breakBefore;
    return side === 'right' || side === 'recto' ? 'right' : side === 'left' || side === 'verso' ? 'left' : null;
  });
  // Each previewer gets the stylesheets as Paged.js takes them out of the document once.
  const stylesheets = new window.Paged.Previewer().removeStyles();
  for (const el of elements) el.remove();
  // The runs are paginated from copies, and the markup's own images are emptied: an image parsed with
  // loading="lazy" stays on Chromium's list of lazy images when taken out of the document, and the first print
  // waits two seconds for it to load (the sample's: 2.0 s, 0.03 s without).
  for (const [k, run] of runs.entries()) runs[k] = run.map((el) => el.cloneNode(true) as Element);
  for (const el of elements) for (const img of el.querySelectorAll('img')) emptyImage(img);
  const fontsOf = new Map<number, Promise<unknown>>();
  const held = new Map<number, { box: HTMLElement; pages: HTMLElement[] }>();
  let stylesKept = false;
  const copyfit = !new URLSearchParams(location.search).has('loose');

  /** A run paginated into a box of its own, its pages final; `tighten`, with that part of the theme's leading. */
  const layOut = async (run: Element[], tighten?: number): Promise<LaidOut> => {
    const box = document.createElement('div');
    box.className = CLASS.runBox;
    document.body.append(box);
    const content = document.createDocumentFragment();
    for (const el of run) {
      const copy = el.cloneNode(true) as Element;
      if (tighten) {
        copy.classList.add(CLASS.tight);
        (copy as HTMLElement).style.setProperty('--qk-tighten', String(tighten));
      }
      content.append(copy);
    }
    const previewer = new window.Paged.Previewer({ ...window.PagedConfig.settings });
    // Paged.js lays out each page in an animation frame of its own: with a page now laid out in less than a
    // frame, the rest of each frame is waiting (76 pages: 0.45 s of 2.8). A task of its own is enough.
    previewer.chunker.q.tick = nextTask;
    await previewer.preview(content, stylesheets, box);
    await document.fonts.ready;
    // Paged.js watches every page it made for a change of size, to lay it out again: these pages are final, and
    // being held, shown and printed must not make it check them again.
    for (const page of previewer.chunker.pages) page.removeListeners();
    // Every previewer makes the same styles of the same stylesheets: the first one's stay for all the runs, the
    // others go at once (a copy per run held would slow down every style recalculation after).
    if (stylesKept) previewer.polisher.destroy();
    stylesKept = true;
    return { box, pages: [...box.querySelectorAll<HTMLElement>(`.${PAGED.page}`)] };
  };

  return {
    count: runs.length,
    preload(list) {
      const loading = loadFonts(list.flatMap((k) => runs[k]!));
      for (const k of list) fontsOf.set(k, loading);
    },
    async paginate(run) {
      await Promise.all([
        fontsOf.get(run) ?? loadFonts(runs[run]!),
        decodeImages(runs[run]!.flatMap((el) => [...el.querySelectorAll('img')])),
      ]);
      let laid = await layOut(runs[run]!);
      let facts = laid.pages.map(factsOf);
      // Copyfit, as an editor tightens a story to lose a widowed page: a run whose last page would hold a few
      // lines is set again a little tighter (print-base.css), and kept so only if that saves the page and breaks
      // no rule that the looser setting kept. (Where the issue must end on a left-hand page, the page saved comes
      // back as a blank before the back cover: better than a page of two lines in the middle.)
      const tries = copyfit ? copyfitTries(facts) : [];
      if (tries.length) {
        // What an editor would be told of the tighter pages, the looser ones must have said too.
        const told = (pages: PageFacts[]) => pages.flatMap((page) => [...page.faults, ...page.notes]);
        const keptRules = (pages: PageFacts[]) =>
          !pages.some((page) => page.overflow) && told(pages).every((said) => told(facts).includes(said));
        laid.box.remove();
        for (const tighten of tries) {
          const tight = await layOut(runs[run]!, tighten);
          const tightFacts = tight.pages.map(factsOf);
          tight.box.remove();
          if (tightFacts.length < facts.length && keptRules(tightFacts)) {
            laid = tight;
            facts = tightFacts.map((page) => ({ ...page, tightened: tighten }));
            break;
          }
        }
        document.body.append(laid.box);
      }
      const { box, pages } = laid;
      held.set(run, { box, pages });
      const findings = {
        facts,
        images: placeImages(pages),
        startSide: startSides[run]!,
        tocSlots: !!box.querySelector(`.${CLASS.tocFolio}`),
      };
      // Out of the document until it is printed: held pages would slow down the layout of every run after.
      box.remove();
      return findings;
    },
    async show(shown, decorations: Decoration[]) {
      document.querySelector(`body > .${PAGED.pages}`)?.remove();
      // The pages to print, in order, in one box of pages as Paged.js makes it, alone to be seen: what Chromium
      // prints, and where links find their targets.
      const print = document.createElement('div');
      print.className = PAGED.pages;
      for (const [i, run] of shown.entries()) {
        const { box } = held.get(run)!;
        await decoratePages(decorations[i]!, box);
        print.append(...box.querySelectorAll(`.${PAGED.page}`));
      }
      print.classList.add(CLASS.bleed);
      document.body.append(print);
      await document.fonts.ready;
      placeholdersFor(print);
    },
    drop(run) {
      const h = held.get(run);
      if (!h) return;
      for (const page of h.pages) page.remove();
      h.box.remove();
      held.delete(run);
    },
  };
}
