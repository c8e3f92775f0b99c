import { isBlank, type Line } from './lines.ts';
import type { PublicationFacts } from './result.ts';
import { titleKey } from './text.ts';

/**
 * What a printed issue carries besides its articles: the masthead, running heads and folios, the back-cover
 * imprint. Recognised so that they do not end up in an article, and compared with publication.yaml.
 */

export interface Masthead {
  lines: Line[];
  number?: number;
  year?: number;
  month?: number;
}

/** 总第86期 / 2026年10月 / 2026.10 / 2026/10: the facts a masthead or cover line gives. */
export function issueFacts(text: string): { number?: number; year?: number; month?: number } {
  const t = text.normalize('NFKC');
  const number = /总\s*第\s*(\d{1,4})\s*期/.exec(t)?.[1];
  const ym = /((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月|[./-](\d{1,2})(?!\d))/.exec(t);
  const month = ym ? Number(ym[2] ?? ym[3]) : undefined;
  const year = ym?.[1] ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(t)?.[1];
  return {
    number: number ? Number(number) : undefined,
    year: year ? Number(year) : undefined,
    month: month && month >= 1 && month <= 12 ? month : undefined,
  };
}

/** The masthead: from the first line with text to the first gap of two blank lines (a page's end in the extraction). */
export function readMasthead(lines: Line[], end: number): Masthead | undefined {
  const start = lines.findIndex((l) => !isBlank(l));
  if (start < 0 || start >= end) return undefined;
  let i = start;
  const taken: Line[] = [];
  while (i < end) {
    if (isBlank(lines[i]) && isBlank(lines[i + 1])) break;
    if (!isBlank(lines[i])) taken.push(lines[i]!);
    i++;
  }
  return { lines: taken, ...issueFacts(taken.map((l) => l.text).join('\n')) };
}

/** How the masthead compares with publication.yaml: notes for the report. */
export function compareMasthead(masthead: Masthead, pub: PublicationFacts | undefined): string[] {
  if (!pub) return [];
  const keys = new Set(masthead.lines.map((l) => titleKey(l.text)));
  const notes: string[] = [];
  if (pub.name)
    notes.push(
      keys.has(titleKey(pub.name))
        ? "The name is publication.yaml's `name`."
        : "publication.yaml's `name` is not among these lines: check it.",
    );
  if (pub.englishName && keys.has(titleKey(pub.englishName)))
    notes.push("The English name is publication.yaml's `englishName`.");
  const lines = pub.publisherLines ?? [];
  if (lines.length) {
    const missing = lines.filter((l) => !keys.has(titleKey(l)));
    notes.push(
      missing.length
        ? `${missing.length} of publication.yaml's ${lines.length} \`publisherLines\` are not among these lines: check them.`
        : "The publisher lines are publication.yaml's `publisherLines`.",
    );
  }
  return notes;
}

const IMPRINT_LABEL =
  /^(?:地\s*址|投\s*稿|官\s*网|网\s*址|网\s*站|电\s*话|传\s*真|邮\s*箱|邮\s*编|e-?mail|tel|fax|web)\s*[:：]/i;

export interface Imprint {
  lines: Line[];
  fields: {
    address?: string;
    submissions?: string;
    website?: string;
    phone?: string;
    fax?: string;
    publisher: string[];
  };
}

/**
 * The back-cover imprint at the end of the text: a run of lines with labels (地址：, 投稿：, 官网：, 电话：,
 * 传真：) and the publisher's names, single blank lines allowed inside, two blank lines end it.
 */
export function findImprint(lines: Line[], pub?: PublicationFacts): { start: number; imprint: Imprint } | undefined {
  const publishers = new Set((pub?.imprint?.publisher ?? []).map(titleKey));
  const isImprintLine = (t: string) =>
    IMPRINT_LABEL.test(t.trim()) ||
    publishers.has(titleKey(t)) ||
    (/(?:有限公司|协会|中心|基地)$/.test(t.trim()) && t.trim().length <= 30);
  let i = lines.length - 1;
  while (i >= 0 && isBlank(lines[i])) i--;
  let start = -1;
  let labels = 0;
  while (i >= 0) {
    if (isBlank(lines[i])) {
      if (isBlank(lines[i - 1])) break;
      i--;
      continue;
    }
    if (!isImprintLine(lines[i]!.text)) break;
    if (IMPRINT_LABEL.test(lines[i]!.text.trim())) labels++;
    start = i;
    i--;
  }
  if (start < 0 || labels < 2) return undefined;
  const taken = lines.slice(start).filter((l) => !isBlank(l));
  const fields: Imprint['fields'] = { publisher: [] };
  for (const l of taken) {
    const t = l.text.trim();
    const m = /^(\S{1,3}?)\s*[:：]\s*(.*)$/.exec(t);
    const value = m?.[2]?.trim() ?? '';
    const label = m ? m[1]!.replace(/\s/g, '') : '';
    if (/^地址$/.test(label)) fields.address = value;
    else if (/^投稿$|^e-?mail$|^邮箱$/i.test(label)) fields.submissions = value;
    else if (/^官网$|^网址$|^网站$|^web$/i.test(label)) fields.website = value;
    else if (/^电话$|^tel$/i.test(label)) fields.phone = value;
    else if (/^传真$|^fax$/i.test(label)) fields.fax = value;
    else fields.publisher.push(t);
  }
  return { start, imprint: { lines: taken, fields } };
}

/** How the printed imprint compares with publication.yaml's `imprint`: notes for the report. */
export function compareImprint(imprint: Imprint, pub: PublicationFacts | undefined): string[] {
  const have = pub?.imprint;
  if (!have) return ['publication.yaml has no `imprint` to compare with: these lines are its `imprint` fields.'];
  const same = (a?: string, b?: string) =>
    (a ?? '').replace(/\s+/g, '').normalize('NFKC') === (b ?? '').replace(/\s+/g, '').normalize('NFKC');
  const fields = ['address', 'submissions', 'website', 'phone', 'fax'] as const;
  const differ = fields.filter((f) => imprint.fields[f] !== undefined && !same(imprint.fields[f], have[f]));
  const onlyOurs = fields.filter((f) => imprint.fields[f] === undefined && have[f] !== undefined);
  const publisherSame =
    imprint.fields.publisher.length === have.publisher.length &&
    imprint.fields.publisher.every((p, i) => same(p, have.publisher[i]));
  const notes: string[] = [];
  if (!differ.length && publisherSame)
    notes.push("It is publication.yaml's `imprint` (the back cover every issue prints): nothing to change.");
  if (differ.length)
    notes.push(
      `It differs from publication.yaml's \`imprint\` in: ${differ.join(', ')}. The issue schema has no imprint of its own: update publication.yaml if the publisher's details changed.`,
    );
  if (!publisherSame) notes.push("Its publisher lines differ from publication.yaml's `imprint.publisher`.");
  if (onlyOurs.length)
    notes.push(`publication.yaml also has ${onlyOurs.join(', ')}, which this back cover does not print.`);
  return notes;
}

/**
 * A running head or folio the extraction left inside the text: a line made only of the publication's name,
 * its English name, section titles, a date or issue number, and a page number; or a page number alone.
 */
export function runningHeadTest(pub: PublicationFacts | undefined): (text: string) => boolean {
  const words = [pub?.name, pub?.englishName, ...(pub?.sections ?? []).flatMap((s) => [s.title, s.english])]
    .filter((w): w is string => !!w)
    .map((w) => titleKey(w))
    .filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length);
  return (text: string) => {
    const t = text.trim().replace(/^#{1,6}\s*/, '');
    if (!t || t.includes('\t')) return false;
    if (/^[-—–·•\s]*\d{1,3}[-—–·•\s]*$/.test(t)) return true;
    let key = titleKey(t);
    let named = false;
    for (const w of words) {
      if (key.includes(w)) {
        key = key.split(w).join('');
        named = true;
      }
    }
    key = key.replace(/总第\d+期|第\d+期|\d{4}年\d{1,2}月|\d{4}\d{1,2}|\d{1,3}|年|月|期/g, '');
    return named && key === '';
  };
}

/** The disclaimer compared with publication.yaml's. */
export function compareDisclaimer(text: string, pub: PublicationFacts | undefined): string {
  if (!pub?.disclaimer) return 'publication.yaml has no `disclaimer`: this is it.';
  return titleKey(text) === titleKey(pub.disclaimer)
    ? "It is publication.yaml's `disclaimer` (printed with every table of contents): nothing to change."
    : "It differs from publication.yaml's `disclaimer`: check which is right.";
}
