/**
 * What the print documents' components write and the in-browser print code reads: one place for the class names,
 * data attributes and element ids they share. (The print theme's CSS uses the same class names.)
 */
import type { PageKind } from '../layout.ts';

/** Class names. */
export const CLASS = {
  article: 'article',
  articleHead: 'article-head',
  articleTitle: 'article-title',
  /** An article's Markdown body: the figures in it float (handlers.ts). */
  articleBody: 'article-body',
  /** An article's 来源 line. */
  sourceLine: 'source',
  /** Running text between an article's subheads, tables and figures, set in columns where the article has them. */
  columnGroup: 'column-group',
  /** A pull quote (`> [!引语]`, or the front matter's `pullQuote`) and a box of facts (`> [!资料] Title`). */
  pullQuote: 'pull-quote',
  factsBox: 'facts-box',
  factsTitle: 'facts-title',
  /** Where the 目录 prints an article's page number, filled in after pagination. */
  tocFolio: 'toc-folio',
  runningHead: 'qk-running-head',
  folio: 'qk-folio',
  /** On <body> once pages are final: full-page colour and pictures then run on into the bleed. */
  bleed: 'qk-bleed',
  /** On an element that fills its page edge to edge (cover, opener, full-page picture): in a print-shop file it
   * reaches past the trim to the bleed edge on every side. */
  fullBleed: 'qk-full-bleed',
  /**
   * On an element of the print document's <body> that goes on from the one before (an article that does not
   * start a new page): every other element of the body starts a run of pages that is paginated on its own.
   */
  runOn: 'run-on',
  /** The box a run's pages are made in, in a page that paginates runs (`?runs`). */
  runBox: 'qk-run',
  /** On the elements of a run set again tighter to lose a widowed last page (runs.ts, print-base.css). */
  tight: 'qk-tight',
  /** On <html> in a page that paginates runs, from the first script on (runs.css). */
  runsMode: 'qk-runs',
} as const;

/** Data attributes, by their `dataset` key. */
export const DATA = {
  /** What the page an element starts is (cover, front, opener, back); pages without one hold content. */
  pageRole: 'pageRole',
  section: 'section',
  /** The issue.yaml field an image outside the articles comes from (cover, insideCover…). */
  imageOwner: 'imageOwner',
  /** The path an article gave its image (written by the Markdown pipeline: rehype-image-source). */
  imageSource: 'source',
  /** On a 目录 page number: the anchor of its article. */
  tocAnchor: 'anchor',
  /** Marks each placed image `<owner>#<index>` for the print step to swap in its print version. */
  placedImage: 'qkImage',
  /** A continued article keeps its id here: Paged.js writes it, moving `id` to the first part. */
  id: 'id',
  /** On a figure moved below the text after it, to fill the page it did not fit on: how many blocks it moved. */
  floated: 'qkFloated',
  /** On an element a kind's composition found at fault (a story that does not fit): what is wrong, for the page. */
  fault: 'qkFault',
} as const;

/** The page roles a component can give the element that starts a page. */
export type PageRole = Extract<PageKind, 'cover' | 'front' | 'opener' | 'back'>;

/**
 * The print document's first script: Paged.js starts only when the print runtime says, and a page that paginates
 * runs (`?runs`) is marked before anything is laid out. `maxChars`: how much text Paged.js lays out between
 * overflow checks; unset, 0.4.3 keeps the first page's count (a cover's few characters) for every page after,
 * and checks far too often (pagedjs#159).
 */
export const HEAD_SCRIPT =
  'window.PagedConfig = { auto: false, settings: { maxChars: 1500 } };' +
  ` if (new URLSearchParams(location.search).has('runs')) document.documentElement.classList.add('qk-runs');`;

/** Element ids in the print document's head. */
export const ID = {
  /** The @page rules of the screen PDF. */
  pageRules: 'qk-page',
  /** The @page rules with bleed and crop marks, as JSON, swapped in for `?print-ready`. */
  printReadyRules: 'qk-print-ready',
} as const;

