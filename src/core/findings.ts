import { RULES, type RuleId } from './rules.ts';

/** A problem in the publication's files, located precisely enough for a contributor to fix it. */
export interface Finding {
  file: string;
  line: number;
  /** 1-based; the start of the line when the problem is the whole line or file. */
  column?: number;
  field?: string;
  rule: RuleId;
  /** In Chinese: contributors and editors read it. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export type Severity = 'error' | 'warning';

export function severityOf(f: Finding): Severity {
  return RULES[f.rule].severity;
}

/** Whether a build must stop for it: an error, unless the build removes what it found. */
export function stopsBuild(f: Finding): boolean {
  const rule: { severity: Severity; removedByBuild?: true } = RULES[f.rule];
  return rule.severity === 'error' && !rule.removedByBuild;
}

/** One line per finding (and its hint): a contributor's text never breaks the line (nor forges a CI command). */
export function formatFinding(f: Finding): string {
  const flat = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const where = `${flat(f.file)}:${f.line}:${f.column ?? 1}`;
  const field = f.field ? ` [${flat(f.field)}]` : '';
  const hint = f.hint ? `\n    → ${flat(f.hint)}` : '';
  return `${where} ${severityOf(f) === 'error' ? '错误' : '警告'} ${f.rule}${field} ${flat(f.message)}${hint}`;
}

/** Findings in file order, then by position, each once, so that reports read from top to bottom. */
export function sortFindings(findings: Finding[]): Finding[] {
  const unique = [
    ...new Map(
      findings.map((f) => [JSON.stringify([f.file, f.line, f.column, f.rule, f.field, f.message]), f]),
    ).values(),
  ];
  return unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 1) - (b.column ?? 1));
}

/** Thrown when the content cannot be built; carries every finding, not just the first. */
export class ContentError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(
      `发布内容中有 ${findings.length} 处问题，无法构建：\n` +
        sortFindings(findings)
          .map((f) => '  ' + formatFinding(f))
          .join('\n'),
    );
    this.name = 'ContentError';
    this.findings = findings;
  }
}
