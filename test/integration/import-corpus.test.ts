import fs, { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runImport, type Imported } from '../../src/cli/import.ts';
import { hanCount, hanOnly, titleKey } from '../../src/import/text.ts';
import type { BuildManifest } from '../../src/core/manifest.ts';
import { loadModel } from '../../src/core/model.ts';
import { projectDir, qikan, tmpDir } from '../helpers/build.ts';
import { asPlainText } from '../../bench/reshape.ts';

// The shared corpus (../shared/corpus) is text of real publications: it is read here, at test time, and
// imported into test/.tmp; nothing of it is kept in the repository. Expected values come from the corpus
// text itself (its 目录, its headings, its 来源 lines), or are small facts such as counts.
const corpus = path.resolve(projectDir, '../shared/corpus');
const MAGAZINE = path.join(corpus, 'magazine-tiantangzhixin-2025.md');
const SEMICON = path.join(corpus, 'newspaper-semicon-special-front.txt');
const BEILUN = path.join(corpus, 'newspaper-beilun-front.txt');
const root = path.join(tmpDir, 'import-root');

const read = (file: string) => fs.readFileSync(file, 'utf8');
const corpusLines = (file: string) => read(file).split(/\r?\n/);

/** The text a reader gets from an issue folder: front matter as printed (来源 with its label), bodies, issue.yaml, the report. */
function writtenText(dir: string): string {
  const parts: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    const text = read(file);
    if (name === 'issue.yaml') {
      const walk = (v: unknown): void =>
        typeof v === 'string'
          ? void parts.push(v)
          : v && typeof v === 'object'
            ? Object.values(v).forEach(walk)
            : undefined;
      walk(parse(text));
    } else if (name === 'import-report.md') parts.push(text);
    else if (name.endsWith('.md')) {
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      const fm = parse(m[1]!) as Record<string, string | undefined>;
      parts.push(
        [fm.title, fm.subtitle, fm.byline, fm.source && `来源：${fm.source}`, m[2]].filter(Boolean).join('\n'),
      );
    }
  }
  return parts.join('\n');
}

function frontMatter(file: string): Record<string, unknown> {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(read(file))![1]!) as Record<string, unknown>;
}

