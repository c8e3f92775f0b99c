import { stringify } from 'yaml';
import type { Doubt } from './body.ts';
import { lineList } from './lines.ts';
import { fileName } from './magazine.ts';
import type { ImportedArticle, ImportResult, ReportPart } from './result.ts';
import { hanCount } from './text.ts';

/**
 * The files of an imported issue as text: one Markdown file per article, issue.yaml, import-report.md. Pure:
 * the command writes them (and the plain cover `qikan new issue` makes).
 */

export { fileName };

/** An article's file: front matter in the project's order, then the body. */
export function articleFile(a: ImportedArticle): string {
  const fm: Record<string, unknown> = { title: a.title };
  if (a.subtitle) fm.subtitle = a.subtitle;
  fm.section = a.section;
  fm.order = a.order;
  if (a.printPage !== undefined) fm.printPage = a.printPage;
  if (a.byline) fm.byline = a.byline;
  if (a.source) fm.source = a.source;
  if (a.newPage !== undefined) fm.newPage = a.newPage;
  for (const key of ['page', 'priority', 'columns', 'jumpTo'] as const) if (a[key] !== undefined) fm[key] = a[key];
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n${a.body}`;
}

export interface IssueMetaContext {
  /** The issue folder's name, e.g. 2025-07: year and month when the text has none. */
  folderId: string;
  /** Issues already in the publication: a monthly's number is estimated from the nearest. */
  existing: { year: number; month: number; number: number }[];
  frequency?: string;
  today: Date;
}

export interface IssueMeta {
  number: number;
  year: number;
  month: number;
  date: string;
  headline: string;
  cover: { image: string; alt: string };
  coverLines: string[];
}

/** A cover's alt text for the plain placeholder: English, so that it is not taken for the issue's own words. */
export const PLACEHOLDER_ALT = 'Placeholder cover made by qikan import: replace images/cover.jpg and this text.';

/** issue.yaml's fields from what the text says, the folder's name and the issues already there; each guess noted. */
export function issueMeta(result: ImportResult, ctx: IssueMetaContext): { meta: IssueMeta; notes: string[] } {
  const notes: string[] = [];
  const ym = /^(\d{4})-(\d{2})$/.exec(ctx.folderId);
  const folder = ym ? { year: Number(ym[1]), month: Number(ym[2]) } : undefined;
  let year = result.issue.year;
  let month = result.issue.month;
  if (year && folder && year !== folder.year)
    notes.push(
      `The text gives the year ${year}, the folder name ${folder.year}: the text's was used; rename the folder if it is wrong.`,
    );
  if (month && folder && month !== folder.month)
    notes.push(`The text gives the month ${month}, the folder name ${folder.month}: the text's was used.`);
  if (!year || !month) {
    const from = folder ?? { year: ctx.today.getUTCFullYear(), month: ctx.today.getUTCMonth() + 1 };
    notes.push(
      `\`year\` and \`month\`: ${!year && !month ? 'the text gives neither' : !month ? `the text gives the year ${year} but no month` : 'the text gives no year'}; ${folder ? "taken from the folder's name" : "taken from today's date"} (${year ?? from.year}-${String(month ?? from.month).padStart(2, '0')}).`,
    );
    year ??= from.year;
    month ??= from.month;
  }
  let number = result.issue.number;
  if (!number) {
    const monthly = (ctx.frequency ?? '月刊') === '月刊';
    const nearest = [...ctx.existing].sort(
      (a, b) =>
        Math.abs(a.year * 12 + a.month - (year! * 12 + month!)) -
        Math.abs(b.year * 12 + b.month - (year! * 12 + month!)),
    )[0];
    if (nearest && monthly) {
      number = Math.max(1, nearest.number + (year * 12 + month) - (nearest.year * 12 + nearest.month));
      notes.push(
        `\`number\`: the text has no total number; ${number} is estimated from issue ${nearest.number} (${nearest.year}-${String(nearest.month).padStart(2, '0')}), one a month: correct it.`,
      );
    } else {
      number = 1;
      notes.push('`number`: the text has no total number and there is no issue to count from: 1 for now, correct it.');
    }
    // Two issues may not share a number (duplicate-number): an estimate another issue has is moved on.
    const taken = new Set(ctx.existing.map((i) => i.number));
    if (taken.has(number)) {
      const estimate = number;
      while (taken.has(number)) number++;
      notes.push(`\`number\`: ${estimate} is another issue's already; ${number} for now, correct it.`);
    }
  }
  const date = `${year}-${String(month).padStart(2, '0')}-01`;
  notes.push(
    `\`date\`: ${date}, the first of the month (the text gives no day of publication): correct it, it is also the PDF's date.`,
  );
  const headline = result.issue.headline ?? 'Headline';
  notes.push(
    `\`headline\`: ${result.issue.headlineFrom ? `from ${result.issue.headlineFrom}` : 'none in the text'}; write the cover's headline.`,
  );
  notes.push(
    '`cover`: a plain placeholder image (images/cover.jpg) and alt text: put the scanned cover there and describe it.',
  );
  return {
    meta: {
      number,
      year,
      month,
      date,
      headline,
      cover: { image: 'images/cover.jpg', alt: PLACEHOLDER_ALT },
      coverLines: [],
    },
    notes,
  };
}

