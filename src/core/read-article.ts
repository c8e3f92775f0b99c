import { articleHintsOf, articleSchemaOf, kindOf, otherKindWith } from '../kinds/index.ts';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Finding } from './findings.ts';
import { splitFrontMatter, type SplitMarkdown } from './front-matter.ts';
import { checkImage, imageRefs } from './images.ts';
import { pastLimits } from './markdown/limits.ts';
import { parseMarkdown } from './markdown/parse.ts';
import { rowsPastHeader, widestTable } from './markdown/table-shape.ts';
import { unclosedHtml } from './markdown/unclosed-html.ts';
import type { Article } from './model.ts';
import { SLUG, articleId, parseArticleFileName } from './names.ts';
import { fileError, readUtf8 } from './read-text.ts';
import { encodingFinding } from './read-yaml-file.ts';
import { readingMinutes } from './reading.ts';
import { finding } from './rules.ts';
import { articleAnchor, articleUrl } from './routes.ts';
import type { z } from 'zod';
import type { ArticleFrontMatter } from './schema/article.ts';
import type { Publication } from './schema/publication.ts';
import { didYouMean } from './did-you-mean.ts';
import { parseYaml, positionOf, validateYaml, type YamlSource } from './yaml-source.ts';

/** An article file as it was read: what `qikan check` looks at beyond the model, so that no file is read twice. */
export interface ArticleSource {
  /** Absolute path. */
  path: string;
  /** Relative to the publication root, for messages. */
  file: string;
  /** Undefined when the file is not UTF-8. */
  text?: string;
  /** Undefined when the file has no front matter. */
  split?: SplitMarkdown;
  /** The front matter, when it is YAML. */
  yaml?: YamlSource;
  /** The body's Markdown syntax tree. */
  tree?: Root;
}

/**
 * Reads one article file: its front matter validated, its body parsed, its images checked. Every problem goes to
 * `findings`; the article is returned only when it has none.
 */
export function readArticle(
  file: string,
  issueId: string,
  publication: Publication | undefined,
  rel: (p: string) => string,
  findings: Finding[],
): { article?: Omit<Article, 'published'>; source: ArticleSource } {
  const source: ArticleSource = { path: file, file: rel(file) };
  const unreadable = (reason: string, line = 1) => {
    findings.push(finding('file-unreadable', { file: source.file, line }, { reason }));
    return { source };
  };
  try {
    source.text = readUtf8(file);
  } catch (error) {
    return unreadable(fileError(error));
  }
  if (source.text === undefined) {
    findings.push(encodingFinding(source.file));
    return { source };
  }
  const split = (source.split = splitFrontMatter(source.text));
  if (!split) {
    findings.push(finding('no-front-matter', { file: source.file, line: 1 }));
    return { source };
  }
  const parsed = parseYaml(split.yaml, source.file, split.yamlLine - 1);
  findings.push(...parsed.findings);
  source.yaml = parsed.source;
  const schema = articleSchemaOf(publication);
  const hints = articleHintsOf(publication);
  const validated = parsed.source ? validateYaml(parsed.source, schema, hints) : undefined;
  // A field another kind's articles have is no typo: said so instead of guessing at one.
  for (const [i, f] of (validated?.findings ?? []).entries()) {
    const other = publication && f.rule === 'unknown-key' && f.field ? otherKindWith(publication, f.field) : undefined;
    if (other) validated!.findings[i] = finding('unknown-key', f, { key: f.field!, allowed: [], otherKind: other });
  }
  findings.push(...(validated?.findings ?? []));
  const data = validated?.data;
  let ok = !!data;

  // The body is checked even when the front matter is wrong, so that a contributor sees every problem at once.
  if (!split.body.trim()) {
    ok = false;
    findings.push(finding('empty-article', { file: source.file, line: split.bodyLine }));
  }
  const past = pastLimits(split.body);
  if (past) return unreadable(past.reason, past.line + split.bodyLine - 1);
  const tree = (source.tree = parseMarkdown(split.body));
  for (const row of rowsPastHeader(tree)) {
    ok = false;
    findings.push(finding('table-row-too-long', { file: source.file, line: row.line + split.bodyLine - 1 }, row));
  }
  for (const unclosed of unclosedHtml(tree)) {
    ok = false;
    findings.push(finding('html-unclosed', { file: source.file, line: unclosed.line + split.bodyLine - 1 }, unclosed));
  }
  for (const ref of imageRefs(tree)) {
    checkImage({ ...ref, line: ref.line + split.bodyLine - 1 }, file, path.dirname(file), (f) => {
      ok = false;
      findings.push({ file: source.file, ...f });
    });
  }
  const name = parseArticleFileName(path.basename(file));
  if (!SLUG.test(name.slug)) {
    ok = false;
    findings.push(finding('file-name', { file: source.file, line: 1 }, { slug: name.slug }));
  }
  if (!parsed.source) return { source };
  const src: YamlSource = parsed.source;

  // What the file name and the section say is checked even when another field is wrong.
  const section = data?.section ?? src.doc.get('section');
  if (publication && typeof section === 'string' && section && !publication.sections.some((s) => s.id === section)) {
    ok = false;
    const ids = publication.sections.map((s) => `${s.id}（${s.title}）`).join('、');
    const guess = didYouMean(
      section,
      publication.sections.map((s) => s.id),
    );
    const at = { file: source.file, ...positionOf(src, ['section']), field: 'section' };
    findings.push(finding('unknown-section', at, { section, guess, sections: ids }));
  }
  // The kind's rules see the fields valid by themselves; a field the schema refused is not reported twice.
  const refused = new Set(validated?.findings.map((f) => f.field?.split('.')[0]));
  const fields = data ?? validFields(src, schema.shape);
  for (const p of publication && fields ? kindOf(publication).frontMatterProblems(fields, publication) : []) {
    if (refused.has(p.field)) continue;
    ok = false;
    const at = { file: source.file, ...positionOf(src, p.missing ? [] : [p.field]), field: p.field };
    findings.push(
      p.missing
        ? finding('missing-field', at, { field: p.field, hint: p.hint })
        : finding('invalid-value', at, {
            field: p.field,
            empty: false,
            problem: p.problem,
            value: (fields as Record<string, unknown>)[p.field],
            hint: p.hint,
          }),
    );
  }
  const order = data?.order ?? name.order;
  if (order === undefined && !src.doc.has('order')) {
    ok = false;
    const at = { file: source.file, ...positionOf(src, []), field: 'order' };
    findings.push(finding('missing-order', at, { hint: hints.order! }));
  }
  if (!ok || !data) return { source };
  return {
    source,
    article: {
      ...data,
      id: articleId(issueId, path.basename(file)),
      issueId,
      file: source.file,
      slug: name.slug,
      order: order!,
      url: articleUrl(issueId, name.slug),
      anchor: articleAnchor(name.slug),
      readingMinutes: readingMinutes(toString(tree)),
      widestTable: widestTable(tree),
    },
  };
}

/**
 * The front matter's fields that are valid by themselves, as the schema gives them; none when it is not a map of
 * fields (the schema has said what it is instead).
 */
function validFields(src: YamlSource, shape: Record<string, z.ZodType>): Partial<ArticleFrontMatter> | undefined {
  let value: unknown;
  try {
    value = src.doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined; // aliases past reason
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const valid: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Own fields only: `constructor: x` is no field of the schema's.
    const parsed = Object.hasOwn(shape, key) ? shape[key]!.safeParse(v) : undefined;
    if (parsed?.success) valid[key] = parsed.data;
  }
  return valid;
}
