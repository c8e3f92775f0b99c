// Times qikan's print step against other ways of printing the same issue, side by side in one run:
//   qikan        the print stages prepare, paginate (Paged.js), decorate, render, in an already launched Chromium
//   chromium     the same Chromium printing the print document as it is, without Paged.js
//   pagedjs-cli  and  vivliostyle: the CLIs, each launching the same system Chromium for every run
// The three others get a copy of the print document without its <script> tags (bench/.out/site/bench/<issue>/), so that
// none of them runs our pagination on top of its own. Usage: npm run bench [-- issue-id ...]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { chromiumArgs, findChromium, launchBrowser } from '../src/print/chromium.ts';
import { loadModel, type Model } from '../src/core/model.ts';
import { kindOf } from '../src/kinds/index.ts';
import { decorate } from '../src/print/stages/decorate.ts';
import { paginate } from '../src/print/stages/paginate.ts';
import { prepareRun } from '../src/print/stages/prepare.ts';
import { renderPdf } from '../src/print/stages/render.ts';
import { serveDirectory } from '../src/print/serve.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'bench', '.out');
/** The site with its print documents (a build leaves them out of dist/ by default), built for the bench. */
const DIST = path.join(OUT, 'site');
const RUNS = 3;
const ISSUES = process.argv.slice(2).length ? process.argv.slice(2) : ['2026-10', '2026-11'];
/** Outside the project: the peers and their hundreds of packages must not touch its node_modules or lock file. */
const PEERS_DIR = path.join(os.tmpdir(), 'qikan-bench-peers');
/** Pinned, so that numbers from different days compare. */
const PEERS = { 'pagedjs-cli': '0.4.3', '@vivliostyle/cli': '11.0.0' };
const PEER_TIMEOUT_MS = 5 * 60_000;

interface Run {
  seconds: number;
  pages: number;
  steps?: Record<string, number>;
}
interface Tool {
  name: string;
  how: string;
  run(issue: string): Promise<Run>;
}

const since = (t0: number) => (performance.now() - t0) / 1000;
const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs a command; rejects with the last line it printed, which is where CLIs put their error. */
function exec(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeout: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeout: opts.timeout });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const last =
        output
          .replace(/\x1b\[[0-9;]*m/g, '')
          .trim()
          .split('\n')
          .pop() ?? '';
      reject(new Error(`${path.basename(cmd)} exited with ${signal ?? code}${last ? `: ${last.trim()}` : ''}`));
    });
  });
}

/** The print document as the peers should see it: no Paged.js, no qikan script, every image loaded eagerly. */
async function bareCopy(issue: string): Promise<void> {
  const html = await fs.readFile(path.join(DIST, 'print', issue, 'index.html'), 'utf8');
  const bare = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/\sloading="lazy"/g, '');
  if (/<script\b/i.test(bare)) throw new Error(`${issue}: a <script> tag was left in the copy`);
  await fs.mkdir(path.join(DIST, 'bench', issue), { recursive: true });
  await fs.writeFile(path.join(DIST, 'bench', issue, 'index.html'), bare);
}

/** Installs the peers once into PEERS_DIR; returns why they cannot be used, if so. */
async function installPeers(): Promise<string | undefined> {
  const missing = Object.keys(PEERS).filter(
    (p) => !existsSync(path.join(PEERS_DIR, 'node_modules', p, 'package.json')),
  );
  if (!missing.length) return;
  console.log(`installing ${missing.join(', ')} into ${PEERS_DIR} …`);
  await fs.mkdir(PEERS_DIR, { recursive: true });
  if (!existsSync(path.join(PEERS_DIR, 'package.json')))
    await fs.writeFile(path.join(PEERS_DIR, 'package.json'), '{"private":true}\n');
  const specs = Object.entries(PEERS).map(([name, version]) => `${name}@${version}`);
  // PUPPETEER_SKIP_DOWNLOAD: pagedjs-cli's puppeteer would fetch a browser of its own; the system Chromium is used.
  return exec('npm', ['install', '--no-audit', '--no-fund', ...specs], {
    cwd: PEERS_DIR,
    env: { PUPPETEER_SKIP_DOWNLOAD: '1' },
    timeout: 10 * 60_000,
  }).then(
    () => undefined,
    (e: Error) => `npm install failed (${e.message})`,
  );
}

/** A peer's command-line entry point, run with this Node rather than whichever `node` is first on PATH. */
function peerBin(pkg: string, name: string): { file: string; version: string } {
  const dir = path.join(PEERS_DIR, 'node_modules', pkg);
  const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version: string;
    bin: string | Record<string, string>;
  };
  return { file: path.join(dir, typeof json.bin === 'string' ? json.bin : json.bin[name]!), version: json.version };
}

