import { CONTROL } from './read-text.ts';
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { didYouMean } from './did-you-mean.ts';
import type { Finding } from './findings.ts';
import { YAML_ERRORS, finding } from './rules.ts';

/** A YAML text parsed with its positions, so that schema errors can point at a line and column. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Line of the YAML text's first line in the file (front matter starts after `---`). */
  lineOffset: number;
}

export interface Position {
  line: number;
  column: number;
}

export function parseYaml(text: string, file: string, lineOffset = 0): { source?: YamlSource; findings: Finding[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source = { file, doc, lines, lineOffset };
  const findings: Finding[] = doc.errors.map((e) =>
    finding(
      'yaml-syntax',
      { file, ...positionAt(source, e.pos[0]) },
      { reason: YAML_ERRORS[e.code] ?? e.message.split('\n')[0]! },
    ),
  );
  return findings.length ? { findings } : { source, findings };
}

function positionAt(src: Pick<YamlSource, 'lines' | 'lineOffset'>, offset: number): Position {
  const { line, col } = src.lines.linePos(offset);
  return { line: line + src.lineOffset, column: col };
}

/** Where the value at `path` is written, or its nearest parent that exists (a missing key is reported at its map). */
export function positionOf(src: YamlSource, path: readonly PropertyKey[]): Position {
  let node: unknown = src.doc.contents;
  let pos =
    node && (node as Node).range ? positionAt(src, (node as Node).range![0]) : { line: 1 + src.lineOffset, column: 1 };
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode?.range) pos = positionAt(src, keyNode.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if ((node as Node)?.range) pos = positionAt(src, (node as Node).range![0]);
    } else break;
  }
  return pos;
}

/** The keys an object schema allows at `path` (through optional, default and array wrappers). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  const unwrap = (t: z.ZodType | undefined): z.ZodType | undefined => {
    const def = t?._zod.def as { innerType?: z.ZodType; element?: z.ZodType } | undefined;
    return def?.innerType ? unwrap(def.innerType) : t;
  };
  for (const key of path) {
    s = unwrap(s);
    if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(key)];
    else return [];
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** Validates parsed YAML with a zod schema; each issue becomes a finding with file, position, field and rule. */
export function validateYaml<S extends z.ZodType>(
  src: YamlSource,
  schema: S,
  hints: Record<string, string> = {},
): { data?: z.output<S>; findings: Finding[] } {
  let value: unknown;
  try {
    // The yaml package refuses aliases that would expand beyond reason (a "billion laughs").
    value = src.doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    const reason = `YAML 里的别名（& 和 *）展开得太多，无法读取（${(error as Error).message.slice(0, 60)}）`;
    return { findings: [finding('file-unreadable', { file: src.file, line: 1 + src.lineOffset }, { reason })] };
  }
  const control = controlCharacters(value);
  if (control.length) {
    const findings = control.map(({ path, chars }) =>
      finding(
        'invalid-value',
        { file: src.file, ...positionOf(src, path), field: path.join('.') },
        { field: path.join('.'), control: chars },
      ),
    );
    return { findings };
  }
  const result = schema.safeParse(value, { error: z.locales.zhCN().localeError });
  if (result.success) return { data: result.data, findings: [] };
  const findings = result.error.issues.flatMap((issue): Finding[] => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(schema, issue.path);
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const guess = didYouMean(key, allowed);
        return finding(
          'unknown-key',
          { file: src.file, ...positionOf(src, path), field: path.join('.') },
          { key, guess, allowed },
        );
      });
    }
    const field = issue.path.join('.') || undefined;
    const missing = issue.code === 'invalid_type' && !src.doc.hasIn(issue.path as unknown[]);
    const value = src.doc.getIn(issue.path as unknown[]);
    const empty = !missing && (value === null || value === undefined);
    const at = { file: src.file, ...positionOf(src, issue.path), field };
    const hint = hints[String(issue.path[0])];
    return [
      missing
        ? finding('missing-field', at, { field: field!, hint })
        : finding('invalid-value', at, { field, empty, problem: issue.message, value, hint }),
    ];
  });
  return { findings };
}

/** Every string of a YAML value (at its path) that holds control characters, and which (as U+XXXX). */
function controlCharacters(
  value: unknown,
  path: (string | number)[] = [],
  seen = new WeakSet<object>(),
): { path: (string | number)[]; chars: string }[] {
  if (typeof value === 'string') {
    const found = [...new Set(value.match(CONTROL) ?? [])];
    const chars = found.map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join('、');
    return found.length ? [{ path, chars }] : [];
  }
  if (!value || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacters(v, [...path, i], seen));
  return Object.entries(value).flatMap(([k, v]) => controlCharacters(v, [...path, k], seen));
  return [];
}
