import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { tmpDir } from '../helpers/build.ts';

// Golden fixtures: test/fixtures/import/<case>/input.txt (text written for these tests, in the shapes extraction
// gives) imported into an issue folder of test/fixtures/import/publication.yaml must give exactly the files of
// <case>/expected/ (the plain cover image is checked to be there, not byte for byte). The case's name is its
// --kind. UPDATE_GOLDEN=1 rewrites expected/ (review the diff).
const dir = path.resolve(import.meta.dirname, '../fixtures/import');
const cases = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());

/** Every file below a folder, relative to it, sorted. */
const filesBelow = (folder: string) =>
  fs.existsSync(folder)
    ? (fs.readdirSync(folder, { recursive: true }) as string[])
        .filter((f) => fs.statSync(path.join(folder, f)).isFile())
        .sort()
    : [];

describe('qikan import', () => {
  for (const { name } of cases) {
    it(name, async () => {
      const root = path.join(tmpDir, 'import-golden', name);
      fs.rmSync(root, { recursive: true, force: true });
      fs.mkdirSync(path.join(root, 'issues'), { recursive: true });
      fs.copyFileSync(path.join(dir, 'publication.yaml'), path.join(root, 'publication.yaml'));
      const out = path.join(root, 'issues', '2026-05');
      await runImport(path.join(dir, name, 'input.txt'), { out, kind: name });
      const expected = path.join(dir, name, 'expected');
      const made = filesBelow(out);
      if (process.env.UPDATE_GOLDEN) {
        fs.rmSync(expected, { recursive: true, force: true });
        for (const f of made.filter((f) => !f.endsWith('.jpg'))) {
          fs.mkdirSync(path.dirname(path.join(expected, f)), { recursive: true });
          fs.copyFileSync(path.join(out, f), path.join(expected, f));
        }
      }
      expect(made).toEqual([...filesBelow(expected), 'images/cover.jpg'].sort());
      for (const f of filesBelow(expected)) {
        expect(fs.readFileSync(path.join(out, f), 'utf8'), f).toBe(fs.readFileSync(path.join(expected, f), 'utf8'));
      }
    });
  }
});