function qikan(browser: Browser, url: string, model: Model): Tool {
  return {
    name: 'qikan',
    how: 'the print stages prepare, paginate, decorate and render (src/print/stages), browser already running',
    // prepareImages, between the two in the build, is left out: it writes into bench/.out/site/print/<issue>/images and has
    // no counterpart in the other tools, which print the web images as they are.
    async run(issue) {
      const t0 = performance.now();
      const run = prepareRun(
        model,
        model.issues.find((i) => i.id === issue)!,
        url,
        false,
      );
      const paginated = await paginate(browser, run);
      await decorate(run, paginated, kindOf(model.publication));
      const { page } = paginated;
      const laidOut = since(t0);
      const t1 = performance.now();
      const pdf = await renderPdf(page).finally(() => page.close());
      const write = since(t1);
      await fs.writeFile(path.join(OUT, 'pdf', `qikan-${issue}.pdf`), pdf);
      return { seconds: laidOut + write, pages: await pageCount(pdf), steps: { paginate: laidOut, pdf: write } };
    },
  };
}

function chromiumPrint(browser: Browser, url: string): Tool {
  return {
    name: 'chromium',
    how: 'renderPdf (page.pdf, preferCSSPageSize) of the script-free copy in bench/.out/site/bench/<issue>/, browser already running',
    async run(issue) {
      const t0 = performance.now();
      const page = await browser.newPage();
      try {
        await page.goto(`${url}/bench/${issue}/`, { waitUntil: 'load' });
        // Web fonts may still be loading after `load`; printing before them would measure a different document.
        await page.evaluate(async () => void (await document.fonts.ready));
        const load = since(t0);
        const t1 = performance.now();
        const pdf = await renderPdf(page);
        const write = since(t1);
        await fs.writeFile(path.join(OUT, 'pdf', `chromium-${issue}.pdf`), pdf);
        return { seconds: load + write, pages: await pageCount(pdf), steps: { load, pdf: write } };
      } finally {
        await page.close();
      }
    },
  };
}

/** A peer CLI, timed from spawn to exit: Node start-up and its own Chromium launch are part of its cost. */
function cli(
  name: string,
  how: string,
  bin: string,
  url: string,
  args: (doc: string, out: string) => string[],
  env: NodeJS.ProcessEnv,
): Tool {
  return {
    name,
    how,
    async run(issue) {
      const out = path.join(OUT, 'pdf', `${name}-${issue}.pdf`);
      await fs.rm(out, { force: true });
      const t0 = performance.now();
      await exec(process.execPath, [bin, ...args(`${url}/bench/${issue}/`, out)], {
        cwd: PEERS_DIR,
        env,
        timeout: PEER_TIMEOUT_MS,
      });
      const seconds = since(t0);
      return { seconds, pages: await pageCount(await fs.readFile(out)) };
    },
  };
}

/** The peer CLIs that are installed and start; the others, with why, in `skipped`. */
function peerTools(url: string, chromium: string, notInstalled: string | undefined) {
  const tools: Tool[] = [];
  const versions: Record<string, string> = {};
  const skipped: Record<string, string> = {};
  const add = (name: string, pkg: string, make: (bin: string, version: string) => Tool) => {
    if (notInstalled) return void (skipped[name] = notInstalled);
    try {
      const { file, version } = peerBin(pkg, name);
      versions[pkg] = version;
      tools.push(make(file, version));
    } catch (e) {
      skipped[name] = `${pkg} is not usable: ${(e as Error).message}`;
    }
  };
  // Its puppeteer takes the browser from PUPPETEER_EXECUTABLE_PATH; the flags are qikan's (--no-sandbox as root).
  add('pagedjs-cli', 'pagedjs-cli', (bin, version) =>
    cli(
      'pagedjs-cli',
      `pagedjs-cli ${version} <url> -o <pdf>, PUPPETEER_EXECUTABLE_PATH=${chromium}`,
      bin,
      url,
      (doc, out) => [doc, '-o', out, '--browserArgs', chromiumArgs().join(',')],
      { PUPPETEER_EXECUTABLE_PATH: chromium },
    ),
  );
  add('vivliostyle', '@vivliostyle/cli', (bin, version) =>
    cli(
      'vivliostyle',
      `vivliostyle build <url> -o <pdf> --executable-browser ${chromium} (${version})`,
      bin,
      url,
      (doc, out) => ['build', doc, '-o', out, '--executable-browser', chromium],
      {},
    ),
  );
  return { tools, versions, skipped };
}

