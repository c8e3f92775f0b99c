import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import type { ContentError } from '../../src/core/findings.ts';
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

describe('qikan import of what is not extracted text', () => {
  const root = path.join(tmpDir, 'import-not-text');
  const importing = async (name: string, bytes: Buffer) => {
    fs.mkdirSync(root, { recursive: true });
    const input = path.join(root, name);
    fs.writeFileSync(input, bytes);
    const out = path.join(root, 'issues', name.replace(/\W/g, '-'));
    fs.rmSync(out, { recursive: true, force: true });
    const error = await runImport(input, { out, kind: 'newspaper' }).then(
      () => undefined,
      (e: unknown) => e as ContentError,
    );
    return { error, written: fs.existsSync(out) };
  };

  it('refuses a file that is not UTF-8, or holds control characters, before it writes anything', async () => {
    const binary = await importing('binary.txt', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]));
    expect(binary.error?.findings.map((f) => f.rule)).toEqual(['encoding']);
    expect(binary.written).toBe(false);
    const control = await importing('control.txt', Buffer.from('标题\n\n本报讯 正文\u0007一段。（王明）\n'));
    expect(control.error?.findings.map((f) => [f.rule, f.line])).toEqual([['file-unreadable', 3]]);
    expect(control.written).toBe(false);
  });

  it('reads the form feed that ends each page of a PDF-to-text file as a line break', async () => {
    const paged = await importing(
      'paged.txt',
      Buffer.from('标题一则\n\n本报讯 正文一段。（王明）\n\f次条标题\n\n本报讯 又一段。（李华）\n'),
    );
    expect(paged.error).toBeUndefined();
  });
});
