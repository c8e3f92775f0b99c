import type { Issue, Model } from './model.ts';
import { pdfFile } from './routes.ts';
import { kindOf } from '../kinds/index.ts';
import type { PublicationKind } from '../kinds/kind.ts';
import { layoutFeedback, type LayoutFeedback } from '../print/feedback.ts';
import type { PrintLayout } from '../print/layout.ts';

/** dist/build-manifest.json: what was built, for tests and outside checks. Paths are relative to dist/. */
export interface BuildManifest {
  publication: string;
  issues: IssueEntry[];
}

export interface IssueEntry {
  id: string;
  number: number;
  headline: string;
  url: string;
  /** Null when the build skipped the PDF (`--no-pdf`). */
  pdf: string | null;
  pages: number | null;
  bytes: number | null;
  /**
   * The print shop's files (`--print-ready`, `--cmyk`), beside the readers' PDF: with bleed and crop marks, and that
   * made CMYK PDF/X; null when the build made none.
   */
  printShop: { pdf: string; bytes: number; cmyk: { pdf: string; bytes: number } | null } | null;
  /** The fingerprint of the sources the PDF was made from (issueSourceHash). */
  source: string | null;
  /**
   * True when the PDF is an earlier build's and the issue's sources have changed since: its pages and folios are
   * those of the older text (build the issue again).
   */
  outdated: boolean;
  /** Where each section starts in the PDF: its opener, or its first article where it has none. */
  sections: { id: string; pdfPage: number; folio: string }[];
  /** What the editor can act on: each article's pages (and shift from its printed page), pages mostly empty. */
  layout: LayoutFeedback | null;
  articles: ArticleEntry[];
}

export interface ArticleEntry {
  id: string;
  title: string;
  section: string;
  /** Null for an article with `web: false`. */
  url: string | null;
  /** 1-based PDF page where the article starts; null when it is not printed or no PDF was made. */
  pdfPage: number | null;
  /** The page number printed on that page and in the 目录. */
  folio: string | null;
}

export interface PrintedIssue {
  layout: PrintLayout;
  /** The file written, relative to the output folder: the readers' PDF, or the print shop's. */
  file: string;
  bytes: number;
  /** The CMYK file made from the print shop's (`--cmyk`), and whether it came from the cache. */
  cmyk: { file: string; bytes: number; reused: boolean; seconds: number } | null;
  /** What the print step did: the whole PDF reused from the cache, or how many of the runs it paginated and printed. */
  work:
    | { reused: true }
    | {
        reused: false;
        runs: number;
        paginated: number;
        rendered: number;
        seconds: number;
        /** Seconds per step of the print pipeline (bench/print.ts shows them). */
        steps: Record<string, number>;
      };
}

/**
 * `previous`: the entries of an earlier build, kept for the issues whose PDFs this build did not make;
 * `sources`: each issue's source fingerprint now.
 */
export function buildManifest(
  model: Model,
  printed: Map<string, PrintedIssue>,
  sources: Map<string, string>,
  previous?: BuildManifest,
  printShop = new Map<string, PrintedIssue>(),
): BuildManifest {
  const kind = kindOf(model.publication);
  const earlier = new Map(previous?.issues.map((i) => [i.id, i]));
  return {
    publication: model.publication.name,
    issues: model.issues.map((issue) => {
      const made = printed.get(issue.id);
      const kept = earlier.get(issue.id);
      const source = sources.get(issue.id) ?? null;
      // An entry of an older manifest has no fingerprint: its PDF cannot be shown current.
      if (!made && kept?.pdf)
        return { ...kept, source: kept.source ?? null, outdated: (kept.source ?? null) !== source };
      return issueEntry(kind, issue, made, made ? source : null, printShop.get(issue.id));
    }),
  };
}

function issueEntry(
  kind: PublicationKind,
  issue: Issue,
  printed: PrintedIssue | undefined,
  source: string | null,
  shop: PrintedIssue | undefined,
): IssueEntry {
  const placed = new Map(printed?.layout.articles.map((a) => [a.anchor, a]));
  return {
    id: issue.id,
    number: issue.meta.number,
    headline: issue.meta.headline,
    url: issue.url,
    pdf: printed ? pdfFile(issue.id) : null,
    pages: printed?.layout.pages.length ?? null,
    bytes: printed?.bytes ?? null,
    printShop:
      printed && shop
        ? { pdf: shop.file, bytes: shop.bytes, cmyk: shop.cmyk && { pdf: shop.cmyk.file, bytes: shop.cmyk.bytes } }
        : null,
    source,
    outdated: false,
    layout: printed ? layoutFeedback(issue, printed.layout) : null,
    sections: !printed
      ? []
      : issue.toc.print.flatMap(({ section, articles }) => {
          const opener = printed.layout.pages.find((p) => p.kind === 'opener' && p.section === section.id);
          const start = opener ?? placed.get(articles[0]!.anchor);
          return start?.folio == null
            ? []
            : [{ id: section.id, pdfPage: start.pdfPage, folio: kind.formatFolio(start.folio) }];
        }),
    articles: issue.articles.map((a) => {
      const place = a.print ? placed.get(a.anchor) : undefined;
      return {
        id: a.id,
        title: a.title,
        section: a.section,
        url: a.web ? a.url : null,
        pdfPage: place?.pdfPage ?? null,
        folio: place ? kind.formatFolio(place.folio) : null,
      };
    }),
  };
}
