import type { Doubt } from './body.ts';
import type { Line } from './lines.ts';

export type { Doubt };

/** What the importer needs to know of the publication it imports into (publication.yaml), when there is one. */
export interface PublicationFacts {
  name?: string;
  englishName?: string;
  publisherLines?: string[];
  /** `runOn`: the section runs its articles on, each below the one before, unless one sets `newPage: true`. */
  sections: { id: string; title: string; english?: string; runOn?: boolean }[];
  disclaimer?: string;
  imprint?: {
    publisher: string[];
    address: string;
    submissions?: string;
    website?: string;
    phone?: string;
    fax?: string;
  };
  frequency?: string;
  kind?: 'magazine' | 'newspaper';
}

export interface ImportedArticle {
  title: string;
  subtitle?: string;
  section: string;
  order: number;
  /** The page the printed 目录 gives. */
  printPage?: number;
  source?: string;
  byline?: string;
  /**
   * false: a short item that runs on after the previous one (the 目录 puts both on one page); true: it starts
   * a page of its own in a section that runs its articles on; unset: as its section does.
   */
  newPage?: boolean;
  /** A newspaper's story: its page, its place there, its width on the grid, the page it jumps to. */
  page?: number;
  priority?: number;
  columns?: number;
  jumpTo?: number;
  /** The title's first words in pinyin, for the file name and web address; `article-NN` when it has none. */
  slug?: string;
  body: string;
  /** The input lines the article was made of. */
  lines: number[];
}

/** A part of import-report.md: input lines the issue's files do not hold, quoted with their numbers, and notes. */
export interface ReportPart {
  heading: string;
  /** Notes in English (the report adds no Chinese of its own: its Han characters are all quoted input). */
  notes?: string[];
  /** Input lines quoted verbatim. */
  quote?: Line[];
  /** A Markdown table, e.g. the 目录 with where each entry went. */
  table?: { head: string[]; rows: string[][] };
}

export interface ImportResult {
  kind: 'magazine' | 'newspaper';
  articles: ImportedArticle[];
  /** What the text says about the issue; the rest of issue.yaml is filled in when it is written. */
  issue: { number?: number; year?: number; month?: number; headline?: string; headlineFrom?: string };
  doubts: Doubt[];
  parts: ReportPart[];
  /**
   * Input text written a second time (the issue's headline copied from a title, a title taken from the 目录
   * when the body's is wrong): the nothing-lost count allows exactly these.
   */
  added: { text: string; why: string }[];
  /** Every non-empty input line, with where it went: an article's order, 'issue', or 'report'. */
  placed: Map<number, number | 'issue' | 'report'>;
}
