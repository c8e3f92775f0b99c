import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { annotateHtml, tidyPictureSources } from '../site/annotate.ts';
import { buildManifest, type BuildManifest, type PrintedIssue } from '../core/manifest.ts';
import { checkRead } from '../check/index.ts';
import { ContentError, formatFinding, severityOf, stopsBuild } from '../core/findings.ts';
import { readPublication, type Model } from '../core/model.ts';
import { siteConfig } from '../site/astro-config.ts';
import { pdfFile } from '../core/routes.ts';
import { findChromium } from '../print/chromium.ts';
import { findCmykTools } from '../print/cmyk.ts';
import { printIssues } from '../print/pipeline.ts';
import { createProgress } from './progress.ts';
import { projectDir } from './project-dir.ts';
import { indexSite } from './search-index.ts';

export interface BuildOptions {
  /** The publication folder: publication.yaml and issues/. */
  root: string;
  /** Where the site, the PDFs and the manifest go. Emptied first. */
  out: string;
  /** Make the PDF of this issue only; the PDFs of the others made earlier are kept. */
  only?: string;
  pdf: boolean;
  /** PDFs for the print shop: bleed, crop marks, TrimBox and BleedBox. */
  printReady?: boolean;
  /** Print-ready PDFs converted to CMYK PDF/X with Ghostscript. */
  cmyk?: boolean;
  verbose?: boolean;
}

