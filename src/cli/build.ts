import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifest, type BuildManifest, type PrintedIssue } from '../lib/manifest.ts';
import { loadModel } from '../lib/model.ts';
import { findChromium } from '../print/browser.ts';
import { printIssues } from '../print/index.ts';
import { createProgress } from './progress.ts';

export interface BuildOptions {
  /** The publication folder: publication.yaml and issues/. */
  root: string;
  /** Where the site, the PDFs and the manifest go. */
  out: string;
  only?: string;
  pdf: boolean;
  verbose?: boolean;
}

/** The folder of this package, where astro.config.mjs and the routes live. */
const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/** Files → validated model → Astro site → PDFs (checked) → build-manifest.json. */
export async function runBuild(options: BuildOptions): Promise<BuildManifest> {
  const root = path.resolve(options.root);
  const out = path.resolve(options.out);
  const log = (line: string) => process.stdout.write(line + '\n');

  let model = loadModel(root);
  if (options.pdf) findChromium(); // before the site is built: a missing browser is told at once
  if (options.only) {
    const issue = model.issues.find((i) => i.id === options.only);
    if (!issue) throw new Error(`--only ${options.only}: no such issue in ${root}/issues (there are: ${model.issues.map((i) => i.id).join(', ')})`);
    model = { ...model, issues: [issue] };
  }
  log(`qikan: ${model.publication.name}, ${model.issues.length} issue(s), ${model.issues.reduce((n, i) => n + i.articles.length, 0)} articles`);

  const started = Date.now();
  await buildSite(root, out, options);
  log(`site: ${path.relative(process.cwd(), out) || out}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let printed = new Map<string, PrintedIssue>();
  if (options.pdf) {
    const progress = createProgress();
    const t0 = Date.now();
    printed = await printIssues(model, model.issues, out, {
      pages: (issue, n) => progress.update(`pdf: ${issue.id} paginating, ${n} pages so far`),
      done: (issue, r) => {
        const kb = r.bytes / 1024;
        progress.done(
          `pdf: ${issue.id}: ${r.layout.pages.length} pages, ${(kb / 1024).toFixed(1)} MB (${(kb / r.layout.pages.length).toFixed(0)} KB/page), checked, in ${((Date.now() - t0) / 1000).toFixed(1)} s → pdf/${issue.id}.pdf`,
        );
      },
    });
  }
  const manifest = buildManifest(model, printed);
  await fs.writeFile(path.join(out, 'build-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`manifest: build-manifest.json`);
  return manifest;
}

async function buildSite(root: string, out: string, options: BuildOptions): Promise<void> {
  // The routes read the publication folder from the environment (src/lib/paths.ts). Astro's content cache is
  // fresh for every build: it would keep articles rendered by an older Markdown pipeline, or another folder's.
  process.env.QIKAN_ROOT = root;
  if (options.only) process.env.QIKAN_ONLY = options.only;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'qikan-astro-'));
  try {
    await build({ root: projectDir, outDir: out, cacheDir, logLevel: options.verbose ? 'info' : 'warn' });
  } finally {
    await fs.rm(cacheDir, { recursive: true, force: true });
  }
}
