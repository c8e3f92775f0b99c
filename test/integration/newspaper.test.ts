import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Model } from '../../src/core/model.ts';
import { compact } from '../../src/print/compact-text.ts';
import { dateLine, mastheadFacts } from '../../src/kinds/newspaper/masthead.ts';
import { asStory } from '../../src/kinds/newspaper/story-schema.ts';
import { meta } from '../../src/kinds/newspaper/verify-pdf.ts';
import { build, projectDir, qikan, tmpDir, type Built } from '../helpers/build.ts';

// The example newspaper, built as a user would: qikan build --root examples/xinchao (from a copy, so that its
// cache stays out of the repository).
const example = path.join(projectDir, 'examples/xinchao');
const root = path.join(tmpDir, 'xinchao-root');
let built: Built;
let model: Model;

const copyExample = (to: string) => {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(example, to, { recursive: true, filter: (f) => !f.includes('.qikan') });
};

beforeAll(() => {
  copyExample(root);
  model = loadModel(root);
  built = build(root, 'xinchao');
});

describe('qikan build --root examples/xinchao: a newspaper', () => {
  it('prints each issue on the pages issue.yaml names, every story on its page', () => {
    expect(model.issues).toHaveLength(2);
    for (const issue of model.issues) {
      const entry = built.manifest.issues.find((i) => i.id === issue.id)!;
      expect(entry.pages).toBe(meta(issue).pages.length);
      expect(built.stdout).toMatch(new RegExp(`^pdf: ${issue.id}: ${entry.pages} pages, .* in [\\d.]+ s`, 'm'));
      for (const story of issue.articles.map(asStory)) {
        const placed = entry.articles.find((a) => a.id === story.id)!;
        expect(placed, story.file).toMatchObject({
          title: story.title,
          pdfPage: story.page,
          folio: String(story.page),
        });
      }
    }
  });

  it('prints on page 1 the masthead facts of publication.yaml and issue.yaml, and a 报眉 on every page', async () => {
    for (const issue of model.issues) {
      const pages = await built.pdf(issue.id);
      const m = meta(issue);
      for (const fact of mastheadFacts(model.publication, m)) expect(pages[0]!.compact).toContain(compact(fact));
      expect(pages[0]!.compact).toContain(`第${m.yearNumber}期（总第${m.number}期）`);
      for (const [i, page] of m.pages.entries()) {
        expect(pages[i]!.compact, `page ${i + 1}`).toContain(`第${i + 1}版`);
        expect(pages[i]!.compact).toContain(compact(page.name));
        expect(pages[i]!.compact).toContain(compact(dateLine(m.date)));
      }
    }
  });

  it('answers every 下转第N版 on page N with 上接 and the page it came from, the headline again', async () => {
    let jumps = 0;
    for (const issue of model.issues) {
      const pages = await built.pdf(issue.id);
      for (const story of issue.articles.map(asStory).filter((a) => a.jumpTo)) {
        const from = pages[story.page! - 1]!.compact;
        const to = pages[story.jumpTo! - 1]!.compact;
        if (!from.includes(`（下转第${story.jumpTo}版）`)) continue; // it fitted on its page after all
        jumps++;
        expect(to, story.file).toContain(`（上接第${story.page}版）`);
        expect(to.indexOf(compact(story.title))).toBeLessThan(to.indexOf(`（上接第${story.page}版）`));
      }
    }
    // Each issue's lead story is long enough to jump.
    expect(jumps).toBe(model.issues.length);
  });

  it('puts every story on the site, and lists each issue by its pages with a link to each page of the PDF', () => {
    for (const issue of model.issues) {
      const page = built.html(issue.id);
      for (const [i] of meta(issue).pages.entries())
        expect(page).toContain(`href="/pdf/${issue.id}.pdf#page=${i + 1}"`);
      for (const story of issue.articles) {
        expect(page).toContain(`href="${story.url}"`);
        expect(built.html(story.url.slice(1))).toContain('见报第');
      }
    }
  });

  it('labels every advertisement 广告', async () => {
    for (const issue of model.issues)
      for (const ad of meta(issue).ads) {
        const text = (await built.pdf(issue.id))[ad.page - 1]!.compact;
        expect(text).toContain('广告');
        expect(text).toContain(compact(ad.advertiser));
      }
  });
});

