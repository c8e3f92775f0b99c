import fs from 'node:fs';
import path from 'node:path';
import { projectDir } from '../cli/project-dir.ts';
import { hashOf } from './runs.ts';

let memo: string | undefined;

/**
 * What of qikan itself makes a PDF, for the print cache's keys: its version, the print engine's and the kinds'
 * code (a change there must not reuse PDFs made before it), and the version of Paged.js.
 */
export function engineVersion(): string {
  if (memo) return memo;
  const read = (rel: string) => fs.readFileSync(path.join(projectDir, rel));
  const code = ['src/print', 'src/kinds'].flatMap((dir) =>
    (fs.readdirSync(path.join(projectDir, dir), { recursive: true }) as string[])
      .map((f) => path.join(dir, f))
      .filter((f) => fs.statSync(path.join(projectDir, f)).isFile())
      .sort(),
  );
  const pkg = (rel: string) => (JSON.parse(read(rel).toString('utf8')) as { version: string }).version;
  memo = hashOf(pkg('package.json'), pkg('node_modules/pagedjs/package.json'), ...code.flatMap((f) => [f, read(f)]));
  return memo;
}
