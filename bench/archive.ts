// An archive of N issues (copies of a sample issue, numbered on: bench/synthetic.ts) built as a CI job builds it:
//   cold      `qikan build` with no cache
//   kept      the same into a new output folder, the cache folder kept (as actions/cache restores it)
//   unchanged the same again into that output folder (the last build's PDFs are there)
// and the number of PDFs each one printed, read from the build's `pdf:` lines.
// Usage: npm run bench:archive [-- --issues N --from issues/2026-11]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveOf } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'bench', '.out');
const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const COUNT = Number(option('--issues') ?? 100);
const FROM = path.resolve(ROOT, option('--from') ?? 'issues/2026-11');

interface Build {
  step: string;
  seconds: number;
  printed: number;
  reused: number;
}

/** Runs `qikan build` as a user does, with plain CI output; counts its issues' PDF lines by what they did. */
function build(step: string, root: string, out: string): Promise<Build> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const args = [path.join(ROOT, 'src/cli/qikan.ts'), 'build', '--root', root, '--out', out];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CI: 'true' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${step}: qikan build exited with ${code}\n${output.slice(-2000)}`));
      const lines = output.split('\n').filter((l) => /^pdf: [^ ]+: \d+ pages/.test(l));
      // A PDF made (again) says how many of its runs it paginated; a whole PDF reused says where it came from.
      const printed = lines.filter((l) => / runs paginated, /.test(l)).length;
      const reused = lines.filter((l) => /MB, reused from the cache \(|reused from the last build/.test(l)).length;
      resolve({ step, seconds: (performance.now() - t0) / 1000, printed, reused });
    });
  });
}

const root = path.join(OUT, 'archive');
const ids = archiveOf(FROM, COUNT, root);
const builds = [
  await build('cold', root, path.join(root, 'dist-a')),
  await build('kept', root, path.join(root, 'dist-b')),
  await build('unchanged', root, path.join(root, 'dist-b')),
];
const result = {
  date: new Date().toISOString(),
  node: process.versions.node,
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  issues: ids.length,
  from: path.relative(ROOT, FROM),
  builds,
};
writeFileSync(path.join(OUT, 'archive.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`\n${result.date}  Node ${result.node}  nproc ${result.nproc}  ${result.cpu}`);
console.log(`${ids.length} issues, each a copy of ${result.from}\n`);
console.log('build      seconds  PDFs printed  PDFs reused');
for (const b of builds)
  console.log(
    `${b.step.padEnd(9)}  ${b.seconds.toFixed(1).padStart(7)}  ${String(b.printed).padStart(12)}  ${String(b.reused).padStart(11)}`,
  );