describe('the 报眼 beside the masthead', () => {
  it('prints its story in page 1’s masthead, and refuses one too long for it', async () => {
    const ear = model.issues
      .find((i) => i.id === '2026-11-06')!
      .articles.map(asStory)
      .find((a) => a.slot === 'ear')!;
    const page1 = (await built.pdf('2026-11-06'))[0]!.compact;
    expect(page1.indexOf(compact(ear.title))).toBeLessThan(page1.indexOf('2026年11月6日'));
    const copy = path.join(tmpDir, 'xinchao-long-ear');
    copyExample(copy);
    const file = path.join(copy, ear.file);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8') + '\n大会期间还举办了六场专题论坛和一场人才对接会，吸引了上千名业内人士参加。\n',
    );
    const out = path.join(tmpDir, 'xinchao-long-ear-out');
    fs.rmSync(out, { recursive: true, force: true });
    const r = qikan(['build', '--root', copy, '--out', out, '--only', '2026-11-06']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /16-dahui-bimu-shijia-xinpian\.md: the 报眼 story ".+" does not fit beside the masthead: \d+ line\(s\) too long/,
    );
  });
});

describe('a newspaper story too long for its page', () => {
  it('is refused, naming the story, its page and by how many lines', () => {
    const copy = path.join(tmpDir, 'xinchao-too-long');
    copyExample(copy);
    // The last story placed on page 2, its text four times over: the boxes before it keep their places.
    const issue = model.issues.find((i) => i.id === '2026-11-06')!;
    const last = issue.articles
      .map(asStory)
      .filter((a) => a.page === 2)
      .sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99))
      .at(-1)!;
    const file = path.join(copy, last.file);
    const text = fs.readFileSync(file, 'utf8');
    const body = text.slice(text.indexOf('\n---', 3) + 4);
    fs.writeFileSync(file, text + body + body + body);
    const out = path.join(tmpDir, 'xinchao-too-long-out');
    fs.rmSync(out, { recursive: true, force: true });
    const r = qikan(['build', '--root', copy, '--out', out, '--only', '2026-11-06']);
    expect(r.status).toBe(1);
    const rel = path.relative(copy, file);
    expect(r.stderr).toMatch(
      new RegExp(`${rel.replace(/[.]/g, '\\.')}: the story ".+" does not fit on page 2: \\d+ line\\(s\\) too long`),
    );
    expect(r.stdout).toContain('pdf: 2026-11-06: REFUSED');
  });
});

const corpusPage = path.join(projectDir, '../shared/corpus/newspaper-semicon-special-front.txt');

