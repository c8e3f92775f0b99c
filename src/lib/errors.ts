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

export function formatFinding(f: Finding): string {
  const where = `${f.file}:${f.line}:${f.column ?? 1}`;
  const field = f.field ? ` [${f.field}]` : '';
  const hint = f.hint ? `\n    → ${f.hint}` : '';
  return `${where} ${severityOf(f) === 'error' ? '错误' : '警告'} ${f.rule}${field} ${f.message}${hint}`;
}

/** Findings in file order, then by position, so that reports read from top to bottom. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 1) - (b.column ?? 1));
}

/** Thrown when the content cannot be built; carries every finding, not just the first. */
export class ContentError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(`发布内容中有 ${findings.length} 处问题，无法构建：\n` + sortFindings(findings).map((f) => '  ' + formatFinding(f)).join('\n'));
    this.name = 'ContentError';
    this.findings = findings;
  }
}
