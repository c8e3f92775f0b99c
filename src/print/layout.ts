/**
 * What pagination hands on, for every kind of publication: the facts of each page as the browser found them,
 * and the layout the kind's rules make of them (folios, running heads, where each article starts).
 */

/**
 * What a page is, from the role of the element that starts on it (`data-page-role`, src/print/runtime/contract.ts).
 * `blank` is a page Paged.js inserted on purpose (to start something on a right or left page); `empty` is one with
 * nothing on it that nobody asked for.
 */
export type PageKind = 'cover' | 'front' | 'opener' | 'content' | 'back' | 'blank' | 'empty';

export interface PageFacts {
  kind: PageKind;
  side: 'left' | 'right';
  /** Section id of the first element on the page that belongs to a section (opener or article), if any. */
  section?: string;
  /** Anchors of the articles that start on this page. */
  starts: string[];
  /** Some content reaches past the page's content area. */
  overflow: boolean;
  /** What breaks a rule of layout on this page: a figure or row split, a heading left at the foot. */
  faults: string[];
  /** What an editor should look at but does not stop the build: a paragraph's single line alone on the page. */
  notes: string[];
  /** How far down its content area the page's content reaches, 0 to 1. */
  fill: number;
  /** Figures on the page set apart from the text before them in the source (see MovedFigure). */
  moved: MovedFigure[];
  /** The page holds an element that fills it edge to edge: in a print-shop file its colour reaches the bleed edge. */
  bleeds: boolean;
  /** Set on the pages of a run the copyfit set again tighter: the part of the theme's leading they have. */
  tightened?: number;
}

/**
 * A figure that stands apart from the text it follows in the source: it heads its page while that text ends on
 * the page before, or it floated below `paragraphs` paragraphs of the text after it, to fill a page.
 */
export interface MovedFigure {
  /** The caption's first characters (or the image's alternative text), for an editor to find it by. */
  caption: string;
  paragraphs: number;
}

export interface PageLayout {
  /** 1-based page index in the PDF. */
  pdfPage: number;
  kind: PageKind;
  side: 'left' | 'right';
  /** The printed page number: null where the kind's rules number no page. */
  folio: number | null;
  /** Whether the page prints its folio and running head. */
  decorated: boolean;
  runningHead: string | null;
  section?: string;
  overflow: boolean;
  faults: string[];
  notes: string[];
}

export interface ArticlePlacement {
  anchor: string;
  pdfPage: number;
  folio: number;
}

/** An image as the pagination placed it: which one it is, the box it fills (CSS px) and its own pixels. */
export interface PlacedImage {
  /** `cover` (an image field of issue.yaml), or the anchor of the article the image is in. */
  owner: string;
  /** Its place among the owner's images, in reading order. */
  index: number;
  /** The path the article gave the image (`data-source`), for print to find the source file. */
  source?: string;
  pdfPage: number;
  box: { width: number; height: number };
  natural: { width: number; height: number };
}

export interface PrintLayout {
  pages: PageLayout[];
  articles: ArticlePlacement[];
  images: PlacedImage[];
  /** Each page's `fill` as the browser measured it (the same for every kind, so not the kind's to lay out). */
  fill: number[];
  /** Each page's figures set apart from their text, as the browser found them. */
  moved: MovedFigure[][];
  /** Each page's `bleeds`: the pages the preflight checks for colour to the bleed edge. */
  bleeds: boolean[];
  /** The runs the copyfit set tighter: their first and last PDF pages (1-based) and the part of the leading. */
  tightened: TightenedRun[];
}

export interface TightenedRun {
  from: number;
  to: number;
  leading: number;
}

/** What the layout hands on of the pages' facts as the browser measured them: the same for every kind. */
export type MeasuredLayout = Pick<PrintLayout, 'fill' | 'moved' | 'bleeds'>;
/** What a kind's rules make of the pages' facts (the images and the copyfit's runs are the engine's). */
export type KindLayout = Omit<PrintLayout, 'images' | 'tightened' | keyof MeasuredLayout>;

export function measuredLayout(pages: PageFacts[]): MeasuredLayout {
  return {
    fill: pages.map((p) => p.fill),
    moved: pages.map((p) => p.moved),
    bleeds: pages.map((p) => p.bleeds),
  };
}

/** The running heads a kind may print: the publication's name, and each section's title by id. */
export interface RunningHeads {
  publication: string;
  sections: Record<string, string>;
}
