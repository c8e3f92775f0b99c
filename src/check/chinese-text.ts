import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { run, type Options } from 'zhlint';
import { parseMarkdown } from '../core/markdown/parse.ts';
import {
  FACTS_BOX_MARK,
  FIGURE_CAPTION,
  PULL_QUOTE_MARK,
  SUBHEAD_NUMBER,
  TABLE_CAPTION,
} from '../core/markdown/patterns.ts';
import type { ZhRuleId } from '../core/rules.ts';

/** A problem in a Markdown body: where it starts (offset into the body), its rule and whether --fix mends it. */
export interface TextProblem {
  offset: number;
  rule: ZhRuleId;
  message: string;
  fixable: boolean;
}

/**
 * The house style for zhlint, after GB/T 15834 as the printed magazine follows it: full-width punctuation in
 * Chinese text (parentheses included), quotation marks as full-width, and no typed space between Han and Latin
 * (the typography adds that gap, `text-autospace`). Spaces inside inline code or around it are left alone.
 */
const HOUSE_RULES = {
  halfwidthPunctuation: '',
  fullwidthPunctuation: '，。：；？！“”‘’（）',
  adjustedFullwidthPunctuation: '',
  unifiedPunctuation: 'simplified',
  skipAbbrs: [
    'Mr.',
    'Mrs.',
    'Dr.',
    'Jr.',
    'Sr.',
    'vs.',
    'etc.',
    'i.e.',
    'e.g.',
    'a.k.a',
    'Co.',
    'Ltd.',
    'Inc.',
    'Corp.',
    'No.',
    'U.S.',
    'N.V.',
    'Ph.D.',
  ],
  spaceBetweenHalfwidthContent: true,
  noSpaceBetweenFullwidthContent: true,
  spaceBetweenMixedwidthContent: false,
  skipZhUnits: '年月日天号时分秒',
  noSpaceBeforePauseOrStop: true,
  // A space after half-width punctuation or outside half-width quotes and brackets is Western style: in Chinese
  // text those marks are mistakes in themselves (reported above), and no space is added next to them.
  noSpaceAfterFullwidthPauseOrStop: true,
  noSpaceOutsideFullwidthQuotation: true,
  noSpaceInsideQuotation: true,
  noSpaceOutsideFullwidthBracket: true,
  noSpaceInsideBracket: true,
  noSpaceInsideHyperMark: true,
  trimSpace: true,
  skipPureWestern: true,
} satisfies NonNullable<Options['rules']>;

/**
 * What --fix applies: not the space between two Han runs, often meant (本刊记者 张三, 协会秘书处 陈老师), and
 * not a full stop, which a Latin abbreviation may end in (U.S.公司): both reported, left to the writer.
 */
const FIX_RULES = {
  ...HOUSE_RULES,
  noSpaceBetweenFullwidthContent: undefined,
  fullwidthPunctuation: HOUSE_RULES.fullwidthPunctuation.replace('。', ''),
};

