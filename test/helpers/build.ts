import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildManifest } from '../../src/core/manifest.ts';
import { readPdfText, type PageText } from '../../src/print/pdf-text.ts';

export const projectDir = path.resolve(import.meta.dirname, '../..');
export const tmpDir = path.join(projectDir, 'test/.tmp');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the `qikan` command as a user would, with the Node that runs the tests (in this checkout unless `cwd`). */
export function qikan(args: string[], env: NodeJS.ProcessEnv = {}, cwd = projectDir): CliResult {
  const r = spawnSync(process.execPath, [path.join(projectDir, 'src/cli/qikan.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
    timeout: 280_000,
  });
  // A command that never ended is no answer at all: say what it had printed, so the hang can be traced.
  if (r.status === null) {
    throw new Error(`qikan ${args.join(' ')} did not end (${r.signal ?? r.error?.message}):\n${r.stdout}\n${r.stderr}`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Built {
  out: string;
  stdout: string;
  manifest: BuildManifest;
  html: (rel: string) => string;
  pdf: (issueId: string) => Promise<PageText[]>;
}

/** Builds a publication folder into test/.tmp/<name> (or an absolute folder) and opens what it made. */
export function build(root: string, name: string, extra: string[] = []): Built {
  const out = path.resolve(tmpDir, name);
  fs.rmSync(out, { recursive: true, force: true });
  const r = qikan(['build', '--root', root, '--out', out, ...extra]);
  if (r.status !== 0) throw new Error(`qikan build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'build-manifest.json'), 'utf8')) as BuildManifest;
  const pdfs = new Map<string, Promise<PageText[]>>();
  return {
    out,
    stdout: r.stdout,
    manifest,
    html: (rel) => fs.readFileSync(path.join(out, rel, rel.endsWith('.html') ? '' : 'index.html'), 'utf8'),
    pdf: (id) => {
      if (!pdfs.has(id)) pdfs.set(id, readPdfText(fs.readFileSync(path.join(out, 'pdf', `${id}.pdf`))));
      return pdfs.get(id)!;
    },
  };
}
