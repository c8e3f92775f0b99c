import fs from 'node:fs';
import path from 'node:path';
import { checkPublication, fixPublication } from '../check/index.ts';
import { formatFindings, summary, type Format } from '../check/format.ts';

export interface CheckCliOptions {
  root: string;
  format: Format;
  fix?: boolean;
  strict?: boolean;
}

/** `qikan check`: prints the findings; the exit code is 1 on an error, or on a warning with --strict. */
export async function runCheck(paths: string[], opts: CheckCliOptions): Promise<number> {
  if (!['text', 'github', 'json'].includes(opts.format))
    throw new Error(`--format ${opts.format}：只能是 text、github 或 json`);
  const missing = paths.filter((p) => !fs.existsSync(path.resolve(opts.root, p)));
  if (missing.length) throw new Error(`找不到 ${missing.join('、')}（路径相对于 ${path.resolve(opts.root)}）`);
  if (opts.fix) {
    for (const file of fixPublication(opts.root, { paths })) process.stderr.write(`已改正 ${file}\n`);
  }
  const findings = await checkPublication(opts.root, { paths });
  process.stdout.write(formatFindings(findings, opts.format));
  const { errors, warnings } = summary(findings);
  if (opts.format === 'text') {
    process.stderr.write(findings.length ? `${errors} 个错误，${warnings} 个警告\n` : '检查通过，没有发现问题\n');
  }
  return errors || (opts.strict && warnings) ? 1 : 0;
}
