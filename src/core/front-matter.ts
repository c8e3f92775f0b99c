/** Splits a Markdown file into its YAML front matter and body, keeping the line where each starts. */
export interface SplitMarkdown {
  yaml: string;
  /** 1-based line of the YAML's first line (the line after the opening `---`). */
  yamlLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(text: string): SplitMarkdown | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) return undefined;
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}
