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
  /** An article's 来源 line. */
  sourceLine: 'source',
  /** Where the 目录 prints an article's page number, filled in after pagination. */
  tocFolio: 'toc-folio',
  runningHead: 'qk-running-head',
  folio: 'qk-folio',
  /** On <body> once pages are final: full-page colour and pictures then run on into the bleed. */
  bleed: 'qk-bleed',
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
} as const;

/** The page roles a component can give the element that starts a page. */
export type PageRole = Extract<PageKind, 'cover' | 'front' | 'opener' | 'back'>;

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
  page: 'pagedjs_page',
  pagebox: 'pagedjs_pagebox',
  content: 'pagedjs_page_content',
  blank: 'pagedjs_blank_page',
  left: 'pagedjs_left_page',
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
}

declare global {
  interface Window {
    PagedPolyfill: { preview: () => Promise<unknown> };
    Paged: {
      Handler: new (...args: unknown[]) => object;
      registerHandlers: (...handlers: unknown[]) => void;
    };
    /** Set when pagination is done (or failed). */
    qikanPrint?: PageFindings | { error: string };
    /** Writes folios, running heads and the 目录's numbers into the paginated pages. */
    qikanDecorate?: (decoration: Decoration) => void;
  }
}
