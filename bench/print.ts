// Times qikan's print step against other ways of printing the same issue, side by side in one run, on synthetic
// issues of 1×, 4× (and with --16, 16×) the corpus issue (../shared/corpus, imported) or, without the corpus, the
// first sample issue (bench/synthetic.ts: titles made unique):
//   qikan cold    the print step as the build runs it (printIssues: its own browser, runs side by side), empty cache
//   qikan edit    the same after one sentence of one article changed (its print document edited), cache kept
//   qikan same    the same with nothing changed: the PDF comes from the cache
//   chromium      a fresh Chromium printing the print document as it is, without Paged.js
//   pagedjs-cli  and  vivliostyle: the CLIs, each launching the same system Chromium for every run
// The three others get a copy of the print document without its <script> tags, so that none of them runs our
// pagination on top of its own. Peak memory: the sum of the Chromium processes' proportional set sizes, sampled.
// Usage: npm run bench [-- --16] [-- --runs N] [-- --times 16 --tools qikan,chromium]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { chromiumArgs, findChromium, launchBrowser } from '../src/print/chromium.ts';
import { loadModel } from '../src/core/model.ts';
import { printIssues } from '../src/print/pipeline.ts';
import { renderPdf } from '../src/print/stages/render.ts';
import { serveDirectory } from '../src/print/serve.ts';
import { multiplyIssue } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'bench', '.out');
const CORPUS = path.resolve(ROOT, '../shared/corpus/magazine-tiantangzhixin-2025.md');
const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs')) || 3;
const TIMES = option('--times')?.split(',').map(Number) ?? (argv.includes('--16') ? [1, 4, 16] : [1, 4]);
/** Only the tools whose names start with one of these (`qikan` is all three of its rows). */
const ONLY = option('--tools')?.split(',');
/** Outside the project: the peers and their hundreds of packages must not touch its node_modules or lock file. */
const PEERS_DIR = path.join(os.tmpdir(), 'qikan-bench-peers');
/** Pinned, so that numbers from different days compare. */
const PEERS = { 'pagedjs-cli': '0.4.3', '@vivliostyle/cli': '11.0.0' };
const PEER_TIMEOUT_MS = 15 * 60_000;

interface Run {
  seconds: number;
  pages: number;
  /** Peak of the summed memory (PSS) of the Chromium processes, MiB. */
  memory?: number;
  steps?: Record<string, number>;
}
interface Subject {
  label: string;
  root: string;
  id: string;
  dist: string;
}
interface Tool {
  name: string;
  how: string;
  run(subject: Subject): Promise<Run>;
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

/**
 * The print document as the peers should see it: no Paged.js, no qikan script, every image loaded eagerly, and
 * no Content-Security-Policy (it refuses the scripts pagedjs-cli adds to the page: that is what failed it before,
 * as "node exited with 1").
 */
async function bareCopy(subject: Subject): Promise<void> {
  const html = await fs.readFile(path.join(subject.dist, 'print', subject.id, 'index.html'), 'utf8');
  const bare = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')
    .replace(/\sloading="lazy"/g, '');
  if (/<script\b/i.test(bare)) throw new Error(`${subject.id}: a <script> tag was left in the copy`);
  await fs.mkdir(path.join(subject.dist, 'bench', subject.id), { recursive: true });
  await fs.writeFile(path.join(subject.dist, 'bench', subject.id, 'index.html'), bare);
}

/** The summed memory (MiB, PSS) of every Chromium process, sampled until `stop` is called: its peak. */
function sampleMemory(): () => number {
  let peak = 0;
  const sample = () => {
    let kb = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        // The executable only: this script's own arguments may name chromium (`--tools qikan,chromium`).
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!.includes('chromium')) continue;
        // Proportional set size: memory shared between the processes (libraries, shared memory) counted once.
        kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      } catch {
        // gone meanwhile
      }
    }
    peak = Math.max(peak, kb / 1024);
  };
  const timer = setInterval(sample, 250);
  return () => {
    clearInterval(timer);
    sample();
    return Math.round(peak);
  };
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

const quiet = { pages: () => {}, warn: () => {}, done: () => {} };

