import type { z } from 'zod';
import type { ArticleFrontMatter } from '../core/schema/article.ts';
import type { Publication } from '../core/schema/publication.ts';
import type { KindLayout, PageFacts, PrintLayout, RunningHeads } from '../print/layout.ts';
import type { ArticleRanges, VerifyInput } from '../print/stages/verify.ts';

/**
 * A kind of publication (magazine, newspaper): what its issues say, how its pages are numbered and headed, and
 * what its PDF must show. Shared code asks the kind; it knows no kind's rules. Its print document is the kind's
 * Astro component, named in the print route (src/pages/print/[issue].astro), since those load only inside Astro.
 */
export interface PublicationKind<Meta extends IssueMetaBase = IssueMetaBase> {
  /** issue.yaml. */
  issueSchema: z.ZodType<Meta>;
  /** The fields of issue.yaml that name an image file of the issue folder (`{ image, alt }`). */
  issueImages: readonly string[];
  /** How the issue names itself on the site and in print (总第86期 | 2026/10月刊). */
  issueLabel(publication: Publication, meta: Meta): string;
  /** Newest first. */
  compareIssues(a: Meta, b: Meta): number;
  /**
   * Folios, running heads and article starts, from what the browser found on each page. A page's layout may
   * depend only on the pages up to it: the engine decorates each run as soon as the runs before it are known
   * (src/print/stages/runs.ts).
   */
  layoutPages(facts: PageFacts[], heads: RunningHeads): KindLayout;
  /** How many ems a title may take (a magazine's: one line of its 目录), for the check that warns of longer ones. */
  titleRoom?(page: Publication['page']): number;
  /** The printed form of a folio (01). */
  formatFolio(folio: number): string;
  /** Where an article is in print, as its page on the site says it (印刷版第12页, 见报第2版). */
  printPlace(folio: number): string;
  /** Where each article's text is in the PDF, for the check that no text is lost. */
  articleRanges(layout: PrintLayout, pageCount: number): ArticleRanges;
  /** What the kind's layout promises and its PDF must show: problems found, none when right. */
  verifyPdf(input: VerifyInput): string[];
  /**
   * The kind's rules for an issue as a whole (issue.yaml with its articles): each problem by its file (an article's,
   * or issue.yaml when none is named) and field, with what to write instead.
   */
  issueProblems(
    meta: Meta,
    articles: (ArticleFrontMatter & { file: string })[],
    publication: Publication,
  ): IssueProblem[];
  /** What the kind is called, for messages: 杂志, 报纸. */
  noun: string;
  /** The front matter fields its articles have beyond every article's (src/core/schema/article.ts). */
  articleFields: z.ZodRawShape;
  /** What a contributor is told when one of them is wrong. */
  articleHints: Record<string, string>;
  /**
   * The kind's own rules for an article's front matter: each problem by its field, with what to write instead. It
   * is given the fields that are valid by themselves, so that its problems come with the schema's.
   */
  frontMatterProblems(article: Partial<ArticleFrontMatter>, publication: Publication): FrontMatterProblem[];
  /**
   * How the print engine lays the issue out: `runs` of pages side by side (a magazine's articles flow from page
   * to page), or the `whole` document at once (a newspaper's pages are composed together: stories jump between them).
   */
  printEngine: 'runs' | 'whole';
  /** Its stories jump to later pages, a paragraph cut in two there: the text check finds it in its two parts. */
  jumps: boolean;
}

/** A problem of an issue: in an article's front matter (`file`), or in issue.yaml at `path`. */
export interface IssueProblem {
  file?: string;
  /** Where in issue.yaml, e.g. ['ads', 0, 'page']; or the article's field. */
  path: (string | number)[];
  problem: string;
  hint: string;
}

/** A field of an article's front matter that the kind does not accept as written. */
export interface FrontMatterProblem {
  field: string;
  /** Missing where it is required. */
  missing?: boolean;
  problem: string;
  hint: string;
}

/** What every kind's issue.yaml has. */
export interface IssueMetaBase {
  number: number;
  date: Date;
  headline: string;
  draft: boolean;
}

/** The image files an issue's issue.yaml names, by field (`{ cover: 'images/cover.jpg' }`), as written. */
export function issueImagePaths(kind: Pick<PublicationKind, 'issueImages'>, meta: object): Record<string, string> {
  const fields = meta as Record<string, { image?: unknown } | undefined>;
  return Object.fromEntries(
    kind.issueImages.flatMap((k) => (typeof fields[k]?.image === 'string' ? [[k, fields[k].image]] : [])),
  );
}
