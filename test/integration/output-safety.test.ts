import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectDir, qikan, tmpDir } from '../helpers/build.ts';

// A build writes only its --out, all at once at the end: whatever stops it, the last good output stays.
const fixture = path.join(projectDir, 'test/fixtures/mini');
const root = path.join(tmpDir, 'output-safety/pub');
const out = path.join(tmpDir, 'output-safety/site');
/** Every file below a folder with its size: what a reader of the output would find. */
const snapshot = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .map((f) => `${f} ${fs.statSync(path.join(dir, f)).size}`);
const leftovers = () => fs.readdirSync(path.dirname(out)).filter((f) => f.startsWith('site.'));

describe('the output folder', () => {
  beforeAll(() => {
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
    fs.cpSync(fixture, root, { recursive: true });
    const r = qikan(['build', '--root', root, '--out', out, '--no-pdf']);
    expect(r.status, r.stderr).toBe(0);
  });

  it.each([['issues/2025-01'], ['issues'], ['.']])(
    'is never among the sources: --out %s is refused, nothing written',
    (rel) => {
      const before = snapshot(root);
      const r = qikan(['build', '--root', root, '--out', path.join(root, rel), '--no-pdf']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/--out .* (is among the publication's issues|would hold the publication folder)/);
      expect(snapshot(root)).toEqual(before);
    },
  );

  it('is never a folder of files no build wrote', () => {
    const other = path.join(tmpDir, 'output-safety/notes');
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, 'draft.md'), '草稿');
    const r = qikan(['build', '--root', root, '--out', other, '--no-pdf']);
    expect(r.stderr).toContain('holds files that no build wrote (draft.md)');
    expect(fs.readdirSync(other)).toEqual(['draft.md']);
  });

  it('keeps the last good site when a build is refused', () => {
    const before = snapshot(out);
    const broken = path.join(root, 'issues/2025-01/04-broken.md');
    fs.writeFileSync(broken, '---\ntitle: 坏\nsection: nowhere\n---\n正文。\n');
    try {
      const r = qikan(['build', '--root', root, '--out', out, '--no-pdf']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('unknown-section');
    } finally {
      fs.rmSync(broken);
    }
    expect(snapshot(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a second build into it while one runs, and takes over a lock its builder left', () => {
    const lock = `${out}.qikan-lock`;
    fs.writeFileSync(lock, String(process.pid));
    try {
      const r = qikan(['build', '--root', root, '--out', out, '--no-pdf']);
      expect(r.stderr).toContain(`another build (process ${process.pid}) is writing to --out`);
    } finally {
      fs.rmSync(lock);
    }
    fs.writeFileSync(lock, '999999');
    expect(qikan(['build', '--root', root, '--out', out, '--no-pdf']).status).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  it('stays as it was when the build is interrupted (Ctrl-C)', async () => {
    const before = snapshot(out);
    const child = spawn(
      process.execPath,
      [path.join(projectDir, 'src/cli/qikan.ts'), 'build', '--root', root, '--out', out, '--no-pdf'],
      {
        cwd: projectDir,
        env: { ...process.env, CI: 'true' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Stopped once it has begun writing the new site.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (leftovers().some((f) => f.includes('qikan-new'))) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('is as it was before');
    expect(snapshot(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });
});