/** qikan's print step on a subject, as the build runs it; `prepare` sets the cache up before the clock starts. */
function qikan(name: string, how: string, prepare: (subject: Subject) => Promise<void>): Tool {
  return {
    name,
    how,
    async run(subject) {
      await prepare(subject);
      const model = loadModel(subject.root);
      const issue = model.issues.find((i) => i.id === subject.id)!;
      const stop = sampleMemory();
      const t0 = performance.now();
      let refused: Error | undefined;
      const printed = await printIssues(model, [issue], subject.dist, {
        ...quiet,
        refused: (_, e) => (refused = e),
      });
      const seconds = since(t0);
      const memory = stop();
      if (refused) throw refused;
      const result = printed.get(subject.id)!;
      const steps = result.work.reused ? { reused: seconds } : result.work.steps;
      return { seconds, pages: result.layout.pages.length, memory, steps };
    },
  };
}

const cacheOf = (subject: Subject) => path.join(subject.root, '.qikan', 'cache', 'print');

/** One sentence of the middle article's print text changed, as an editor's change of one paragraph gives it. */
async function editOneSentence(subject: Subject): Promise<void> {
  const file = path.join(subject.dist, 'print', subject.id, 'index.html');
  const html = await fs.readFile(file, 'utf8');
  const articles = [...html.matchAll(/<article\b[^>]*>/g)];
  const at = articles[Math.floor(articles.length / 2)]!.index!;
  const p = html.indexOf('<p>', at);
  const end = html.indexOf('。', p);
  const edited = html.slice(0, end) + (html.slice(end - 3, end) === '（改）' ? '' : '（改）') + html.slice(end);
  await fs.writeFile(file, html.slice(end - 3, end) === '（改）' ? html.slice(0, end - 3) + html.slice(end) : edited);
}

function chromiumPrint(url: () => string): Tool {
  return {
    name: 'chromium',
    how: 'a fresh Chromium (launched in the timing, as the build launches one) printing the script-free copy with page.pdf',
    async run(subject) {
      const stop = sampleMemory();
      const t0 = performance.now();
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(`${url()}/bench/${subject.id}/`, { waitUntil: 'load' });
        // Web fonts may still be loading after `load`; printing before them would measure a different document.
        await page.evaluate(async () => void (await document.fonts.ready));
        const load = since(t0);
        const t1 = performance.now();
        const pdf = await renderPdf(page);
        const write = since(t1);
        await fs.writeFile(path.join(OUT, 'pdf', `chromium-${subject.label}.pdf`), pdf);
        return { seconds: since(t0), pages: await pageCount(pdf), memory: stop(), steps: { load, pdf: write } };
      } finally {
        await browser.close();
      }
    },
  };
}

/** A peer CLI, timed from spawn to exit: Node start-up and its own Chromium launch are part of its cost. */
function cli(
  name: string,
  how: string,
  bin: string,
  url: () => string,
  args: (doc: string, out: string) => string[],
  env: NodeJS.ProcessEnv,
): Tool {
  return {
    name,
    how,
    async run(subject) {
      const out = path.join(OUT, 'pdf', `${name}-${subject.label}.pdf`);
      await fs.rm(out, { force: true });
      const stop = sampleMemory();
      const t0 = performance.now();
      await exec(process.execPath, [bin, ...args(`${url()}/bench/${subject.id}/`, out)], {
        cwd: PEERS_DIR,
        env,
        timeout: PEER_TIMEOUT_MS,
      });
      const seconds = since(t0);
      return { seconds, pages: await pageCount(await fs.readFile(out)), memory: stop() };
    },
  };
}