function bodyOf(file: string): string {
  return read(file).replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Nothing is lost: Han characters counted both ways match (plus what the importer says it copied), and every input line is found. */
function nothingLost(input: string, imported: Imported): void {
  const written = writtenText(imported.dir);
  const copied = imported.result.added.reduce((n, a) => n + hanCount(a.text), 0);
  expect(hanCount(written)).toBe(hanCount(read(input)) + copied);
  const han = hanOnly(written);
  const ascii = written
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  const missing = corpusLines(input)
    .map((text, i) => ({ n: i + 1, text }))
    .filter(({ text }) => {
      if (!text.trim()) return false;
      if (hanCount(text)) return !han.includes(hanOnly(text));
      // A line without Han text: its letters and digits, LaTeX commands of the extraction set aside.
      const key = text
        .normalize('NFKC')
        .replace(/\\[A-Za-z]+/g, '')
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase();
      return !ascii.includes(key);
    });
  expect(missing).toEqual([]);
}

/** The 目录 as the corpus prints it: sections and entries with their pages. */
function corpusToc(): { section: string; title: string; page: number }[] {
  const lines = corpusLines(MAGAZINE);
  const start = lines.findIndex((l) => /^#\s*目录\s*$/.test(l));
  const out: { section: string; title: string; page: number }[] = [];
  let section = '';
  for (const l of lines.slice(start + 1)) {
    const s = /^#{2,3}\s*•\s*(\S+)/.exec(l);
    if (s) section = s[1]!;
    const e = /^-\s*▲?\s*(.+?)\s*—\s*(\d+)\s*$/.exec(l);
    if (e) out.push({ section, title: e[1]!, page: Number(e[2]) });
    if (/^##\s/.test(l) && !s && !/CONTENTS/.test(l)) break;
  }
  return out;
}

describe.skipIf(!existsSync(corpus))('qikan import on the shared corpus', () => {
  let magazine: Imported;
  let semicon: Imported;
  let beilun: Imported;
  const files = () =>
    fs
      .readdirSync(magazine.dir)
      .filter((f) => /^\d\d-.*\.md$/.test(f))
      .sort();

  beforeAll(async () => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'issues'), { recursive: true });
    fs.copyFileSync(path.join(projectDir, 'publication.yaml'), path.join(root, 'publication.yaml'));
    magazine = await runImport(MAGAZINE, { out: path.join(root, 'issues/2025-07') });
    semicon = await runImport(SEMICON, {
      out: path.join(root, 'issues/2026-03'),
      kind: 'newspaper',
      section: 'dongtai',
    });
    beilun = await runImport(BEILUN, { out: path.join(root, 'issues/2024-04'), kind: 'newspaper' });
  });

  describe('the magazine', () => {
    const sectionIds: Record<string, string> = {
      芯动态: 'dongtai',
      芯企业: 'qiye',
      芯资讯: 'zixun',
      芯政策: 'zhengce',
      芯观点: 'guandian',
      芯伙伴: 'huoban',
    };

    it('imports to the articles its 目录 lists, each in its section with its printed page', () => {
      const toc = corpusToc();
      expect(toc).toHaveLength(36);
      const written = files().map((f) => frontMatter(path.join(magazine.dir, f)));
      expect(written.map((fm) => [fm.order, fm.section, fm.printPage])).toEqual(
        toc.map((e, i) => [i + 1, sectionIds[e.section], e.page]),
      );
      expect(new Set(written.map((fm) => fm.section)).size).toBe(6);
    });

    it('loads as an issue of the publication (the project’s own validation)', () => {
      const issue = loadModel(root).issues.find((i) => i.id === '2025-07')!;
      expect(issue.articles).toHaveLength(36);
      expect(issue.meta).toMatchObject({ year: 2025, month: 7 });
    });

    // A sample, whose titles the body prints as the 目录 does: the title as its heading prints it, the first
    // sentence, the 来源 line and the tables, against the corpus's own lines between that heading and the next.
    it.each([5, 10, 12, 17, 27])('article %i: title, first sentence, 来源 and tables as in the text', (k) => {
      const toc = corpusToc();
      const lines = corpusLines(MAGAZINE);
      const isTitle = (l: string, title: string) => /^#{1,3}\s/.test(l) && titleKey(l) === titleKey(title);
      const heading = lines.findIndex((l, i) => i > 120 && isTitle(l, toc[k]!.title));
      // The next article's heading: its first words are the next entry's (the wording may differ after them).
      const end = lines.findIndex(
        (l, i) =>
          i > heading && /^#{1,3}\s/.test(l) && titleKey(l).slice(0, 4) === titleKey(toc[k + 1]!.title).slice(0, 4),
      );
      expect(heading).toBeGreaterThan(0);
      const text = lines.slice(heading + 1, end);
      const file = path.join(magazine.dir, files()[k]!);
      const fm = frontMatter(file);
      const body = bodyOf(file);

      expect(titleKey(String(fm.title))).toBe(titleKey(lines[heading]!));
      const first = text.find((l) => l.trim() && !/^#/.test(l))!;
      expect(hanOnly(body).startsWith(hanOnly(first.split('。')[0]!))).toBe(true);
      const source = text.findLast((l) => /^[（(]来源/.test(l.trim()))!;
      expect(String(fm.source)).toBe(source.trim().replace(/^[（(]来源\s*[：:]\s*|\s*[）)]$/g, ''));
      expect(body).not.toMatch(/^[（(]来源/m);
      const tables = text.filter((l, i) => l.includes('\t') && !text[i - 1]?.includes('\t')).length;
      expect(body.match(/^\|(?: ---:? \|)+$/gm)?.length ?? 0).toBe(tables);
    });

    it('reports the entry whose title is not in the body, and little else', () => {
      const report = read(path.join(magazine.dir, 'import-report.md'));
      expect(report).toMatch(/The title of the entry at line \d+ \(page 44\) is not in the body/);
      expect(magazine.result.doubts.length).toBeLessThan(12);
      expect(report).toContain("It is publication.yaml's `imprint`");
      expect(report).toContain("It is publication.yaml's `disclaimer`");
    });

    it('loses nothing: every line is in an article, issue.yaml or the report', () => {
      nothingLost(MAGAZINE, magazine);
    });

    // The same printed issue as a plain PDF-to-text step gives it (bench/reshape.ts): no Markdown marks, the
    // 目录's sections in 【】 and its entries page first, titles and subheads lines of their own.
    describe('as plain text', () => {
      let plain: Imported;
      const input = path.join(tmpDir, 'import-plain', 'magazine.txt');
      beforeAll(async () => {
        fs.rmSync(path.dirname(input), { recursive: true, force: true });
        fs.mkdirSync(path.dirname(input), { recursive: true });
        fs.writeFileSync(input, asPlainText(read(MAGAZINE)));
        plain = await runImport(input, { out: path.join(root, 'issues/2025-08') });
      });
      const articles = (dir: string) =>
        fs
          .readdirSync(dir)
          .filter((f) => /^\d\d-.*\.md$/.test(f))
          .sort()
          .map((f) => ({ f, fm: frontMatter(path.join(dir, f)), body: bodyOf(path.join(dir, f)) }));

      it('imports every entry to the same article, title, section, printed page and 来源 as the Markdown text', () => {
        expect(plain.result.articles).toHaveLength(36);
        expect(articles(plain.dir).map((a) => [a.f, a.fm])).toEqual(articles(magazine.dir).map((a) => [a.f, a.fm]));
      });

      it('finds most subheads by their shape, and makes few of its own', () => {
        const headings = (dir: string) =>
          new Set(articles(dir).flatMap((a) => a.body.match(/^#{2,4} .*$/gm)?.map((h) => titleKey(h)) ?? []));
        const marked = headings(magazine.dir);
        const found = headings(plain.dir);
        const agreed = [...found].filter((h) => marked.has(h)).length;
        expect(agreed / marked.size).toBeGreaterThan(0.6);
        expect(agreed / found.size).toBeGreaterThan(0.85);
      });

      it('loses nothing', () => {
        nothingLost(input, plain);
      });
    });
  });

  describe('the newspaper pages', () => {
    const articles = (imp: Imported) =>
      fs
        .readdirSync(imp.dir)
        .filter((f) => /^\d\d-.*\.md$/.test(f))
        .sort()
        .map((f) => ({ fm: frontMatter(path.join(imp.dir, f)), body: bodyOf(path.join(imp.dir, f)) }));

    it('reads the special issue: its items, each 本报讯 item with the reporter named in brackets at its end', () => {
      const lines = corpusLines(SEMICON);
      const reporters = lines.map((l) => /[（(](\p{Script=Han}{2,3})[）)]\s*$/u.exec(l)?.[1]).filter(Boolean);
      const openers = lines.filter((l) => /^本报讯/.test(l)).length;
      const items = articles(semicon);
      expect(items.filter((a) => /^本报讯/.test(a.body))).toHaveLength(openers);
      expect(items.filter((a) => /^本报讯/.test(a.body)).map((a) => a.fm.byline)).toEqual(reporters);
      const staff = lines.find((l) => /^本报记者/.test(l))!.trim();
      expect(items.map((a) => a.fm.byline)).toContain(staff);
      expect(items.some((a) => a.fm.title === '编者按' && /^编者按/.test(a.body))).toBe(true);
      expect(
        items.some(
          (a) =>
            /^——/.test(lines.find((l) => l.startsWith('——'))!) &&
            a.fm.subtitle === lines.find((l) => l.startsWith('——'))!.replace(/^——/, ''),
        ),
      ).toBe(true);
    });

    it('keeps the jump lines at the end of their articles and says where they go on', () => {
      for (const imp of [semicon, beilun]) {
        const file = imp === semicon ? SEMICON : BEILUN;
        const jumps = corpusLines(file).filter((l) => /下转第\d+版/.test(l));
        expect(jumps.length).toBeGreaterThan(0);
        const bodies = articles(imp).map((a) => a.body.trim());
        for (const j of jumps) {
          const page = /第(\d+)版/.exec(j)![1];
          expect(bodies.filter((b) => b.endsWith(`（下转第${page}版）`))).toHaveLength(
            jumps.filter((x) => x.includes(`第${page}版`)).length,
          );
        }
        expect(read(path.join(imp.dir, 'import-report.md'))).toContain('## Continued on other pages');
      }
    });

    it('brings the district paper’s headlines, printed after their articles, back to the front', () => {
      const lines = corpusLines(BEILUN);
      const items = articles(beilun);
      const openerLines = lines.flatMap((l, i) => (/^本刊讯/.test(l.trim()) ? [i] : []));
      expect(items).toHaveLength(openerLines.length + 1);
      // Each item's headline is printed between its text and the next item's opener.
      items.slice(1).forEach((a, k) => {
        const from = openerLines[k]!;
        const to = openerLines[k + 1] ?? lines.length;
        const between = lines.slice(from, to).join('');
        const title = hanOnly(String(a.fm.title));
        expect(
          hanOnly(between).endsWith(
            hanOnly(
              lines
                .slice(from, to)
                .filter((l) => l.trim())
                .slice(-3)
                .join(''),
            ),
          ) && hanOnly(between).includes(title),
        ).toBe(true);
        expect(hanOnly(lines.slice(from, from + 4).join(''))).not.toContain(title);
        expect(String(a.fm.byline)).toMatch(/^记者 /);
      });
      expect(items[0]!.fm.byline).toBe(lines.find((l) => /^本刊记者/.test(l.trim()))!.trim());
    });

    it('closes up the names the narrow columns spread apart', () => {
      const items = articles(beilun);
      for (const a of items.slice(1)) {
        const bracket = /^本刊讯（([^）]*)）/.exec(a.body)![1]!;
        expect(bracket).toBe(a.fm.byline);
        expect(bracket).not.toMatch(/\p{Script=Han} \p{Script=Han} /u);
      }
    });

    it('load as issues of the publication, and lose nothing', () => {
      const model = loadModel(root);
      expect(model.issues.find((i) => i.id === '2026-03')!.articles.length).toBe(articles(semicon).length);
      expect(model.issues.find((i) => i.id === '2024-04')!.articles.length).toBe(articles(beilun).length);
      nothingLost(SEMICON, semicon);
      nothingLost(BEILUN, beilun);
    });
  });
});

describe.skipIf(!existsSync(corpus))('qikan import, then qikan build', () => {
  // As plain text, its subheads found by their shape, it once built with one left as a page's last line.
  it.each([
    ['the Markdown-like text', ''],
    ['the same issue as plain text', 'plain'],
  ])(
    'imports the magazine (%s) with the command and builds its PDF, each article on a numbered page',
    { timeout: 280_000 },
    (_, shape) => {
      const pub = path.join(tmpDir, `import-build-root${shape}`);
      const out = path.join(tmpDir, `import-build${shape}`);
      fs.rmSync(pub, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
      fs.mkdirSync(path.join(pub, 'issues'), { recursive: true });
      fs.copyFileSync(path.join(projectDir, 'publication.yaml'), path.join(pub, 'publication.yaml'));
      const input = shape ? path.join(pub, 'magazine.txt') : MAGAZINE;
      if (shape) fs.writeFileSync(input, asPlainText(read(MAGAZINE)));
      const imported = qikan(['import', input, '--out', path.join(pub, 'issues/2025-07')]);
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('imported 36 articles');
      const built = qikan(['build', '--root', pub, '--out', out, '--only', '2025-07']);
      expect(built.status, built.stdout + built.stderr).toBe(0);
      const manifest = JSON.parse(read(path.join(out, 'build-manifest.json'))) as BuildManifest;
      const issue = manifest.issues.find((i) => i.id === '2025-07')!;
      expect(issue.articles).toHaveLength(36);
      expect(issue.articles.every((a) => a.folio !== null)).toBe(true);
      expect(issue.pages).toBeGreaterThan(60);
    },
  );

  it('refuses a missing file and an unknown kind, as a finding', () => {
    const missing = qikan([
      'import',
      path.join(corpus, 'no-such-file.md'),
      '--out',
      path.join(tmpDir, 'import-none/issues/2025-01'),
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('missing-file');
    const kind = qikan([
      'import',
      MAGAZINE,
      '--kind',
      'poster',
      '--out',
      path.join(tmpDir, 'import-none/issues/2025-01'),
    ]);
    expect(kind.status).toBe(1);
    expect(kind.stderr).toMatch(/invalid-value \[--kind\] 不认识的类型“poster”/);
  });
});
