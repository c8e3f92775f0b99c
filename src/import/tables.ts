/**
 * Tab-separated rows, as PDF extraction leaves a table, to a GFM table: the first row is the header (GFM has
 * one), every row padded to the widest, columns of figures right-aligned as the project's tables are.
 */

/** A row of a table in extracted text: cells separated by tabs. */
export function isTableRow(text: string): boolean {
  return text.includes('\t') && text.split('\t').filter((c) => c.trim()).length >= 1;
}

const FIGURE = /^[(（]?[-−+]?[\d,，]*\d(?:\.\d+)?\s*[%‰]?[)）]?$|^[-−–—]$/;

/** One cell's text as GFM wants it: inline HTML the extraction used turned to Markdown, leader dots and pipes handled. */
export function cleanCell(cell: string): string {
  return cell
    .trim()
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<\/?u>/gi, '')
    .replace(/\*\*\s*\*\*/g, '')
    .replace(/\s*(?:\.{3,}|…{2,}|·{3,})\s*$/u, '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function isFigure(cell: string): boolean {
  const plain = cell
    .replace(/\*\*/g, '')
    .replace(/<sup>.*?<\/sup>/gi, '')
    .trim();
  return FIGURE.test(plain);
}

/** GFM table lines for tab-separated rows. */
export function toGfmTable(rows: string[]): string[] {
  const cells = rows.map((r) => r.split('\t').map(cleanCell));
  for (const row of cells) while (row.length > 1 && !row.at(-1)) row.pop();
  const width = Math.max(...cells.map((r) => r.length));
  for (const row of cells) while (row.length < width) row.push('');
  const body = cells.slice(1);
  const align = Array.from({ length: width }, (_, c) => {
    const filled = body.map((r) => r[c]!).filter(Boolean);
    const figures = filled.filter(isFigure).length;
    return filled.length > 0 && figures / filled.length >= 0.6 ? '---:' : '---';
  });
  const line = (r: string[]) => `| ${r.map((c) => c || ' ').join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [line(cells[0]!), `| ${align.join(' | ')} |`, ...body.map(line)];
}
