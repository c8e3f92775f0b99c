import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Finding } from './errors.ts';

/** A YAML text parsed with its positions, so that schema errors can point at a line. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Line of the YAML text's first line in the file (front matter starts after `---`). */
  lineOffset: number;
}

export function parseYaml(text: string, file: string, lineOffset = 0): { source?: YamlSource; findings: Finding[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source = { file, doc, lines, lineOffset };
  const findings = doc.errors.map((e) => ({
    file,
    line: lineAt(source, e.pos[0]),
    message: `YAML cannot be read: ${e.message.split('\n')[0]}`,
    hint: 'Check the indentation and quote values that contain a colon (:) or start with a special character.',
  }));
  return findings.length ? { findings } : { source, findings };
}

function lineAt(src: Pick<YamlSource, 'lines' | 'lineOffset'>, offset: number): number {
  return src.lines.linePos(offset).line + src.lineOffset;
}

/** The line of the value at `path`, or of the nearest parent that exists (a missing key is reported at its map). */
export function lineOf(src: YamlSource, path: readonly PropertyKey[]): number {
  let node: unknown = src.doc.contents;
  let line = node && (node as Node).range ? lineAt(src, (node as Node).range![0]) : 1 + src.lineOffset;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode?.range) line = lineAt(src, keyNode.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if ((node as Node)?.range) line = lineAt(src, (node as Node).range![0]);
    } else break;
  }
  return line;
}

/** Validates parsed YAML with a zod schema; each issue becomes a finding with file, line and field. */
export function validateYaml<S extends z.ZodType>(
  src: YamlSource,
  schema: S,
  hints: Record<string, string> = {},
): { data?: z.output<S>; findings: Finding[] } {
  const result = schema.safeParse(src.doc.toJS() ?? {});
  if (result.success) return { data: result.data, findings: [] };
  const findings = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)];
    const field = path.join('.') || undefined;
    const missing = issue.code === 'invalid_type' && !src.doc.hasIn(issue.path as unknown[]);
    return {
      file: src.file,
      line: lineOf(src, path),
      field,
      message: missing ? `required field "${field}" is missing` : issue.message,
      hint: hints[String(issue.path[0])] ?? (keys.length ? `Remove or rename the unknown key "${keys.join('", "')}".` : undefined),
    };
  });
  return { findings };
}
