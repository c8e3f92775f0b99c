// Lighthouse on the built website: the home page and one article, with Lighthouse's defaults (mobile form factor,
// simulated slow 4G and a 4× slower CPU), in the system Chromium. Reports the four category scores, LCP and the bytes
// each page transfers by resource type. Usage: npm run bench:web
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumArgs, findChromium } from '../src/print/chromium.ts';
import { serveDirectory } from '../src/print/serve.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'bench', '.out');
const PAGES = { home: '/', article: '/2026-10/hengji-ipo-application/' };
/** Shared with bench/print.ts and outside the project: Lighthouse's ~90 packages stay out of its lock file. */
const PEERS_DIR = path.join(os.tmpdir(), 'qikan-bench-peers');
/** Pinned, so that scores from different days compare (Lighthouse re-weighs its metrics between majors). */
const LIGHTHOUSE = '13.5.0';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Lighthouse's resourceType (Chrome DevTools' names) → our columns; anything else is "other". */
const KINDS: Record<string, string> = {
  Document: 'html',
  Stylesheet: 'css',
  Font: 'fonts',
  Image: 'images',
  Script: 'js',
};
const COLUMNS = ['html', 'css', 'fonts', 'images', 'js', 'other'] as const;

/** The few parts of Lighthouse's result used here; its own types live in the temp folder, not in the project. */
interface Lhr {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  environment: { benchmarkIndex: number };
  configSettings: {
    formFactor: string;
    throttlingMethod: string;
    throttling: { rttMs: number; throughputKbps: number; cpuSlowdownMultiplier: number };
  };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; details?: { items?: unknown[] } }>;
}
type Lighthouse = (
  url: string,
  flags: { port: number; output: 'json'; logLevel: 'error' },
) => Promise<{ lhr: Lhr } | undefined>;
interface ChromeLauncher {
  launch(opts: {
    chromePath: string;
    chromeFlags: string[];
    logLevel: 'error';
  }): Promise<{ port: number; kill(): void }>;
}

const peer = async <T>(file: string) =>
  (await import(pathToFileURL(path.join(PEERS_DIR, 'node_modules', file)).href)) as T;

/** Installs Lighthouse once into PEERS_DIR (chrome-launcher comes with it). */
function installLighthouse(): void {
  const pkg = path.join(PEERS_DIR, 'node_modules', 'lighthouse', 'package.json');
  if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version === LIGHTHOUSE) return;
  console.log(`installing lighthouse@${LIGHTHOUSE} into ${PEERS_DIR} …`);
  mkdirSync(PEERS_DIR, { recursive: true });
  if (!existsSync(path.join(PEERS_DIR, 'package.json')))
    writeFileSync(path.join(PEERS_DIR, 'package.json'), '{"private":true}\n');
  // PUPPETEER_SKIP_DOWNLOAD: never fetch a browser; the system Chromium is used.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', `lighthouse@${LIGHTHOUSE}`], {
    cwd: PEERS_DIR,
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Transferred bytes (headers included) of every request the page made, by our columns. */
function bytesByKind(lhr: Lhr): Record<(typeof COLUMNS)[number] | 'total', number> {
  const bytes = { html: 0, css: 0, fonts: 0, images: 0, js: 0, other: 0, total: 0 };
  const items = (lhr.audits['network-requests']?.details?.items ?? []) as {
    resourceType?: string;
    transferSize?: number;
  }[];
  for (const { resourceType = '', transferSize = 0 } of items) {
    bytes[(KINDS[resourceType] ?? 'other') as keyof typeof bytes] += transferSize;
    bytes.total += transferSize;
  }
  return bytes;
}

/** What cost points outside performance (whose audits are metrics, not pass/fail): the audits that did not pass. */
const failing = (lhr: Lhr) =>
  CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
      .map((r) => `${c}/${r.id}`),
  );

