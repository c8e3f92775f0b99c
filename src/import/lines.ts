/** An input line with its 1-based number: every finding of the importer names the line it comes from. */
export interface Line {
  n: number;
  text: string;
}

export function toLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((t, i) => ({ n: i + 1, text: t.replace(/[ \u00a0]+$/, (s) => (s.length >= 2 ? '  ' : '')) }));
}

export function isBlank(line: Line | undefined): boolean {
  return !line || !line.text.trim();
}

/** "lines 12–15" or "line 12", for reports. */
export function lineRange(from: number, to = from): string {
  return from === to ? `line ${from}` : `lines ${from}–${to}`;
}

/** A list of line numbers as compact ranges: 3, 5–7, 12. */
export function lineList(ns: number[]): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Line numbers with the blank lines between them filled in, so that they read as a few ranges. */
export function withBlankGaps(ns: number[], lines: Line[]): number[] {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const [k, n] of sorted.entries()) {
    const prev = sorted[k - 1];
    if (prev !== undefined && n - prev > 1 && lines.slice(prev, n - 1).every((l) => isBlank(l)))
      for (let m = prev + 1; m < n; m++) out.push(m);
    out.push(n);
  }
  return out;
}