/** A newspaper's issue.yaml (src/kinds/newspaper/issue-schema.ts), from an imported page. */
export interface NewspaperIssueFile {
  number: number;
  yearNumber: number;
  date: string;
  headline: string;
  pages: { name: string }[];
}

/**
 * A newspaper issue's facts from an imported page: its date from the folder's name (YYYY-MM-DD) or today, its
 * numbers from the masthead where it gives them, and as many pages as its jumps reach; each guess noted.
 */
export function newspaperIssueMeta(
  result: ImportResult,
  ctx: Pick<IssueMetaContext, 'folderId' | 'today'> & {
    /** The paper's issues already there: an issue the text does not number comes after the newest. */
    existing: { number: number; yearNumber: number; date: string }[];
  },
): { meta: NewspaperIssueFile; notes: string[] } {
  const notes: string[] = [];
  const named = /^\d{4}-\d{2}-\d{2}$/.test(ctx.folderId) ? ctx.folderId : undefined;
  const date = named ?? ctx.today.toISOString().slice(0, 10);
  notes.push(
    `\`date\`: ${date}, ${named ? "the folder's name" : "today's date (the folder's name is not a date)"}: correct it to the day the paper came out.`,
  );
  const newest = ctx.existing.toSorted((a, b) => b.number - a.number)[0];
  const sameYear = ctx.existing.filter((i) => i.date.slice(0, 4) === date.slice(0, 4));
  let number = result.issue.number ?? (newest ? newest.number + 1 : 1);
  const yearNumber = sameYear.length ? Math.max(...sameYear.map((i) => i.yearNumber)) + 1 : 1;
  const counted = newest ? `${newest.number + 1}, the one after the newest issue's (${newest.number})` : '1 for now';
  notes.push(
    result.issue.number
      ? `\`yearNumber\` (the number in the year): the text gives only the total number: ${yearNumber} for now, correct it.`
      : `\`number\` (the total number) and \`yearNumber\` (the number in the year): the text gives neither: ${counted}, correct them.`,
  );
  // Two issues may not share a number: one another issue has is moved on.
  const taken = new Set(ctx.existing.map((i) => i.number));
  if (taken.has(number)) {
    const given = number;
    while (taken.has(number)) number++;
    notes.push(`\`number\`: ${given} is another issue's already; ${number} for now, correct it.`);
  }
  // issue.yaml allows 32 pages; a jump past them is for the editor to correct.
  const last = Math.min(32, Math.max(1, ...result.articles.map((a) => a.jumpTo ?? 1)));
  const pages = Array.from({ length: last }, (_, i) => ({ name: i === 0 ? '要闻' : '综合' }));
  // The page names are the importer's words in the issue folder: listed, as every added text is.
  for (const page of pages) result.added.push({ text: page.name, why: "a page's name in issue.yaml, a placeholder" });
  notes.push(`\`pages\`: ${last}, as far as the jumps of page 1 reach; their names are placeholders: name them.`);
  const headline = result.issue.headline ?? 'Headline';
  notes.push(
    `\`headline\`: ${result.issue.headlineFrom ? `from ${result.issue.headlineFrom}` : 'none in the text'}; give the lead story's title.`,
  );
  return { meta: { number, yearNumber, date, headline, pages }, notes };
}

