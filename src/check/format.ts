import { formatFinding, severityOf, type Finding } from '../core/findings.ts';

export type Format = 'text' | 'github' | 'json';

/** GitHub's workflow commands: `%`, CR and LF escaped in the message, also `:` and `,` in properties. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The findings as `qikan check` prints them, in one of its formats; ends with a newline when not empty. */
export function formatFindings(findings: Finding[], format: Format): string {
  if (format === 'json') {
    const list = findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column ?? 1,
      rule: f.rule,
      severity: severityOf(f),
      field: f.field,
      message: f.message,
      hint: f.hint,
    }));
    return JSON.stringify(list, null, 2) + '\n';
  }
  if (format === 'github') {
    return findings
      .map((f) => {
        const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column ?? 1},title=${escapeProperty(f.rule)}`;
        return `::${severityOf(f)} ${props}::${escapeData(`${f.message}${f.hint ? `（${f.hint}）` : ''} [${f.rule}]`)}\n`;
      })
      .join('');
  }
  return findings.map((f) => formatFinding(f) + '\n').join('');
}

export function summary(findings: Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => severityOf(f) === 'error').length;
  return { errors, warnings: findings.length - errors };
}
