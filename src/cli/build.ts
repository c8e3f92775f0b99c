import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { annotateHtml, tidyPictureSources, uniqueIds } from '../site/annotate.ts';
import { dropPrintDocuments } from './drop-print-documents.ts';
import { buildManifest, type BuildManifest, type IssueEntry, type PrintedIssue } from '../core/manifest.ts';
import { feedbackSummary } from '../print/feedback.ts';
import { issueSourceHash } from '../core/source-hash.ts';
import { articlesFor } from '../core/toc.ts';
import { checkRead } from '../check/index.ts';
import { ContentError, formatFinding, severityOf, stopsBuild } from '../core/findings.ts';
import { readPublication, type Model } from '../core/model.ts';
import { kindOf } from '../kinds/index.ts';
import { siteConfig } from '../site/astro-config.ts';
import { printShopFile } from '../core/routes.ts';
import { cacheDir } from '../core/names.ts';
import { findChromium } from '../print/chromium.ts';
import { findGhostscript, resolveCmykTarget, type CmykTools } from '../print/cmyk.ts';
import { printIssues, type PdfCheckError, type PrintReporter } from '../print/pipeline.ts';
import { MANIFEST, openOutput, type Output } from './output.ts';
import { sourceBlocks } from '../core/markdown/source-blocks.ts';
import { createProgress } from './progress.ts';
import { projectDir } from './project-dir.ts';
import { issuesOfShard, parseShard } from './shard.ts';
import { indexSite } from './search-index.ts';

export interface BuildOptions {
  /** The publication folder: publication.yaml and issues/. */
  root: string;
  /** Where the site, the PDFs and the manifest go: replaced as a whole once the build has made everything. */
  out: string;
  /** Make the PDF of this issue only; the PDFs of the others made earlier are kept. */
  only?: string;
  /** `K/N`: make the PDFs of the K-th of N shares of the issues only (src/cli/shard.ts), as `only` does. */
  shard?: string;
  pdf: boolean;
  /** The print shop's file beside each PDF: bleed, crop marks in the slug, TrimBox and BleedBox (pdf/<id>.print.pdf). */
  printReady?: boolean;
  /** That file also converted to CMYK PDF/X with Ghostscript (pdf/<id>.cmyk.pdf); implies printReady. */
  cmyk?: boolean;
  verbose?: boolean;
  /** Keep the print documents (print/) and what only they use in the output: they are left out by default. */
  printDocuments?: boolean;
}