function summarize(page: string, pathname: string, lhr: Lhr) {
  const { formFactor, throttlingMethod, throttling: t } = lhr.configSettings;
  return {
    page,
    path: pathname,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    transferBytes: bytesByKind(lhr),
    requests: lhr.audits['network-requests']?.details?.items?.length ?? 0,
    failing: failing(lhr),
    warnings: lhr.runWarnings,
    lighthouse: lhr.lighthouseVersion,
    settings: `${formFactor}, ${throttlingMethod} throttling: ${t.rttMs} ms RTT, ${(t.throughputKbps / 1024).toFixed(1)} Mbit/s, ${t.cpuSlowdownMultiplier}× CPU slowdown`,
    // Lighthouse's own measure of this machine's CPU speed; its simulated metrics scale with it.
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

async function main() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.log('dist/ has no website: building it (no PDF) …');
    execFileSync(process.execPath, ['src/cli/qikan.ts', 'build', '--no-pdf'], { cwd: ROOT, stdio: 'inherit' });
  }
  await fs.mkdir(OUT, { recursive: true });
  installLighthouse();
  const { default: lighthouse } = await peer<{ default: Lighthouse }>('lighthouse/core/index.js');
  const chromeLauncher = await peer<ChromeLauncher>('chrome-launcher/dist/index.js');

  const chromium = findChromium();
  const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim();
  const loadAtStart = os.loadavg();
  const server = await serveDirectory(DIST);
  // One browser for both pages: Lighthouse clears the cache and storage before each, so both are cold loads.
  const chrome = await chromeLauncher.launch({
    chromePath: chromium,
    chromeFlags: ['--headless', ...chromiumArgs()],
    logLevel: 'error',
  });
  const pages: ReturnType<typeof summarize>[] = [];
  try {
    for (const [name, pathname] of Object.entries(PAGES)) {
      console.log(`lighthouse ${pathname} …`);
      const lhr = (
        await lighthouse(`${server.url}${pathname}`, { port: chrome.port, output: 'json', logLevel: 'error' })
      )?.lhr;
      if (!lhr) throw new Error(`lighthouse returned no result for ${pathname}`);
      if (lhr.runtimeError)
        throw new Error(`lighthouse ${pathname}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      // The whole report, for looking into a score; the summary below is what compares across runs.
      await fs.writeFile(path.join(OUT, `lighthouse-${name}.lhr.json`), JSON.stringify(lhr));
      pages.push(summarize(name, pathname, lhr));
    }
  } finally {
    chrome.kill();
    await server.close();
  }

  const result = {
    date: new Date().toISOString(),
    node: process.versions.node,
    chromium: `${chromium} ${chromiumVersion}`,
    lighthouse: pages[0]?.lighthouse,
    settings: pages[0]?.settings,
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpu:
      /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    // Another user of this 2-core machine shows here: 1-, 5- and 15-minute averages.
    loadAverage: {
      start: loadAtStart.map((l) => Number(l.toFixed(2))),
      end: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    pages,
  };
  await fs.writeFile(path.join(OUT, 'lighthouse.json'), JSON.stringify(result, null, 2) + '\n');

  console.log(
    `\n${result.date}  Node ${result.node}  ${chromiumVersion}  Lighthouse ${result.lighthouse}  nproc ${result.nproc}  ${result.cpu}`,
  );
  console.log(`${result.settings}; transferred KiB by type (uncompressed: serveDirectory does not gzip)\n`);
  const kib = (n: number) => (n / 1024).toFixed(1);
  const table = [
    ['page', 'perf', 'a11y', 'best-pr', 'seo', 'LCP ms', ...COLUMNS, 'total', 'requests'],
    ...pages.map((p) => [
      p.page,
      ...CATEGORIES.map((c) => String(p.scores[c])),
      String(p.lcpMs),
      ...COLUMNS.map((k) => kib(p.transferBytes[k])),
      kib(p.transferBytes.total),
      String(p.requests),
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table)
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  console.log('');
  for (const p of pages) if (p.failing.length) console.log(`${p.page} did not pass: ${p.failing.join(', ')}`);
  for (const p of pages) for (const w of p.warnings) console.log(`${p.page} warning: ${w}`);
  console.log(
    `\n→ ${path.relative(process.cwd(), path.join(OUT, 'lighthouse.json'))}, full reports in ${path.relative(process.cwd(), OUT)}/lighthouse-*.lhr.json`,
  );
}

await main();
