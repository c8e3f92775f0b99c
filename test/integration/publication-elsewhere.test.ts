import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectDir, qikan } from '../helpers/build.ts';

// An editor keeps the publication in a folder of its own and runs qikan there: nothing of the build may depend
// on the working folder being this checkout.
describe('a publication folder outside the checkout', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qikan-elsewhere-'));
  const root = path.join(dir, 'pub');
  fs.cpSync(path.join(projectDir, 'test/fixtures/mini'), root, { recursive: true });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds from that folder, and leaves nothing of Astro in it', () => {
    const r = qikan(['build', '--root', '.', '--no-pdf'], {}, root);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(root, 'dist/index.html'))).toBe(true);
    const made = new Set([...fs.readdirSync(path.join(projectDir, 'test/fixtures/mini')), '.qikan', 'dist']);
    expect(fs.readdirSync(root).filter((f) => !made.has(f))).toEqual([]);
  });
});
