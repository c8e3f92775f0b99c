// Pull-request workflow: which issues to build, from the change against the base branch. Writes `issues=` to
// $GITHUB_OUTPUT (or stdout only).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { touchedIssues } from '../src/check/changes.ts';

const [base] = process.argv.slice(2);
if (!base) throw new Error('usage: node scripts/pr-changes.ts <base-ref>');
const diff = execFileSync('git', ['diff', '--name-only', '--diff-filter=d', '-z', `${base}...HEAD`], {
  encoding: 'utf8',
});
const issues = touchedIssues(diff.split('\0').filter(Boolean));
const line = `issues=${issues === 'all' ? 'all' : issues.join(' ')}\n`;
if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, line);
process.stdout.write(line);
