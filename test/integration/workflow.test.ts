import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectDir } from '../helpers/build.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  env?: Record<string, string>;
}
const workflowFile = path.join(projectDir, '.github/workflows/pull-request.yml');
const workflow = parse(fs.readFileSync(workflowFile, 'utf8')) as {
  on: { pull_request: { paths: string[] } };
  jobs: Record<string, { container: string; steps: Step[] }>;
};
const job = Object.values(workflow.jobs)[0]!;

describe('the pull-request workflow', () => {
  it('parses, runs on content changes, and pins every action and its container to a version', () => {
    expect(workflow.on.pull_request.paths).toEqual(['issues/**', 'publication.yaml']);
    for (const step of job.steps.filter((s) => s.uses)) expect(step.uses).toMatch(/@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
    const lock = JSON.parse(fs.readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8'));
    expect(job.container).toBe(`node:${lock.packages['node_modules/node'].version}-bookworm`);
  });

  it('checks, then builds, then uploads the PDF and the site', () => {
    const order = job.steps.map(
      (s) => s.uses?.replace(/@.*/, '') ?? s.run!.match(/scripts\/\S+|qikan\.ts (check|build)/)![0],
    );
    expect(order).toEqual([
      'actions/checkout',
      'scripts/install.sh',
      'scripts/pr-changes.ts',
      'qikan.ts check',
      'qikan.ts build',
      'actions/upload-artifact',
      'actions/upload-artifact',
    ]);
  });

  // The steps' own commands, in their order, on a copy of the project where a contributor changed one article.
  describe('run locally on a pull request that changes one article', () => {
    // Outside the project: a folder cannot be copied into itself.
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'qikan-workflow-'));
    const output = path.join(repo, '.github-output');
    const runs: { name: string; status: number | null; stdout: string; stderr: string }[] = [];
    const article = 'issues/2026-11/02-qiheng-auto-mcu.md';

    beforeAll(() => {
      const skip = new Set(['node_modules', 'dist', '.git', 'test', '.astro']);
      fs.cpSync(projectDir, repo, {
        recursive: true,
        filter: (src) => !skip.has(path.relative(projectDir, src).split(path.sep)[0]!),
      });
      fs.symlinkSync(path.join(projectDir, 'node_modules'), path.join(repo, 'node_modules'));
      const git = (...args: string[]) =>
        spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
          cwd: repo,
          encoding: 'utf8',
        });
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      git('remote', 'add', 'origin', repo);
      git('fetch', '-q', 'origin');
      git('checkout', '-q', '-b', 'contribution');
      const file = path.join(repo, article);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('工作温度范围覆盖', '工作温度范围,覆盖'));
      git('commit', '-q', '-am', 'contribution');

      for (const step of job.steps.filter((s) => s.run && !s.run.includes('install.sh'))) {
        const env = {
          ...process.env,
          GITHUB_OUTPUT: output,
          GITHUB_WORKSPACE: repo,
          BASE_REF: 'main',
          CI: 'true',
          HOME: repo,
        };
        // `${{ steps.changes.outputs.issues }}` as the runner would fill it in from $GITHUB_OUTPUT.
        for (const [key, value] of Object.entries(step.env ?? {})) {
          const ref = /steps\.(\w+)\.outputs\.(\w+)/.exec(value);
          if (ref)
            (env as Record<string, string>)[key] = /^issues=(.*)$/m.exec(fs.readFileSync(output, 'utf8'))?.[1] ?? '';
        }
        const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd: repo, encoding: 'utf8', env, timeout: 280_000 });
        runs.push({ name: step.name ?? '', status: r.status, stdout: r.stdout, stderr: r.stderr });
        if (r.status !== 0) break;
      }
    });

    it('runs every step to the end', () => {
      expect(runs.map((r) => [r.name, r.status, r.status ? r.stderr : ''])).toEqual(
        job.steps.filter((s) => s.run && !s.run.includes('install.sh')).map((s) => [s.name, 0, '']),
      );
    });

    it('annotates the changed line, and builds only the touched issue for the artifacts', () => {
      expect(runs[0]!.stdout).toBe('issues=2026-11\n');
      expect(runs[1]!.stdout).toMatch(
        new RegExp(`^::warning file=${article},line=\\d+,col=\\d+,title=zh-fullwidth-punctuation::`, 'm'),
      );
      expect(fs.existsSync(path.join(repo, 'dist/pdf/2026-11.pdf'))).toBe(true);
      expect(fs.existsSync(path.join(repo, 'dist/pdf/2026-10.pdf'))).toBe(false);
      expect(fs.existsSync(path.join(repo, 'dist/2026-11/qiheng-auto-mcu/index.html'))).toBe(true);
    });
  });
});
