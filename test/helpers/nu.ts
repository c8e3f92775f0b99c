import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** The Nu HTML Checker's errors on every HTML file under `dir` (none: an empty list). */
export function nuErrors(dir: string): string[] {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', dir], { encoding: 'utf8' });
  if (r.error) throw new Error(`the Nu checker needs Java (scripts/install.sh installs it): ${r.error.message}`);
  return r.stderr
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(`file:${dir}/`, ''));
}
