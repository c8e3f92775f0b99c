/** A problem in the publication's files, located precisely enough for a contributor to fix it. */
export interface Finding {
  file: string;
  line: number;
  field?: string;
  message: string;
  hint?: string;
}

export function formatFinding(f: Finding): string {
  const where = `${f.file}:${f.line}`;
  const field = f.field ? ` [${f.field}]` : '';
  const hint = f.hint ? `\n    → ${f.hint}` : '';
  return `${where}${field} ${f.message}${hint}`;
}

/** Thrown when the content cannot be built; carries every finding, not just the first. */
export class ContentError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(
      `${findings.length} problem${findings.length === 1 ? '' : 's'} in the publication:\n` +
        findings.map((f) => '  ' + formatFinding(f)).join('\n'),
    );
    this.name = 'ContentError';
    this.findings = findings;
  }
}
