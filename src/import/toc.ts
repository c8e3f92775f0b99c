import { isBlank, type Line } from './lines.ts';
import { titleKey } from './text.ts';

/** One entry of a printed 目录: the title as printed, its page, and the line(s) it was read from. */
export interface TocEntry {
  title: string;
  page: number;
  lines: number[];
}

export interface TocSection {
  /** The section's title as printed, bullet and heading marks removed. */
  title: string;
  line: number;
  entries: TocEntry[];
}

export interface Toc {
  /** Line of the 目录 heading, and the last line that belongs to the 目录 (entries, disclaimer). */
  start: number;
  end: number;
  sections: TocSection[];
  /** The 免责声明 printed on the 目录 page(s), each with its lines. */
  disclaimers: { text: string; lines: number[] }[];
  /** Lines of the 目录 that are neither a section nor an entry nor a disclaimer: its heading, "CONTENTS". */
  other: number[];
}

const TOC_HEADING = /^(?:#{1,6}\s*)?目\s*[录錄次]\s*$/;
/** `- ▲标题 — 05`, `标题 ...... 05`, `标题\t05`: the page number at the end, after a dash, dots, a tab or spaces. */
const ENTRY =
  /^(?:[-*+]\s+)?(?:[▲△●■◆•►]\s*)?(.+?)\s*(?:[—–-]{1,2}|[.．·…]{2,}|\t|\s{2,}|\s(?=\d{1,3}\s*$))\s*(\d{1,3})\s*$/u;
const BULLET_HEADING = /^(?:#{1,6}\s*)?(?:[-*+]\s+)?[•·●■◆►▶]\s*(\S.{0,19})$/u;
const DISCLAIMER = /免\s*责\s*声\s*明/;

/** Finds the 目录 heading of an issue: its line index, or -1. */
export function findTocStart(lines: Line[]): number {
  return lines.findIndex((l) => TOC_HEADING.test(l.text.trim()));
}

/**
 * Reads the 目录 from its heading on: section lines (a bullet heading, or a line equal to a known section
 * title), entries with their page numbers, 免责声明 paragraphs, until the first line that is none of these.
 * An entry whose title runs over two lines is read as one.
 */
export function parseToc(lines: Line[], knownSections: string[] = []): Toc | undefined {
  const start = findTocStart(lines);
  if (start < 0) return undefined;
  const known = new Set(knownSections.map(titleKey));
  const toc: Toc = {
    start: lines[start]!.n,
    end: lines[start]!.n,
    sections: [],
    disclaimers: [],
    other: [lines[start]!.n],
  };
  let section: TocSection | undefined;
  const orphanEntries: TocEntry[] = [];
  let i = start + 1;
  const plain = (l: Line) => l.text.trim().replace(/^\\/, '');
  while (i < lines.length) {
    const line = lines[i]!;
    const text = plain(line);
    if (!text) {
      i++;
      continue;
    }
    if (/^(?:#{1,6}\s*)?contents$/i.test(text)) {
      toc.other.push(line.n);
      toc.end = line.n;
      i++;
      continue;
    }
    if (DISCLAIMER.test(text) && text.length <= 12) {
      // The heading "*免责声明：" and the paragraph after it.
      const taken = [line.n];
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j])) j++;
      const body =
        lines[j] && !ENTRY.test(plain(lines[j]!)) && !isSectionLine(plain(lines[j]!), known) ? lines[j]! : undefined;
      if (body) taken.push(body.n);
      toc.disclaimers.push({ text: body ? plain(body) : text, lines: taken });
      toc.end = taken.at(-1)!;
      i = body ? j + 1 : i + 1;
      continue;
    }
    if (isSectionLine(text, known)) {
      section = { title: sectionTitle(text), line: line.n, entries: [] };
      toc.sections.push(section);
      toc.end = line.n;
      i++;
      continue;
    }
    let m = ENTRY.exec(text);
    const taken = [line.n];
    // A title that runs over two lines: the first has no page number, the next ends with one.
    if (!m && lines[i + 1] && !isBlank(lines[i + 1]) && !/^#/.test(text)) {
      const next = ENTRY.exec(plain(lines[i + 1]!));
      if (next) {
        m = ENTRY.exec(`${text}${plain(lines[i + 1]!).replace(/^[-*+]\s+/, '')}`);
        if (m) taken.push(lines[i + 1]!.n);
      }
    }
    if (!m) break;
    const entry = { title: m[1]!.replace(/^[▲△●■◆•►]\s*/u, '').trim(), page: Number(m[2]), lines: taken };
    (section ? section.entries : orphanEntries).push(entry);
    toc.end = taken.at(-1)!;
    i += taken.length;
  }
  if (orphanEntries.length)
    toc.sections.unshift({ title: '', line: orphanEntries[0]!.lines[0]!, entries: orphanEntries });
  return toc.sections.some((s) => s.entries.length) ? toc : undefined;
}

function sectionTitle(text: string): string {
  return text
    .replace(/^#{1,6}\s*/, '')
    .replace(/^(?:[-*+]\s+)?[•·●■◆►▶]\s*/u, '')
    .trim();
}

function isSectionLine(text: string, known: Set<string>): boolean {
  if (ENTRY.test(text)) return false;
  if (known.has(titleKey(sectionTitle(text)))) return true;
  return BULLET_HEADING.test(text);
}

/** All entries in printed order, each with its section. */
export function tocEntries(toc: Toc): { entry: TocEntry; section: TocSection }[] {
  return toc.sections.flatMap((section) => section.entries.map((entry) => ({ entry, section })));
}