/** zhlint's messages (it names no rules) → our rule ids and messages. */
const ZHLINT_MESSAGES: Record<string, [ZhRuleId, string]> = {
  此处标点符号需要使用全角: ['zh-fullwidth-punctuation', '中文句子里用了半角标点，应使用全角标点'],
  此处标点符号需要使用半角: ['zh-fullwidth-punctuation', '此处标点符号的全角、半角用法有误'],
  此处字符需要统一: ['zh-punctuation-unification', '标点写法不统一'],
  此处标点符号需要统一到简体: ['zh-punctuation-unification', '标点应使用简体中文的写法'],
  此处标点符号需要统一到繁体: ['zh-punctuation-unification', '标点应使用简体中文的写法'],
  // zhlint gives both the "needs a space" and the "needs no space" check this text; our house style only asks for none.
  此处中英文内容之间需要一个空格: ['zh-space-han-latin', '汉字与英文、数字之间不加空格'],
  此处全角内容之间不需要空格: ['zh-space-between-han', '汉字之间多了空格'],
  此处半角内容之间需要一个空格: ['zh-space-latin', '英文单词、数字之间应只有一个空格'],
  此处标点符号前不需要空格: ['zh-space-punctuation', '标点前不加空格'],
  此处标点符号后不需要空格: ['zh-space-punctuation', '全角标点后不加空格'],
  此处标点符号后需要一个空格: ['zh-space-punctuation', '半角标点后应有一个空格'],
  此处括号的内部不需要空格: ['zh-space-bracket', '括号内侧不加空格'],
  此处括号的外部不需要空格: ['zh-space-bracket', '括号外侧不加空格'],
  此处括号的外部需要一个空格: ['zh-space-bracket', '半角括号外侧应有一个空格'],
  此处引号的内部不需要空格: ['zh-space-quotation', '引号内侧不加空格'],
  此处引号的外部不需要空格: ['zh-space-quotation', '引号外侧不加空格'],
  此处引号的外部需要一个空格: ['zh-space-quotation', '半角引号外侧应有一个空格'],
  '此处 Markdown 标记的空格需要在外部': ['zh-space-markdown', 'Markdown 标记（加粗、链接等）内侧多了空格'],
  '此处 Markdown 标记的内部不需要空格': ['zh-space-markdown', 'Markdown 标记（加粗、链接等）内侧多了空格'],
  此处需要去除外部空格: ['zh-space-trim', '段落首尾多了空格'],
};

const FULLWIDTH_ALPHANUMERIC = /[Ａ-Ｚａ-ｚ０-９]+/g;

/** A half-width full stop after a Han character, with the spaces after it, before Han text or the end of the run. */
const HAN_FULL_STOP = /(?<=\p{Script=Han})\.[ \t]*(?=\p{Script=Han}|$)/gu;
const HAN_FULL_STOP_AT = /^\p{Script=Han}\.[ \t]*(\p{Script=Han}|$)/mu;

/** The source of each text node (outside code and bare URLs), with its offset: where our own rules look. */
function textRuns(source: string, tree: Root): { value: string; offset: number }[] {
  const runs: { value: string; offset: number }[] = [];
  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'text') runs.push({ value: source.slice(start, end), offset: start });
    // The text of a bare URL (<https://…> or typed into a sentence) is the URL itself.
    if (node.type === 'link' && source[start] !== '[') return SKIP;
  });
  return runs;
}

/**
 * What zhlint is told to leave as written: the numbers that start subheads and captions (## 01 标题, ### 1. 标题,
 * 表1 标题), followed by a space on purpose; a bare URL with the spaces around it, without which the link would
 * run on into the Chinese text after it; and English lists and names with their commas.
 */
function ignoredCases(source: string, tree: Root): { textStart: string }[] {
  const prefixes = new Set<string>();
  visit(tree, (node, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'link' && start !== undefined && end !== undefined && !/^[[<]/.test(source.slice(start, end))) {
      prefixes.add(
        source.slice(
          /\s/.test(source[start - 1] ?? '') ? start - 1 : start,
          /\s/.test(source[end] ?? '') ? end + 1 : end,
        ),
      );
    }
    if (node.type === 'heading' || node.type === 'paragraph') {
      const first = node.children[0];
      const m =
        first?.type === 'text'
          ? (SUBHEAD_NUMBER.exec(first.value) ?? FIGURE_CAPTION.exec(first.value) ?? TABLE_CAPTION.exec(first.value))
          : null;
      if (m && /\s$/.test(m[0])) prefixes.add(m[0]);
    }
    // The `[!引语]` / `[!资料]` that opens a quote block is markup, in ASCII brackets (rehype-asides.ts).
    if (node.type === 'paragraph' && parent?.type === 'blockquote' && index === 0) {
      const first = node.children[0];
      const m = first?.type === 'text' ? (PULL_QUOTE_MARK.exec(first.value) ?? FACTS_BOX_MARK.exec(first.value)) : null;
      if (m) prefixes.add(m[0]);
    }
  });
  // A comma between Latin words is English (Micron Technology, Inc.; Intel, AMD and Arm), not a Chinese comma.
  for (const m of source.matchAll(/[A-Za-z0-9]+, [A-Za-z]/g)) prefixes.add(m[0]);
  // A newspaper's credit spaces its parts as the papers print them: （本报记者 周楠 摄）（记者 王明 通讯员 李华）.
  for (const m of source.matchAll(/（[^（）\n]{0,40}?(?:记者|通讯员|摄|整理)[^（）\n]{0,20}）/g)) prefixes.add(m[0]);
  return [...prefixes].map((textStart) => ({ textStart }));
}

