/**
 * What each paginated page of the print document carries: its folio (the printed page number), whether the
 * folio and running head are shown, and the running head's text. Pure: the browser side reads the pages
 * Paged.js made into PageFacts, calls this, and writes the result into the pages and the 目录.
 */

/**
 * What the print document's markup says a page is (from the element that starts on it). `blank` is a page
 * Paged.js inserted on purpose (to start something on a right or left page); `empty` is one with nothing on it
 * that nobody asked for.
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
  /** What breaks a rule of magazine layout on this page: a figure or row split, a heading left at the foot. */
  faults: string[];
  /** What an editor should look at but does not stop the build: a paragraph's single line alone on the page. */
  notes: string[];
}

export interface PageLayout {
  /** 1-based page index in the PDF. */
  pdfPage: number;
  kind: PageKind;
  side: 'left' | 'right';
  /** The page number counted from the first page after the front matter (cover, 目录): null before it. */
  folio: number | null;
  /** Only content pages print their folio and running head; covers, openers and blanks stay clean. */
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
  /** `cover`, or the anchor of the article the image is in. */
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
}

/** The folio as the magazine prints it: two digits at least (01, 02 … 112). */
export function formatFolio(folio: number): string {
  return String(folio).padStart(2, '0');
}

export function layoutPages(
  facts: PageFacts[],
  heads: { publication: string; sections: Record<string, string> },
  images: PlacedImage[] = [],
): PrintLayout {
  const lastFront = facts.findLastIndex((p) => p.kind === 'cover' || p.kind === 'front');
  const first = facts.findIndex((p, i) => i > lastFront && p.kind !== 'blank' && p.kind !== 'empty');
  const pages = facts.map((p, i): PageLayout => {
    const folio = first >= 0 && i >= first ? i - first + 1 : null;
    const decorated = p.kind === 'content' && folio !== null;
    const runningHead = !decorated
      ? null
      : p.side === 'left'
        ? heads.publication
        : (p.section && heads.sections[p.section]) || heads.publication;
    return {
      pdfPage: i + 1,
      kind: p.kind,
      side: p.side,
      folio,
      decorated,
      runningHead,
      section: p.section,
      overflow: p.overflow,
      faults: p.faults,
      notes: p.notes,
    };
  });
  const articles = facts.flatMap((p, i) =>
    p.starts.map((anchor) => {
      const folio = pages[i]!.folio;
      if (folio === null) throw new Error(`article ${anchor} starts on page ${i + 1}, before the numbered pages`);
      return { anchor, pdfPage: i + 1, folio };
    }),
  );
  return { pages, articles, images };
}