async function main() {
  {
    // Always the print documents of the code being measured.
    console.log('building the site with its print documents (no PDF) …');
    execFileSync(process.execPath, ['src/cli/qikan.ts', 'build', '--no-pdf', '--print-documents', '--out', DIST], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  await fs.mkdir(path.join(OUT, 'pdf'), { recursive: true });
  for (const issue of ISSUES) await bareCopy(issue);

  const loadAtStart = os.loadavg();
  const chromium = findChromium();
  const notInstalled = await installPeers();
  const t0 = performance.now();
  const browser = await launchBrowser();
  // The CLIs pay this on every run, qikan and chromium do not: reported so that the numbers can be read fairly.
  const launchSeconds = since(t0);
  const chromiumVersion = browser.version();
  const server = await serveDirectory(DIST);
  const { tools, versions, skipped } = peerTools(server.url, chromium, notInstalled);
  tools.unshift(qikan(browser, server.url, loadModel(ROOT)), chromiumPrint(browser, server.url));

  const runs = new Map<string, Run[]>();
  try {
    // Round-robin, so that a slow minute on this shared machine is spread over every tool, not charged to one.
    for (let n = 1; n <= RUNS; n++) {
      for (const issue of ISSUES) {
        for (const tool of tools) {
          if (skipped[tool.name]) continue;
          try {
            const r = await tool.run(issue);
            runs.set(`${tool.name} ${issue}`, [...(runs.get(`${tool.name} ${issue}`) ?? []), r]);
            console.log(`run ${n}/${RUNS} ${issue} ${tool.name}: ${r.seconds.toFixed(2)} s, ${r.pages} pages`);
          } catch (e) {
            if (tool.name === 'qikan') throw e;
            skipped[tool.name] = (e as Error).message;
            console.log(`skip ${tool.name}: ${skipped[tool.name]}`);
          }
        }
      }
    }
  } finally {
    await Promise.allSettled([browser.close(), server.close()]);
    await fs.rm(path.join(DIST, 'bench'), { recursive: true, force: true });
  }

  const rows = ISSUES.flatMap((issue) => {
    const base = median(runs.get(`qikan ${issue}`)!.map((r) => r.seconds));
    return tools
      .filter((t) => !skipped[t.name])
      .map((tool) => {
        const rs = runs.get(`${tool.name} ${issue}`)!;
        const seconds = median(rs.map((r) => r.seconds));
        const steps =
          rs[0]!.steps &&
          Object.fromEntries(Object.keys(rs[0]!.steps).map((k) => [k, median(rs.map((r) => r.steps![k]!))]));
        return {
          tool: tool.name,
          issue,
          pages: rs[0]!.pages,
          seconds,
          ratio: seconds / base,
          steps,
          runs: rs.map((r) => ({ seconds: r.seconds, ...r.steps })),
          how: tool.how,
        };
      });
  });

  const result = {
    date: new Date().toISOString(),
    node: process.versions.node,
    chromium: `${chromium} ${chromiumVersion}`,
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpu:
      /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    // Another user of this 2-core machine shows here: 1-, 5- and 15-minute averages.
    loadAverage: {
      start: loadAtStart.map((l) => Number(l.toFixed(2))),
      end: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    runsPerTool: RUNS,
    peersDocument:
      'bench/.out/site/bench/<issue>/index.html: the print document without <script> elements and loading="lazy"',
    chromiumLaunchSeconds: Number(launchSeconds.toFixed(3)),
    peers: versions,
    skipped,
    rows,
  };
  await fs.writeFile(path.join(OUT, 'print.json'), JSON.stringify(result, null, 2) + '\n');

  console.log(
    `\n${result.date}  Node ${result.node}  Chromium ${chromiumVersion}  nproc ${result.nproc}  ${result.cpu}`,
  );
  console.log(
    `median of ${RUNS} runs; Chromium launch (paid per run by the CLIs only): ${launchSeconds.toFixed(2)} s\n`,
  );
  const table = [
    ['tool', 'issue', 'pages', 'median s', 'ratio', 'steps (median s of each)'],
    ...rows.map((r) => [
      r.tool,
      r.issue,
      String(r.pages),
      r.seconds.toFixed(2),
      r.ratio.toFixed(2),
      r.steps
        ? Object.entries(r.steps)
            .map(([k, v]) => `${k} ${v.toFixed(2)}`)
            .join(' + ')
        : '',
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table)
    console.log(
      row
        .map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    );
  console.log('');
  for (const tool of tools.filter((t) => !skipped[t.name])) console.log(`${tool.name}: ${tool.how}`);
  for (const [name, why] of Object.entries(skipped)) console.log(`skipped ${name}: ${why}`);
  console.log(
    `\n→ ${path.relative(process.cwd(), path.join(OUT, 'print.json'))}, PDFs in ${path.relative(process.cwd(), path.join(OUT, 'pdf'))}/`,
  );
}

await main();