export function issueYaml(meta: IssueMeta | NewspaperIssueFile): string {
  return stringify(meta, { lineWidth: 0 });
}

export interface ReportContext {
  input: string;
  inputLines: number;
  out: string;
  /** Whether the folder sits in a publication that builds it, and what to run; or why not. */
  builds: string;
  metaNotes: string[];
  /** Whether a plain cover was written (a newspaper's issue has none). */
  cover?: boolean;
}

/**
 * import-report.md: what to check first (with input line numbers), then the issue's facts, then every input
 * line the articles do not hold, quoted. The report's own words are English: its Chinese is all quoted input,
 * so that a count of Han characters over the issue folder equals the input's (plus the copies listed).
 */
export function renderReport(result: ImportResult, ctx: ReportContext): string {
  const out: string[] = [];
  const say = (text: string) => {
    if (hanCount(text)) throw new Error(`import report: generated text must not hold Han characters: ${text}`);
    out.push(text);
  };
  say('# Import report');
  say('');
  say(
    `\`${ctx.input}\` (${ctx.inputLines} lines), read as a ${result.kind}, is now \`${ctx.out}\`: ${result.articles.length} articles, issue.yaml${ctx.cover === false ? '' : ' and a plain cover'}. ${ctx.builds}`,
  );
  say('');
  const major = sortDoubts(result.doubts.filter((d) => !d.minor));
  const minor = sortDoubts(result.doubts.filter((d) => d.minor));
  say(`## To check (${major.length})`);
  say('');
  if (!major.length) say('Nothing: the importer was sure of everything it did. Read the articles all the same.');
  major.forEach((d, k) => say(`${k + 1}. ${capitalise(d.message)}`));
  say('');
  if (minor.length) {
    say(`## Probably right: a glance each (${minor.length})`);
    say('');
    say('Guesses the text does not prove, which are most likely right.');
    say('');
    minor.forEach((d, k) => say(`${k + 1}. ${capitalise(d.message)}.`));
    say('');
  }
  say('## issue.yaml');
  say('');
  for (const n of ctx.metaNotes) say(`- ${n}`);
  say('');
  say('## Articles');
  say('');
  say('| file | section | page | from input lines |');
  say('| --- | --- | ---: | --- |');
  for (const a of result.articles)
    say(`| ${fileName(a)} | ${a.section} | ${a.printPage ?? ''} | ${lineList(a.lines)} |`);
  say('');
  for (const part of result.parts) renderPart(part, out, say);
  if (result.added.length) {
    say('## Written twice');
    say('');
    say('Input text the issue holds twice (the nothing-lost count allows for exactly these):');
    say('');
    for (const a of result.added) say(`- ${a.why}`);
    say('');
  }
  return out.join('\n');
}

function renderPart(part: ReportPart, out: string[], say: (t: string) => void): void {
  say(`## ${part.heading}`);
  say('');
  for (const n of part.notes ?? []) {
    say(n);
    say('');
  }
  if (part.table) {
    say(`| ${part.table.head.join(' | ')} |`);
    say(`| ${part.table.head.map(() => '---').join(' | ')} |`);
    // Table cells quote input text: pipes escaped, nothing else changed.
    for (const row of part.table.rows)
      out.push(`| ${row.map((c) => c.replace(/\|/g, '\\|').replace(/\t/g, ' ')).join(' | ')} |`);
    say('');
  }
  if (part.quote?.length) {
    const width = String(part.quote.at(-1)!.n).length;
    say('```text');
    for (const l of part.quote) out.push(`${String(l.n).padStart(width)}  ${l.text.replace(/\t/g, ' → ')}`);
    say('```');
    say('');
  }
}

function sortDoubts(doubts: Doubt[]): Doubt[] {
  return [...doubts].sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