describe.skipIf(!fs.existsSync(corpusPage))('qikan import --kind newspaper of a printed front page', () => {
  it('writes a newspaper issue, its stories placed on page 1 with their jumps, that builds', async () => {
    // The example paper as a broadsheet (对开, seven columns), the size of the page imported.
    const copy = path.join(tmpDir, 'xinchao-import');
    copyExample(copy);
    fs.rmSync(path.join(copy, 'issues'), { recursive: true });
    const yaml = path.join(copy, 'publication.yaml');
    fs.writeFileSync(
      yaml,
      fs
        .readFileSync(yaml, 'utf8')
        .replace('width: 265mm', 'width: 350mm')
        .replace('height: 380mm', 'height: 500mm')
        .replace('columns: 5', 'columns: 7'),
    );
    const dir = path.join(copy, 'issues/2026-03-20');
    const r = qikan(['import', '--kind', 'newspaper', corpusPage, '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'images/cover.jpg'))).toBe(false);
    const imported = loadModel(copy).issues[0]!;
    expect(meta(imported).date.toISOString().slice(0, 10)).toBe('2026-03-20');
    expect(imported.articles.map(asStory).every((a) => a.page === 1 && a.priority && a.columns)).toBe(true);
    // The printed page's jump lines became jumpTo (下转第2版, 下转第4版), and the issue has the pages they name;
    // every other long story may go on on the first of them.
    const jumps = imported.articles.map((a) => asStory(a).jumpTo);
    expect(new Set(jumps.filter(Boolean))).toEqual(new Set([2, 4]));
    expect(jumps.filter((j) => j === 4)).toHaveLength(1);
    expect(meta(imported).pages).toHaveLength(4);
    const out = build(copy, 'xinchao-import-out');
    const page1 = (await out.pdf('2026-03-20'))[0]!.compact;
    for (const story of imported.articles) expect(page1, story.file).toContain(compact(story.title));
  });
});

const narrowPage = path.join(projectDir, '../shared/corpus/newspaper-beilun-front.txt');

describe.skipIf(!fs.existsSync(narrowPage))('a printed front page imported into a smaller paper', () => {
  it('builds: the stories that do not fit on page 1 go on on page 2, each jump answered', async () => {
    // The example tabloid as it is: the district paper's front page was printed on a larger sheet.
    const copy = path.join(tmpDir, 'xinchao-import-narrow');
    copyExample(copy);
    const dir = path.join(copy, 'issues/2026-03-27');
    const r = qikan(['import', '--kind', 'newspaper', narrowPage, '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'import-report.md'), 'utf8')).toMatch(/may go on on page 2 \(`jumpTo: 2`\)/);
    const issue = loadModel(copy).issues.find((i) => i.id === '2026-03-27')!;
    // The page gives no number: the one after the paper's newest issue, not one another issue has.
    expect([meta(issue).number, meta(issue).yearNumber]).toEqual([1046, 46]);
    const out = build(copy, 'xinchao-import-narrow-out', ['--only', '2026-03-27']);
    const [page1, page2] = (await out.pdf('2026-03-27')).map((p) => p.compact);
    for (const story of issue.articles) expect(page1, story.file).toContain(compact(story.title));
    const down = page1!.match(/（下转第2版）/g) ?? [];
    expect(down.length).toBeGreaterThan(0);
    expect(page2!.match(/（上接第1版）/g)).toHaveLength(down.length);
  });
});

describe('a newspaper story too long for its page and the page it jumps to', () => {
  it('is refused, naming the story, its jump page and by how many lines', () => {
    const copy = path.join(tmpDir, 'xinchao-too-long-jump');
    copyExample(copy);
    const lead = model.issues
      .find((i) => i.id === '2026-11-06')!
      .articles.map(asStory)
      .find((a) => a.jumpTo)!;
    const file = path.join(copy, lead.file);
    const text = fs.readFileSync(file, 'utf8');
    const body = text.slice(text.indexOf('\n---', 3) + 4);
    fs.writeFileSync(file, text + body.repeat(5));
    const out = path.join(tmpDir, 'xinchao-too-long-jump-out');
    fs.rmSync(out, { recursive: true, force: true });
    const r = qikan(['build', '--root', copy, '--out', out, '--only', '2026-11-06']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `${lead.file.replace(/[.]/g, '\\.')}: the story ".+" does not fit on page ${lead.jumpTo} even with its jump: \\d+ line\\(s\\) too long`,
      ),
    );
  });
});

describe('qikan new issue and qikan import in a newspaper', () => {
  it('makes the next issue with the pages of the one before, and refuses to import a magazine into it', () => {
    const copy = path.join(tmpDir, 'xinchao-new');
    copyExample(copy);
    const r = qikan(['new', 'issue', '2026-11-20', '--root', copy]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('（issue.yaml）');
    const issue = loadModel(copy, { allowEmptyIssues: true }).issues.find((i) => i.id === '2026-11-20')!;
    expect(meta(issue)).toMatchObject({ number: 1046, yearNumber: 46, pages: meta(model.issues[0]!).pages });
    expect(fs.existsSync(path.join(copy, 'issues/2026-11-20/images/cover.jpg'))).toBe(false);
    const out = path.join(copy, 'issues/2026-11-27');
    const imported = qikan(['import', '--kind', 'magazine', path.join(example, 'publication.yaml'), '--out', out]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('用 --kind newspaper');
    expect(fs.existsSync(out)).toBe(false);
  });
});
