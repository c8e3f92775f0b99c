// How close our magazine layout comes to the printed one. The corpus magazine (../shared/corpus) is imported
// into a temporary publication with this project's publication.yaml, its PDF is built, and each article's first
// page in our PDF (its folio, counted as our 目录 counts them: from the first page after the front matter) is
// compared with the page the printed 目录 gives it (printPage). Reports the mean and largest difference and the
// page counts of both. The same issue is measured in a second shape, as plain text (bench/reshape.ts), for an
// import that does not lean on the corpus's Markdown marks. Usage: npm run bench:import (under the machine's
// heavy-work lock on a shared machine).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { BuildManifest } from '../src/core/manifest.ts';
import { asPlainText } from './reshape.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const MAGAZINE = path.join(CORPUS, 'magazine-tiantangzhixin-2025.md');
const OUT = path.join(ROOT, 'bench', '.out');
const WORK = path.join(os.tmpdir(), 'qikan-bench-import');
const ISSUE = '2025-07';
const SHAPES = {
  markdown: 'the corpus text (Markdown-like, 目录 entries ▲Title — 01)',
  plain: 'the same issue as plain text (bench/reshape.ts: no Markdown, 目录 entries 01 Title)',
};
/** The corpus README: "a whole issue (about 72 printed pages)". */
const PRINTED_PAGES = 72;

function qikan(args: string[]): { seconds: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/qikan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0) throw new Error(`qikan ${args[0]} failed:\n${r.stdout}\n${r.stderr}`);
  return { seconds: (performance.now() - t0) / 1000, stdout: r.stdout };
}

/** Imports one shape of the corpus issue into a publication of its own, builds it and compares its pages. */
async function measure(shape: string, input: string) {
  const work = path.join(WORK, shape);
  const pub = path.join(work, 'publication');
  const dist = path.join(work, 'dist');
  await fs.mkdir(path.join(pub, 'issues'), { recursive: true });
  await fs.copyFile(path.join(ROOT, 'publication.yaml'), path.join(pub, 'publication.yaml'));

  const imported = qikan(['import', input, '--out', path.join(pub, 'issues', ISSUE)]);
  console.log(imported.stdout.trim());
  const built = qikan(['build', '--root', pub, '--out', dist, '--only', ISSUE]);
  const manifest = JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as BuildManifest;
  const issue = manifest.issues.find((i) => i.id === ISSUE)!;

  const rows = issue.articles.map((a) => {
    const text = readFileSync(path.join(pub, 'issues', `${a.id}.md`), 'utf8');
    const fm = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as { printPage: number; title: string };
    const ours = Number(a.folio);
    return { id: a.id, section: a.section, printed: fm.printPage, ours, diff: ours - fm.printPage };
  });
  const abs = rows.map((r) => Math.abs(r.diff));
  const mean = abs.reduce((s, d) => s + d, 0) / rows.length;
  const largest = rows.reduce((a, b) => (Math.abs(b.diff) > Math.abs(a.diff) ? b : a));
  const lastFolio = Math.max(...rows.map((r) => r.ours));
  return {
    shape,
    articles: rows.length,
    meanAbsoluteDifference: Number(mean.toFixed(2)),
    meanDifference: Number((rows.reduce((s, r) => s + r.diff, 0) / rows.length).toFixed(2)),
    largestDifference: { article: largest.id, printed: largest.printed, ours: largest.ours, diff: largest.diff },
    exact: rows.filter((r) => r.diff === 0).length,
    pages: {
      ours: issue.pages,
      oursLastArticleFolio: lastFolio,
      printed: PRINTED_PAGES,
      printedLastArticlePage: Math.max(...rows.map((r) => r.printed)),
    },
    buildSeconds: Number(built.seconds.toFixed(1)),
    rows,
  };
}

async function main() {
  if (!existsSync(MAGAZINE)) {
    console.log(`skipped: ${MAGAZINE} is not there (the corpus lives outside the repository)`);
    return;
  }
  await fs.rm(WORK, { recursive: true, force: true });
  await fs.mkdir(WORK, { recursive: true });
  const plain = path.join(WORK, 'magazine-plain-text.txt');
  await fs.writeFile(plain, asPlainText(readFileSync(MAGAZINE, 'utf8')));
  const shapes = [await measure('markdown', MAGAZINE), await measure('plain', plain)];

  const cpu =
    /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const result = {
    date: new Date().toISOString(),
    node: process.versions.node,
    machine: `${os.cpus().length} cores (${cpu}), load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    shapes,
  };
  await fs.mkdir(OUT, { recursive: true });
  await fs.writeFile(path.join(OUT, 'import-layout.json'), JSON.stringify(result, null, 2) + '\n');

  console.log(`\n${result.date.slice(0, 10)}, Node ${result.node}, ${result.machine}`);
  for (const r of shapes) {
    const l = r.largestDifference;
    console.log(`\n${SHAPES[r.shape as keyof typeof SHAPES]}`);
    console.log(`articles: ${r.articles}; start page equal to print: ${r.exact}`);
    console.log(
      `difference (ours − printed): mean |d| ${r.meanAbsoluteDifference}, mean d ${r.meanDifference}, largest ${l.diff} (${l.article}: printed ${l.printed}, ours ${l.ours})`,
    );
    console.log(
      `pages: ours ${r.pages.ours} in the PDF (last article starts on folio ${r.pages.oursLastArticleFolio}), printed about ${PRINTED_PAGES} (last article on page ${r.pages.printedLastArticlePage})`,
    );
    console.log(`build of the issue: ${r.buildSeconds} s`);
  }
  console.log('details in bench/.out/import-layout.json');
}

await main();
