#!/usr/bin/env node
import './node-flags.ts';
import path from 'node:path';
import { Command } from 'commander';
import { ContentError } from '../core/findings.ts';
import { runBuild, type BuildOptions } from './build.ts';
import { runDev } from './dev.ts';
import { runImport, shown } from './import.ts';
import { runCheck, type CheckCliOptions } from './check.ts';
import { newArticle, newIssue } from './new.ts';

const program = new Command('qikan').description(
  'Build a magazine: one folder of Markdown, a website and a print PDF.',
);

program
  .command('build')
  .description('build the website and the PDF of every issue')
  .option('--root <dir>', 'the publication folder (publication.yaml and issues/)', '.')
  .option('--out <dir>', 'where the site, the PDFs and build-manifest.json go', 'dist')
  .option('--only <issue-id>', 'build only this issue')
  .option('--shard <k/n>', "make only the k-th of n shares of the issues' PDFs (an archive built on n machines)")
  .option('--no-pdf', 'build only the website')
  .option(
    '--print-ready',
    "also the print shop's file of each PDF: bleed, crop marks, TrimBox and BleedBox (pdf/<id>.print.pdf)",
  )
  .option('--cmyk', "also that file in CMYK as PDF/X, for publication.yaml's print.cmyk (pdf/<id>.cmyk.pdf)")
  .option(
    '--print-documents',
    'keep the print documents the PDFs are made from (print/, with their fonts) in the output',
  )
  .option('--verbose', "show Astro's own log")
  .action(async (opts: BuildOptions) => {
    await runBuild(opts);
  });

program
  .command('dev')
  .description('preview the site while you edit: pages and paged print documents, read again on every change')
  .option('--root <dir>', 'the publication folder', '.')
  .option('--port <port>', 'the port to serve on (default 4321)')
  .action(async (opts: { root: string; port?: string }) => {
    await runDev(opts);
  });

program
  .command('check')
  .description('check articles and settings without building: front matter, images, links, HTML, Chinese text')
  .argument('[paths...]', 'files or folders to report on (default: the whole publication)')
  .option('--root <dir>', 'the publication folder', '.')
  .option('--format <format>', 'text, github (Actions annotations) or json', 'text')
  .option('--fix', 'apply the safe Chinese-text fixes to article bodies (front matter and code untouched)')
  .option('--strict', 'fail on warnings too')
  .action(async (paths: string[], opts: CheckCliOptions) => {
    process.exitCode = await runCheck(paths, opts);
  });

const create = program.command('new').description('start an issue or an article');
create
  .command('issue <id>')
  .description("create issues/<id>/ with its issue.yaml (and a magazine's plain cover)")
  .option('--root <dir>', 'the publication folder', '.')
  .action(async (id: string, opts: { root: string }) => {
    process.stdout.write(`${await newIssue(opts.root, id)}\n`);
  });
create
  .command('article')
  .description('create the next article of an issue, its front matter filled in')
  .requiredOption('--issue <id>', 'the issue, e.g. 2026-10')
  .requiredOption('--section <id>', 'the section id from publication.yaml')
  .requiredOption('--title <title>', 'the title')
  .option('--slug <words>', 'its web address, lowercase ASCII words joined by "-" (default: from the title\'s pinyin)')
  .option('--root <dir>', 'the publication folder', '.')
  .action(async (opts: { issue: string; section: string; title: string; slug?: string; root: string }) => {
    process.stdout.write(`已创建 ${await newArticle(opts.root, opts)}：把括号里的占位文字换成文章的内容\n`);
  });

program
  .command('import <file>')
  .description(
    "turn a printed issue's extracted text into a draft issue folder, with import-report.md of what to check",
  )
  .requiredOption('--out <dir>', 'the issue folder to create, e.g. issues/2025-07')
  .option('--kind <kind>', 'magazine (read by its 目录) or newspaper (a page of items)', 'magazine')
  .option('--section <id>', 'newspaper items go into this section (default: the first in publication.yaml)')
  .action(async (file: string, opts: { out: string; kind: string; section?: string }) => {
    const { result, dir, root } = await runImport(file, opts);
    process.stdout.write(
      `imported ${result.articles.length} articles into ${shown(dir)}/; ${result.doubts.filter((d) => !d.minor).length} thing(s) to check in ${shown(dir)}/import-report.md\n`,
    );
    process.stdout.write(
      root
        ? `build it with: qikan build --root ${shown(root)} --only ${path.basename(dir)}\n`
        : `it will not build there: it is not in the issues/ folder of a publication (publication.yaml); move it into one\n`,
    );
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof ContentError) {
    process.stderr.write(`qikan: ${error.message}\n`);
  } else {
    process.stderr.write(`qikan: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.QIKAN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
  process.exitCode = 1;
}
// Exit even if a browser or server of a failed build is still holding the event loop.
process.exit();