/** The peer CLIs that are installed and start; the others, with why, in `skipped`. */
function peerTools(url: () => string, chromium: string, notInstalled: string | undefined) {
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

/** The synthetic publications, their sites built with print documents (the code being measured). */
function makeSubjects(): Subject[] {
  const work = path.join(OUT, 'subjects');
  let source = path.join(ROOT, 'issues', '2026-10');
  let basis = 'the sample issue 2026-10';
  if (existsSync(CORPUS)) {
    const imported = path.join(work, 'corpus', 'issues', '2025-07');
    // Imported into a publication with ours, so that its sections are ours.
    rmSync(path.join(work, 'corpus'), { recursive: true, force: true });
    mkdirSync(path.dirname(imported), { recursive: true });
    copyFileSync(path.join(ROOT, 'publication.yaml'), path.join(work, 'corpus', 'publication.yaml'));
    execFileSync(process.execPath, ['src/cli/qikan.ts', 'import', CORPUS, '--out', imported], { cwd: ROOT });
    source = imported;
    basis = 'the corpus issue (magazine-tiantangzhixin-2025.md, imported)';
  }
  console.log(`subjects: ${TIMES.map((t) => `${t}×`).join(', ')} ${basis}`);
  return TIMES.map((times) => {
    const { root, id } = multiplyIssue(source, times, path.join(work, `x${times}`));
    const dist = path.join(root, 'dist');
    console.log(`building the site of ${times}× with its print documents (no PDF) …`);
    execFileSync(
      process.execPath,
      ['src/cli/qikan.ts', 'build', '--root', root, '--out', dist, '--no-pdf', '--print-documents'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return { label: `${times}x`, root, id, dist };
  });
}

async function main() {
  const subjects = makeSubjects();
  await fs.mkdir(path.join(OUT, 'pdf'), { recursive: true });
  for (const subject of subjects) await bareCopy(subject);

  const loadAtStart = os.loadavg();
  const chromium = findChromium();
  const notInstalled = await installPeers();
  const probe = await launchBrowser();
  const chromiumVersion = probe.version();
  await probe.close();
  // One server per subject, started before its runs: the tools see the same files at the same address.
  let server: Awaited<ReturnType<typeof serveDirectory>> | undefined;
  const url = () => server!.url;
  const { tools, versions, skipped } = peerTools(url, chromium, notInstalled);
  tools.unshift(
    qikan('qikan cold', 'printIssues as the build runs it (own browser, runs side by side), cache emptied first', (s) =>
      fs.rm(cacheOf(s), { recursive: true, force: true }),
    ),
    qikan('qikan edit', 'the same after one sentence of one article changed, cache kept', editOneSentence),
    qikan('qikan same', 'the same with nothing changed since', async () => {}),
    chromiumPrint(url),
  );

  if (ONLY) tools.splice(0, tools.length, ...tools.filter((t) => ONLY.some((name) => t.name.startsWith(name))));
  const runs = new Map<string, Run[]>();
  try {
    for (const subject of subjects) {
      server = await serveDirectory(subject.dist);
      // Round-robin, so that a slow minute on this shared machine is spread over every tool, not charged to one.
      for (let n = 1; n <= RUNS; n++) {
        for (const tool of tools) {
          if (skipped[tool.name]) continue;
          try {
            const r = await tool.run(subject);
            runs.set(`${tool.name} ${subject.label}`, [...(runs.get(`${tool.name} ${subject.label}`) ?? []), r]);
            console.log(
              `run ${n}/${RUNS} ${subject.label} ${tool.name}: ${r.seconds.toFixed(2)} s, ${r.pages} pages, ${r.memory} MiB`,
            );
          } catch (e) {
            if (tool.name.startsWith('qikan')) throw e;
            skipped[tool.name] = (e as Error).message;
            console.log(`skip ${tool.name}: ${skipped[tool.name]}`);
          }
        }
      }
      await server.close();
      await fs.rm(path.join(subject.dist, 'bench'), { recursive: true, force: true });
    }
  } finally {
    await server?.close().catch(() => {});
  }

  const rows = subjects.flatMap((subject) => {
    const base = median(runs.get(`qikan cold ${subject.label}`)!.map((r) => r.seconds));
    return tools
      .filter((t) => runs.has(`${t.name} ${subject.label}`))
      .map((tool) => {
        const rs = runs.get(`${tool.name} ${subject.label}`)!;
        const seconds = median(rs.map((r) => r.seconds));
        const steps =
          rs[0]!.steps &&
          Object.fromEntries(Object.keys(rs[0]!.steps).map((k) => [k, median(rs.map((r) => r.steps?.[k] ?? 0))]));
        return {
          tool: tool.name,
          issue: subject.label,
          pages: rs[0]!.pages,
          seconds,
          pagesPerSecond: rs[0]!.pages / seconds,
          memory: Math.max(...rs.map((r) => r.memory ?? 0)),
          ratio: seconds / base,
          steps,
          runs: rs.map((r) => ({ seconds: r.seconds, memory: r.memory, ...r.steps })),
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
    peersDocument: 'the print document without <script> elements and loading="lazy"',
    peers: versions,
    skipped,
    rows,
  };
  await fs.writeFile(path.join(OUT, 'print.json'), JSON.stringify(result, null, 2) + '\n');

  console.log(
    `\n${result.date}  Node ${result.node}  Chromium ${chromiumVersion}  nproc ${result.nproc}  ${result.cpu}`,
  );
  console.log(`median of ${RUNS} runs; ratio: to qikan cold on the same issue\n`);
  const table = [
    ['tool', 'issue', 'pages', 'median s', 'pages/s', 'MiB', 'ratio', 'steps (median s of each)'],
    ...rows.map((r) => [
      r.tool,
      r.issue,
      String(r.pages),
      r.seconds.toFixed(2),
      r.pagesPerSecond.toFixed(1),
      String(r.memory),
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
        .map((cell, i) => (i >= 2 && i <= 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
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
