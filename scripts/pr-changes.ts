// Pull-request workflow: which files to check and which issues to build, from the change against the base
// branch. Writes `issues=` to $GITHUB_OUTPUT (or stdout) and the files to check, one per line, to the file given.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { changesOf } from '../src/lib/changes.ts';

const [base, filesOut] = process.argv.slice(2);
if (!base || !filesOut) throw new Error('usage: node scripts/pr-changes.ts <base-ref> <files-out>');
const diff = execFileSync('git', ['diff', '--name-only', '--diff-filter=d', '-z', `${base}...HEAD`], { encoding: 'utf8' });
const { files, issues } = changesOf(diff.split('\0').filter(Boolean));
fs.writeFileSync(filesOut, files.join('\n') + (files.length ? '\n' : ''));
const line = `issues=${issues === 'all' ? 'all' : issues.join(' ')}\n`;
if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, line);
process.stdout.write(`files to check: ${files.length}\n${line}`);