/** Files → validated model → Astro site → PDFs (checked) → build-manifest.json. */
export async function runBuild(options: BuildOptions): Promise<BuildManifest> {
  const root = path.resolve(options.root);
  const out = path.resolve(options.out);
  const log = (line: string) => process.stdout.write(line + '\n');
  for (const [folder, what] of [
    [root, 'the publication folder'],
    [projectDir, 'qikan itself'],
  ] as const) {
    const inOut = path.relative(out, folder);
    if (!inOut || !inOut.startsWith('..')) {
      throw new Error(
        `--out ${options.out} would hold ${what} (${folder}), and the build empties it first: choose another --out`,
      );
    }
  }

  // The build refuses what `qikan check` calls an error (the same rules, the same messages).
  const read = readPublication(root);
  const findings = await checkRead(root, read);
  const stopping = findings.filter(stopsBuild);
  if (stopping.length || !read.model) throw new ContentError(stopping);
  const { model } = read;
  const toPrint = options.only ? [issueById(model, options.only)] : model.issues;
  // Before the site is built: a missing browser or Ghostscript is told at once.
  if (options.pdf) findChromium();
  const cmyk = options.pdf && options.cmyk ? await findCmykTools() : undefined;
  log(
    `qikan: ${model.publication.name}, ${model.issues.length} issue(s), ${model.issues.reduce((n, i) => n + i.articles.length, 0)} articles (Node ${process.versions.node})`,
  );
  for (const f of findings.filter((f) => severityOf(f) === 'error')) log(`removed from the site: ${formatFinding(f)}`);
  const warnings = findings.filter((f) => severityOf(f) === 'warning').length;
  if (warnings) log(`check: ${warnings} warning(s); \`qikan check\` lists them`);

  const previous = options.only ? await setAsidePdfs(out, options.only) : undefined;
  const started = Date.now();
  try {
    await buildSite(model, out, options);
  } finally {
    await previous?.restore();
  }
  log(`site: ${path.relative(process.cwd(), out) || out}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let printed = new Map<string, PrintedIssue>();
  if (options.pdf) {
    const progress = createProgress();
    const t0 = Date.now();
    printed = await printIssues(
      model,
      toPrint,
      out,
      {
        pages: (issue, n) => progress.update(`pdf: ${issue.id} paginating, ${n} pages so far`),
        warn: (message) => progress.done(`warning: ${message}`),
        done: (issue, r) => {
          const kb = r.bytes / 1024;
          progress.done(
            `pdf: ${issue.id}: ${r.layout.pages.length} pages${r.cmyk ? ', CMYK PDF/X-3' : r.printReady ? ', print-ready' : ''}, ${(kb / 1024).toFixed(1)} MB (${(kb / r.layout.pages.length).toFixed(0)} KB/page), checked, in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${pdfFile(issue.id)}`,
          );
        },
      },
      { printReady: options.printReady || !!cmyk, cmyk },
    );
  }
  const manifest = buildManifest(model, printed, previous?.manifest);
  await fs.writeFile(path.join(out, 'build-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await annotateSite(out, manifest);
  await indexSite(out);
  log(`search: Pagefind index of the article pages in pagefind/`);
  log(`manifest: build-manifest.json`);
  return manifest;
}

/** Fills in the print page numbers and PDF sizes that the site's pages leave room for; tidies <picture>. */
async function annotateSite(out: string, manifest: BuildManifest): Promise<void> {
  const files = (await fs.readdir(out, { recursive: true })).filter(
    (f) => f.endsWith('.html') && !f.startsWith('print/'),
  );
  for (const file of files) {
    const html = await fs.readFile(path.join(out, file), 'utf8');
    const annotated = tidyPictureSources(annotateHtml(html, manifest));
    if (annotated !== html) await fs.writeFile(path.join(out, file), annotated);
  }
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
 * Astro empties the output folder; with --only, the other issues' PDFs of an earlier build, and their manifest
 * entries, are kept through it.
 */
async function setAsidePdfs(out: string, only: string) {
  const pdfDir = path.join(out, 'pdf');
  const kept = path.join(path.dirname(out), `.${path.basename(out)}-kept-pdf`);
  const manifest = await fs
    .readFile(path.join(out, 'build-manifest.json'), 'utf8')
    .then((t) => JSON.parse(t) as BuildManifest)
    .catch(() => undefined);
  await fs.rm(kept, { recursive: true, force: true });
  const moved = await fs.rename(pdfDir, kept).then(
    () => true,
    () => false,
  );
  return {
    manifest: manifest && { ...manifest, issues: manifest.issues.filter((i) => i.id !== only) },
    async restore() {
      if (!moved) return;
      await fs.mkdir(pdfDir, { recursive: true });
      for (const name of await fs.readdir(kept)) {
        const rejected = name.endsWith('.rejected.pdf');
        if (name !== path.basename(pdfFile(only)) && !rejected)
          await fs.rename(path.join(kept, name), path.join(pdfDir, name));
      }
      await fs.rm(kept, { recursive: true, force: true });
    },
  };
}

async function buildSite(model: Model, out: string, options: BuildOptions): Promise<void> {
  // The pages read the model this build has read (src/site/integration.ts). Astro's content cache is fresh for
  // every build: it would keep articles rendered by an older Markdown pipeline, or another folder's.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'qikan-astro-'));
  // Optimized images (AVIF above all is slow to encode) are kept between builds: Astro names them by source and
  // options, so a build only encodes what is new.
  const imageCache = path.join(projectDir, 'node_modules/.qikan/image-cache');
  await fs.mkdir(imageCache, { recursive: true });
  await fs.symlink(imageCache, path.join(cacheDir, 'assets'));
  // Astro runs the pages from chunks it writes into its output folder, which import Astro's own packages: they
  // resolve only below this package's node_modules. So the site is built there and then moved to --out.
  await fs.mkdir(path.join(projectDir, 'node_modules/.qikan'), { recursive: true });
  const staging = await fs.mkdtemp(path.join(projectDir, 'node_modules/.qikan/site-'));
  try {
    await build({
      ...siteConfig(model),
      root: projectDir,
      configFile: false,
      outDir: staging,
      cacheDir,
      logLevel: options.verbose ? 'info' : 'warn',
    });
    await fs.rm(out, { recursive: true, force: true });
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.rename(staging, out).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await fs.cp(staging, out, { recursive: true });
    });
  } finally {
    await fs.rm(cacheDir, { recursive: true, force: true });
    await fs.rm(staging, { recursive: true, force: true });
  }
}
