// The fuzz properties of test/fuzz with many more cases and a new seed each time (printed, to replay a failure with
// QIKAN_FUZZ_SEED=<seed> npm test -- test/fuzz). Usage: npm run bench:fuzz [-- cases]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = process.argv[2] ?? '2000';
const seed = String(Date.now() % 2 ** 31);
process.stdout.write(`fuzz: ${runs} cases per property, seed ${seed}\n`);
const started = performance.now();
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, QIKAN_FUZZ_RUNS: runs, QIKAN_FUZZ_SEED: seed },
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `fuzz: ${((Number(runs) * 2) / seconds).toFixed(0)} cases/s, ${seconds.toFixed(0)} s, seed ${seed}\n`,
);
process.exitCode = r.status ?? 1;