/** Files → validated model → Astro site → PDFs (checked) → build-manifest.json. */
export async function runBuild(options: BuildOptions): Promise<BuildManifest> {
  const root = path.resolve(options.root);
  const out = path.resolve(options.out);
  const log = (line: string) => process.stdout.write(line + '\n');
  const output = openOutput(out, options.out, { root, projectDir });
  // Ctrl-C or a kill leaves the last good output as it was, and no lock behind.
  const interrupted = (signal: NodeJS.Signals) => {
    output.abort();
    process.stderr.write(`qikan: build stopped (${signal}); ${options.out} is as it was before\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const { manifest, refused } = await buildInto(root, output, options, log);
    output.commit();
    // The site and the other PDFs are out; the refused issues keep their last good PDF, marked outdated.
    if (refused.length) throw new BuildRefused(refused);
    return manifest;
  } catch (error) {
    if (!(error instanceof BuildRefused)) output.abort();
    throw error;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** A build that wrote its output but refused the PDFs of some issues. */
export class BuildRefused extends Error {
  readonly errors: PdfCheckError[];
  constructor(errors: PdfCheckError[]) {
    const readers = errors.filter((e) => !e.printShopFile).length;
    super(
      errors.map((e) => e.message).join('\n') +
        (readers
          ? `\n(the site is built; ${readers === 1 ? 'this issue keeps its' : 'these issues keep their'} last good PDF, marked outdated in ${MANIFEST})`
          : `\n(the site and the readers' PDFs are built; the refused print-shop files are not)`),
    );
    this.name = 'BuildRefused';
    this.errors = errors;
  }
}

async function buildInto(
  root: string,
  output: Output,
  options: BuildOptions,
  log: (line: string) => void,
): Promise<{ manifest: BuildManifest; refused: PdfCheckError[] }> {
  const { final: out, staging } = output;
  // The build refuses what `qikan check` calls an error (the same rules, the same messages).
  const read = readPublication(root);
  const findings = await checkRead(root, read);
  const stopping = findings.filter(stopsBuild);
  if (stopping.length || !read.model) throw new ContentError(stopping);
  const { model } = read;
  const shard = options.shard
    ? issuesOfShard(
        model.issues.map((i) => i.id),
        parseShard(options.shard),
      )
    : undefined;
  const toPrint = !options.pdf
    ? []
    : options.only
      ? [issueById(model, options.only)]
      : model.issues.filter((i) => !shard || shard.includes(i.id));
  // Before the site is built: a missing browser, Ghostscript or colour profile is told at once.
  if (options.pdf) findChromium();
  const printShop =
    options.pdf && (options.printReady || options.cmyk) ? await printShopTools(model, options) : undefined;
  log(
    `qikan: ${model.publication.name}, ${model.issues.length} issue(s), ${model.issues.reduce((n, i) => n + i.articles.length, 0)} articles (Node ${process.versions.node})`,
  );
  for (const f of findings.filter((f) => severityOf(f) === 'error')) log(`removed from the site: ${formatFinding(f)}`);
  const warnings = findings.filter((f) => severityOf(f) === 'warning').length;
  if (warnings) log(`check: ${warnings} warning(s); \`qikan check\` lists them`);

  // What each PDF is made from, as read now: a PDF kept from an earlier build is current while it is unchanged.
  const sources = new Map(model.issues.map((i) => [i.id, issueSourceHash(root, i.id)]));
  const started = Date.now();
  await buildSite(model, staging, options);
  await tidyPages(staging);
  log(`site: ${path.relative(process.cwd(), out) || out}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The PDFs of the issues this build does not print stay, with their entries in the manifest.
  const printing = new Set(toPrint.map((i) => i.id));
  let kept = await keepPdfs(
    out,
    staging,
    model.issues.map((i) => i.id).filter((id) => !printing.has(id)),
  );

  let printed = new Map<string, PrintedIssue>();
  let shop = new Map<string, PrintedIssue>();
  const refused: PdfCheckError[] = [];
  if (toPrint.length) {
    const progress = createProgress();
    // The print shop's pass warns of what the readers' did: each warning once.
    const warned = new Set<string>();
    const reporter = (prefix: 'pdf' | 'print'): PrintReporter => ({
      pages: (issue, n, runs) =>
        progress.update(
          `${prefix}: ${issue.id} paginating, ${n} pages so far${runs ? ` (${runs.done} of ${runs.of} runs laid out)` : ''}`,
        ),
      warn: (message) => {
        if (!warned.has(message)) progress.done(`warning: ${message}`);
        warned.add(message);
      },
      refused: (issue, error) => {
        progress.done(
          error.printShopFile
            ? `print: ${issue.id}: REFUSED by the preflight, ${error.printShopFile} not written`
            : prefix === 'print'
              ? `print: ${issue.id}: REFUSED, ${printShopFile(issue.id, 'print')} not written`
              : `pdf: ${issue.id}: REFUSED, its last good PDF is kept (outdated)`,
        );
        refused.push(error);
      },
      done: (issue, r) => {
        for (const line of prefix === 'pdf' ? [pdfLine(issue.id, r)] : printShopLines(issue.id, r, model))
          progress.done(line);
      },
    });
    const common = {
      rejectedDir: path.join(root, '.qikan', 'rejected'),
      sourceBlocks: new Map(read.sources.articles.flatMap((s) => (s.tree ? [[s.file, sourceBlocks(s.tree)]] : []))),
    };
    printed = await printIssues(model, toPrint, staging, reporter('pdf'), common);
    if (printShop) {
      const made = toPrint.filter((i) => printed.has(i.id));
      shop = await printIssues(model, made, staging, reporter('print'), { ...common, printShop });
    }
  }
  // A refused PDF leaves the last good one in place, as an outdated entry.
  if (refused.some((e) => !e.printShopFile)) {
    const again = await keepPdfs(
      out,
      staging,
      // A refused print-shop file leaves the readers' PDF just made: it is only missing itself.
      refused.filter((e) => !e.printShopFile).map((e) => e.issueId),
    );
    if (again) kept = { ...again, issues: [...(kept?.issues ?? []), ...again.issues] };
  }
  const manifest = buildManifest(model, printed, sources, kept, shop);
  for (const entry of manifest.issues.filter((i) => i.layout && printed.has(i.id)))
    log(`layout: ${entry.id}: ${feedbackSummary(entry.layout!)}`);
  for (const entry of manifest.issues.filter((i) => i.pdf && !printed.has(i.id))) {
    log(
      entry.outdated
        ? `pdf: ${entry.id}: ${entry.pages} pages, kept from an earlier build, OUTDATED: its sources changed since (qikan build --only ${entry.id} makes it again)`
        : `pdf: ${entry.id}: ${entry.pages} pages, reused from the last build (sources unchanged) in 0.0 s → ${entry.pdf}`,
    );
  }
  await fs.writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  await annotateSite(staging, manifest, model);
  if (!options.printDocuments) {
    const removed = await dropPrintDocuments(staging);
    log(
      `print documents: left out of the site with ${removed.length} files only they use (--print-documents keeps them)`,
    );
  }
  // The published articles' texts: a draft's words must not show in the search page's list.
  const texts = new Map(read.sources.articles.map((s) => [s.file, s.text ?? '']));
  await indexSite(
    staging,
    // Only what the site shows: web articles, without the comments the sanitizer removes from them.
    model.published.flatMap((i) =>
      articlesFor(i, 'web').map((a) => (texts.get(a.file) ?? '').replace(/<!--[\s\S]*?(?:-->|$)/g, '')),
    ),
  );
  log(`search: Pagefind index of the article pages in pagefind/`);
  log(`manifest: ${MANIFEST}`);
  return { manifest, refused };
}

/** Fills in the print page numbers and PDF sizes that the site's pages leave room for. */
async function annotateSite(out: string, manifest: BuildManifest, model: Model): Promise<void> {
  const { printPlace } = kindOf(model.publication);
  await rewritePages(out, (html, file) =>
    file.startsWith('print/') ? html : annotateHtml(html, manifest, printPlace),
  );
}

/** What Astro writes that HTML does not allow: the attributes of its <picture>; ids twice in a print document. */
async function tidyPages(out: string): Promise<void> {
  await rewritePages(out, (html, file) =>
    file.startsWith('print/') ? uniqueIds(tidyPictureSources(html)) : tidyPictureSources(html),
  );
}

async function rewritePages(out: string, rewrite: (html: string, file: string) => string): Promise<void> {
  const files = (await fs.readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
  for (const file of files) {
    const html = await fs.readFile(path.join(out, file), 'utf8');
    const rewritten = rewrite(html, file.split(path.sep).join('/'));
    if (rewritten !== html) await fs.writeFile(path.join(out, file), rewritten);
  }
}

/** The line of a readers' PDF made or reused. */
function pdfLine(id: string, r: PrintedIssue): string {
  const pages = r.layout.pages.length;
  const mb = (r.bytes / 1048576).toFixed(1);
  const kb = (r.bytes / 1024 / pages).toFixed(0);
  return r.work.reused
    ? `pdf: ${id}: ${pages} pages, ${mb} MB, reused from the cache (nothing it is made of changed) in 0.0 s → ${r.file}`
    : `pdf: ${id}: ${pages} pages, ${mb} MB (${kb} KB/page), checked, ` +
        `${r.work.paginated} of ${r.work.runs} runs paginated, ${r.work.runs - r.work.rendered} reused from the cache, ` +
        `in ${r.work.seconds.toFixed(1)} s → ${r.file}`;
}

/** The lines of an issue's print-shop files: what each is made for, that the preflight passed it. */
function printShopLines(id: string, r: PrintedIssue, model: Model): string[] {
  const { bleed, slug, cmyk } = model.publication.print;
  const pages = r.layout.pages.length;
  const size = (bytes: number, reused: boolean, seconds: number) =>
    `${(bytes / 1048576).toFixed(1)} MB${reused ? ', reused from the cache' : ''} in ${seconds.toFixed(1)} s`;
  const lines = [
    `print: ${id}: ${pages} pages, print-ready (bleed ${bleed}, crop marks in the ${slug} around it), preflight passed, ` +
      `${size(r.bytes, r.work.reused, r.work.reused ? 0 : r.work.seconds)} → ${r.file}`,
  ];
  if (r.cmyk)
    lines.push(
      `print: ${id}: ${pages} pages, CMYK PDF/X-3 for ${cmyk.condition}, black on K only, preflight passed, ` +
        `${size(r.cmyk.bytes, r.cmyk.reused, r.cmyk.seconds)} → ${r.cmyk.file}`,
    );
  return lines;
}

/** Ghostscript, and for --cmyk the colour profile of publication.yaml, found before anything is built. */
async function printShopTools(model: Model, options: BuildOptions): Promise<{ gs: string; cmyk?: CmykTools }> {
  const { gs, version } = await findGhostscript(options.cmyk ? '--cmyk' : '--print-ready');
  if (!options.cmyk) return { gs };
  const target = await resolveCmykTarget(model.root, model.publication.print.cmyk);
  if (typeof target === 'string') throw new Error(target);
  return { gs, cmyk: { gs, version, target } };
}

function issueById(model: Model, id: string) {
  const issue = model.issues.find((i) => i.id === id);
  if (!issue)
    throw new Error(
      `--only ${id}: no such issue in ${model.root}/issues (there are: ${model.issues.map((i) => i.id).join(', ')})`,
    );
  return issue;
}

/**
 * The PDFs of an earlier build for these issues, copied into the new output, and the earlier manifest with only
 * their entries (an entry whose PDF is gone is dropped).
 */
async function keepPdfs(out: string, staging: string, ids: string[]): Promise<BuildManifest | undefined> {
  const previous = await fs
    .readFile(path.join(out, MANIFEST), 'utf8')
    .then((t) => JSON.parse(t) as BuildManifest)
    .catch(() => undefined);
  if (!previous) return undefined;
  const issues = [];
  const copy = (file: string) =>
    fs.mkdir(path.join(staging, path.dirname(file)), { recursive: true }).then(() =>
      fs.copyFile(path.join(out, file), path.join(staging, file)).then(
        () => true,
        () => false,
      ),
    );
  for (const entry of previous.issues) {
    if (!ids.includes(entry.id) || !entry.pdf || !(await copy(entry.pdf))) continue;
    // The print shop's files go with their PDF, as far as they are there.
    const shop = entry.printShop && (await copy(entry.printShop.pdf)) ? entry.printShop : null;
    // (An entry of a manifest from before the print shop's files has no printShop.)
    const cmyk = shop?.cmyk && (await copy(shop.cmyk.pdf)) ? shop.cmyk : null;
    const { printReady: _r, cmyk: _c, ...current } = entry as IssueEntry & { printReady?: unknown; cmyk?: unknown };
    issues.push({ ...current, printShop: shop && { ...shop, cmyk } });
  }
  return { ...previous, issues };
}

async function buildSite(model: Model, out: string, options: BuildOptions): Promise<void> {
  // The pages read the model this build has read (src/site/integration.ts). Astro's content cache is fresh for
  // every build: it would keep articles rendered by an older Markdown pipeline, or another folder's.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const astroCache = await fs.mkdtemp(path.join(os.tmpdir(), 'qikan-astro-'));
  // Optimized images (AVIF above all is slow to encode) are kept between builds: Astro names them by source and
  // options, so a build only encodes what is new.
  const imageCache = path.join(cacheDir(model.root), 'images');
  await fs.mkdir(imageCache, { recursive: true });
  await fs.symlink(imageCache, path.join(astroCache, 'assets'));
  // Astro runs the pages from chunks it writes into its output folder, which import Astro's own packages: they
  // resolve only below this package's node_modules. So the site is built there and then moved to `out`.
  await fs.mkdir(path.join(projectDir, 'node_modules/.qikan'), { recursive: true });
  const astroOut = await fs.mkdtemp(path.join(projectDir, 'node_modules/.qikan/site-'));
  // Astro writes the chunks it prerenders with into <cwd>/.astro/ when the output folder is not below the working
  // folder: run from a publication folder elsewhere, they would land there, and find no packages to import.
  const cwd = process.cwd();
  try {
    process.chdir(projectDir);
    try {
      await build({
        ...siteConfig({ model }),
        root: projectDir,
        configFile: false,
        outDir: astroOut,
        cacheDir: astroCache,
        logLevel: options.verbose ? 'info' : 'warn',
      });
    } finally {
      process.chdir(cwd);
    }
    await fs.rm(out, { recursive: true, force: true });
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.rename(astroOut, out).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await fs.cp(astroOut, out, { recursive: true });
    });
  } finally {
    await fs.rm(astroCache, { recursive: true, force: true });
    await fs.rm(astroOut, { recursive: true, force: true });
  }
}