/** The content of each table cell (zhlint does not look into tables): its offsets in the body. */
function tableCells(tree: Root): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  visit(tree, 'tableCell', (cell) => {
    const first = cell.children[0]?.position?.start.offset;
    const last = cell.children.at(-1)?.position?.end.offset;
    if (first !== undefined && last !== undefined) cells.push({ start: first, end: last });
    return SKIP;
  });
  return cells;
}

/** zhlint's findings in `text`, as problems at `base` + their offset. */
function zhlintProblems(text: string, base: number): TextProblem[] {
  const { validations } = run(text, { rules: HOUSE_RULES, ignoredCases: ignoredCases(text, parseMarkdown(text)) });
  const problems = validations.map((v): TextProblem => {
    const [rule, message] = ZHLINT_MESSAGES[v.message] ?? ['zh-fullwidth-punctuation', v.message];
    // A space problem is reported after a token: point at the space itself, where the writer has to look.
    const offset = base + (v.target === 'spaceAfter' ? v.index + v.length : v.index);
    // A full stop is fixed only between Han characters (举行. 本次): after Latin it may end an abbreviation (U.S.).
    const fullStop = rule === 'zh-fullwidth-punctuation' && text[v.index] === '.';
    const fixable = rule !== 'zh-space-between-han' && (!fullStop || HAN_FULL_STOP_AT.test(text.slice(v.index - 1)));
    return { offset, rule, message, fixable };
  });
  // The space after a full stop that --fix leaves stays too: it is not offered as fixed.
  const kept = new Set(
    problems.filter((p) => !p.fixable && p.rule === 'zh-fullwidth-punctuation').map((p) => p.offset + 1),
  );
  return problems.map((p) => (p.rule === 'zh-space-punctuation' && kept.has(p.offset) ? { ...p, fixable: false } : p));
}

/** Every Chinese-text problem of a Markdown body (no front matter), in order. */
export function lintChinese(body: string): TextProblem[] {
  const tree = parseMarkdown(body);
  const problems = zhlintProblems(body, 0);
  for (const cell of tableCells(tree)) problems.push(...zhlintProblems(body.slice(cell.start, cell.end), cell.start));
  for (const run of textRuns(body, tree)) {
    for (const m of run.value.matchAll(FULLWIDTH_ALPHANUMERIC)) {
      problems.push({
        offset: run.offset + m.index,
        rule: 'zh-fullwidth-alphanumeric',
        message: `全角字母或数字“${m[0]}”应改为半角“${m[0].normalize('NFKC')}”`,
        fixable: true,
      });
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/** The body with every safe fix applied; front matter is never passed in, code and URLs stay as written. */
export function fixChinese(body: string): string {
  const zhlintFix = (text: string) =>
    run(text, { rules: FIX_RULES, ignoredCases: ignoredCases(text, parseMarkdown(text)) }).result;
  let fixed = zhlintFix(body);
  for (const cell of tableCells(parseMarkdown(fixed)).reverse()) {
    // A cell stays on its row: a fix that would add or take away a line break or a pipe is not made.
    const before = fixed.slice(cell.start, cell.end);
    const text = zhlintFix(before);
    const shape = (s: string) => s.replace(/[^\n|\\]/g, '');
    if (shape(text) === shape(before)) fixed = fixed.slice(0, cell.start) + text + fixed.slice(cell.end);
  }
  const edits = textRuns(fixed, parseMarkdown(fixed)).flatMap((r) => [
    ...[...r.value.matchAll(FULLWIDTH_ALPHANUMERIC)].map((m) => ({
      at: r.offset + m.index,
      from: m[0],
      to: m[0].normalize('NFKC'),
    })),
    ...[...r.value.matchAll(HAN_FULL_STOP)].map((m) => ({ at: r.offset + m.index, from: m[0], to: '。' })),
  ]);
  let out = fixed;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.to + out.slice(e.at + e.from.length);
  return out;
}
