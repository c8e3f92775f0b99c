import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Finding } from '../../src/core/findings.ts';
import { markdownProcessor } from '../../src/core/markdown/pipeline.ts';
import { sourceBlocks } from '../../src/core/markdown/source-blocks.ts';
import { readPublication } from '../../src/core/model.ts';
import { compact } from '../../src/print/compact-text.ts';

/** Pieces of Markdown that have broken parsers and sanitizers: nesting, unbalanced HTML, tables, mixed scripts. */
const piece = fc.oneof(
  fc.constantFrom(
    '>',
    '> ',
    '- ',
    '* ',
    '1. ',
    '#',
    '## ',
    '[',
    ']',
    '(',
    ')',
    '![',
    '**',
    '_',
    '`',
    '```',
    '|',
    '\\',
    '\n',
    '\n\n',
    '  ',
  ),
  fc.constantFrom(
    '<!--',
    '-->',
    '<textarea>',
    '</textarea>',
    '<script>',
    '</script>',
    '<div>',
    '</div>',
    '<sup>',
    '<a href="javascript:x">',
    '&#106;',
    '&amp;',
  ),
  fc.constantFrom(
    '| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |',
    '表1 指标',
    '图1 图注',
    '资料来源：协会',
    '（来源：本刊）',
    '问：',
    '答：',
    '01 小标题',
  ),
  fc.constantFrom(
    '集成电路',
    '芯片',
    'RISC-V',
    'AI',
    '，',
    '。',
    '“',
    '”',
    '（',
    '）',
    'ＡＢＣ',
    '\u200b',
    '\u0007',
    '\ufeff',
    '\r\n',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
export const markdownBody = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

const yamlValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    '~',
    '[]',
    '{}',
    '[草稿]',
    '"未闭合',
    "'x'",
    '&a x',
    '*a',
    '!!binary x',
    '2026-13-01',
    'yes',
    '-1',
    '3.5',
    '"\\x07"',
    '|\n  多行',
  ),
);
const yamlKey = fc.constantFrom(
  'title',
  'section',
  'order',
  'date',
  'newPage',
  'columns',
  'print',
  'web',
  'summary',
  'authors',
  'source',
  'sumary',
  '标题',
);
/** Front matter: real keys with odd values, misspelt keys, broken YAML, BOMs and CRLF. */
export const frontMatter = fc
  .tuple(
    fc.array(fc.tuple(yamlKey, yamlValue), { maxLength: 6 }),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([pairs, valid, eol, bom]) => {
    const lines = [...(valid ? ['title: 标题', 'section: news'] : []), ...pairs.map(([k, v]) => `${k}: ${v}`)];
    return `${bom ? '\ufeff' : ''}---${eol}${lines.join(eol)}${eol}---${eol}`;
  });
export const fileName = fc.oneof(
  fc.constantFrom(
    '01-a.md',
    '02-B.md',
    '03-a.MD',
    'outlook.md',
    '004-x.md',
    '05-中文.md',
    '06-a b.md',
    '.md',
    '07-a.markdown',
  ),
  fc.stringMatching(/^[0-9]{1,4}-[a-z0-9-]{1,12}\.md$/),
);

/** What a case must end in: findings that name a file of the publication and a line, or a clean model. */
export function problemsOf(root: string, findings: Finding[]): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    if (!f.file || !fs.existsSync(path.resolve(root, f.file)))
      problems.push(`finding without its file: ${JSON.stringify(f)}`);
    if (!(f.line >= 1)) problems.push(`finding without a line: ${JSON.stringify(f)}`);
    if (f.message.length > 400) problems.push(`message of ${f.message.length} characters`);
  }
  return problems;
}

/** Text of the source that the rendered HTML lost without a finding. */
export async function lostWithoutFinding(root: string): Promise<string[]> {
  const { model, sources } = readPublication(root);
  const renderer = await markdownProcessor.createRenderer({ syntaxHighlight: false });
  const lost: string[] = [];
  for (const article of model?.issues.flatMap((i) => i.articles) ?? []) {
    const source = sources.articles.find((s) => s.file === article.file)!;
    const html = compact(toString(fromHtml((await renderer.render(source.split!.body)).code, { fragment: true })));
    let cursor = 0;
    for (const block of sourceBlocks(source.tree!)) {
      const at = html.indexOf(block, cursor);
      if (at < 0) lost.push(`${article.file}: "${block.slice(0, 40)}"`);
      else cursor = at + block.length;
    }
  }
  return lost;
}