/** The HTML attribute of a dataset key: `pageRole` → `data-page-role`. */
export function dataAttribute(key: (typeof DATA)[keyof typeof DATA]): string {
  return 'data-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** The classes Paged.js gives the pages it makes. */
export const PAGED = {
  /** The box Paged.js puts its pages in. */
  pages: 'pagedjs_pages',
  page: 'pagedjs_page',
  pagebox: 'pagedjs_pagebox',
  content: 'pagedjs_page_content',
  blank: 'pagedjs_blank_page',
  left: 'pagedjs_left_page',
  right: 'pagedjs_right_page',
} as const;

/** Data attributes for a component to spread: `<section {...data({ pageRole: 'cover' })}>`. */
export function data(
  values: Partial<Record<Exclude<keyof typeof DATA, 'pageRole'>, string>> & { pageRole?: PageRole },
): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [dataAttribute(DATA[k as keyof typeof DATA]), v]));
}

/** What the page hands to the print engine once Paged.js is done: the facts of each page and the placed images. */
export interface PageFindings {
  facts: import('../layout.ts').PageFacts[];
  images: import('../layout.ts').PlacedImage[];
}

/** What the engine hands back to decorate the pages: per page its running head and folio, per article its folio. */
export interface Decoration {
  pages: { runningHead: string | null; folio: string | null }[];
  tocFolios: Record<string, string>;
  /** Each page's side in the whole issue, where a run's first page is not a right-hand one as Paged.js made it. */
  sides?: ('left' | 'right')[];
}

/** What pagination found in one run, in a page that paginates runs (`?runs`). */
export interface RunFindings extends PageFindings {
  /** The side the run's first element asks to start on (`break-before: right | left`), if any. */
  startSide: 'left' | 'right' | null;
  /** The run holds 目录 page numbers: its decoration needs the folios of every article. */
  tocSlots: boolean;
}

/** Element children of the print document's <body>, grouped into runs (the `runOn` rule above). */
export function groupRuns<T>(elements: T[], runsOn: (element: T) => boolean): T[][] {
  const runs: T[][] = [];
  for (const el of elements) {
    if (runsOn(el) && runs.length) runs[runs.length - 1]!.push(el);
    else runs.push([el]);
  }
  return runs;
}

/** What a page that paginates runs offers the print engine, run by run (src/print/runtime/runs.ts). */
export interface RunWorker {
  count: number;
  /**
   * Starts loading the fonts of the runs to be paginated, all at once: loading them run by run would wait for the
   * server once per run, and a face that comes in while a run is laid out makes Chromium shape its text again.
   */
  preload(runs: number[]): void;
  paginate(run: number): Promise<RunFindings>;
  /** Decorates the runs' pages and leaves them alone in the document, in this order, to be printed together. */
  show(runs: number[], decorations: Decoration[]): Promise<void>;
  /** Forgets the run's pages once printed. */
  drop(run: number): void;
}

declare global {
  interface Window {
    PagedPolyfill: { preview: () => Promise<unknown> };
    PagedConfig: { settings?: Record<string, unknown> };
    Paged: {
      Previewer: new (settings?: Record<string, unknown>) => PagedPreviewer;
      Handler: new (...args: unknown[]) => { chunker: { pages: { area: HTMLElement }[] } };
      Chunker: { prototype: { loadFonts(): Promise<unknown> } };
      registerHandlers: (...handlers: unknown[]) => void;
    };
    /** Set when pagination is done (or failed). */
    qikanPrint?: PageFindings | { error: string };
    /**
     * Set by a kind whose pages are composed before they are paginated (a newspaper's stories placed on their
     * grid, jumps set): run once fonts and images are in, before Paged.js starts.
     */
    qikanCompose?: () => void;
    /** Writes folios, running heads and the 目录's numbers into the paginated pages. */
    qikanDecorate?: (decoration: Decoration) => Promise<void>;
    /** In a page that paginates runs (`?runs`): set once the document is loaded and split. */
    qikanRuns?: RunWorker | { error: string };
  }
  interface PagedPreviewer {
    removeStyles(): (string | Record<string, string>)[];
    preview(content: Node, stylesheets: (string | Record<string, string>)[], renderTo: Element): Promise<unknown>;
    polisher: { destroy(): void };
    chunker: {
      pages: { removeListeners(): void }[];
      /** How the chunker's queue waits between pages (requestAnimationFrame by default). */
      q: { tick: (callback: () => void) => void };
    };
  }
}
