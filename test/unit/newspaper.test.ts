import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/core/findings.ts';
import { loadModel } from '../../src/core/model.ts';
import { projectDir } from '../helpers/build.ts';
import { PUBLICATION_YAML, article, writePublication } from '../helpers/publication.ts';
import { articleSchemaOf } from '../../src/kinds/index.ts';
import { publicationSchema } from '../../src/core/schema/publication.ts';
import { frontMatterProblems as magazineRules } from '../../src/kinds/magazine/front-matter.ts';
import { frontMatterProblems, issueProblems } from '../../src/kinds/newspaper/front-matter.ts';
import { issueSchema } from '../../src/kinds/newspaper/issue-schema.ts';
import { dateLine, mastheadFacts } from '../../src/kinds/newspaper/masthead.ts';
import { layoutPages } from '../../src/kinds/newspaper/page-layout.ts';
import { jumpsIn } from '../../src/kinds/newspaper/verify-pdf.ts';
import { pageFacts } from '../helpers/page-facts.ts';
import { splitAt } from '../../src/print/stages/verify.ts';

const publication = publicationSchema.parse({
  name: '测试周报',
  kind: 'newspaper',
  sections: [{ id: 'news', title: '要闻' }],
  page: { width: '265mm', height: '380mm', margins: { top: '12mm', bottom: '12mm', inner: '12mm', outer: '12mm' } },
  newspaper: {
    cn: 'CN 33-0001/F',
    authority: '某协会',
    sponsors: ['某协会', '某公司'],
    printer: '某印务',
    price: '每份1元',
  },
  imprint: { publisher: ['某公司'], address: '某地' },
});
const issueYaml = {
  number: 1044,
  yearNumber: 44,
  date: '2026-11-06',
  headline: '头条',
  pages: [{ name: '要闻' }, { name: '产业' }],
};
const meta = issueSchema.parse(issueYaml);
const story = (fields: Record<string, unknown>) =>
  articleSchemaOf({ kind: 'newspaper' }).parse({ title: '稿件', section: 'news', ...fields });

describe('the newspaper’s issue and masthead', () => {
  it('dates the issue as a Chinese newspaper does, with the weekday', () => {
    expect(dateLine(meta.date)).toBe('2026年11月6日 星期五');
    expect(dateLine(new Date('2026-11-08T00:00:00Z'))).toBe('2026年11月8日 星期日');
  });

  it('lists what page 1 must print, from publication.yaml and issue.yaml', () => {
    expect(mastheadFacts(publication, meta)).toEqual([
      '测试周报',
      '2026年11月6日 星期五',
      '第44期（总第1044期）',
      '今日2版',
      '国内统一连续出版物号CN 33-0001/F',
      '主管：某协会',
      '主办：某协会　某公司',
      '印刷：某印务',
      '定价：每份1元',
    ]);
    expect(meta.year).toBe(2026);
  });

  it('wants the newspaper block of a newspaper, and a CN number in its form', () => {
    const { newspaper: _, ...without } = publication;
    expect(publicationSchema.safeParse(without).error?.issues[0]).toMatchObject({ path: ['newspaper'] });
    const wrong = { ...publication, newspaper: { ...publication.newspaper, cn: '33-0001' } };
    expect(publicationSchema.safeParse(wrong).error?.issues[0]?.message).toContain('CN 33-0123/F');
  });
});

describe('a story’s front matter', () => {
  it('needs a page, a width within the grid and a jump forward', () => {
    expect(frontMatterProblems(story({ page: 1, columns: 3, jumpTo: 4 }), publication)).toEqual([]);
    expect(frontMatterProblems(story({}), publication).map((p) => [p.field, p.missing])).toEqual([['page', true]]);
    expect(frontMatterProblems(story({ print: false }), publication)).toEqual([]);
    expect(frontMatterProblems(story({ page: 2, columns: 6, jumpTo: 2 }), publication).map((p) => p.field)).toEqual([
      'columns',
      'jumpTo',
    ]);
  });

  it('is refused in a magazine where it asks for more than two columns or a 编者按', () => {
    expect(magazineRules(story({ columns: 2 }))).toEqual([]);
    expect(magazineRules(story({ columns: 3, editorNote: '按语' })).map((p) => p.field)).toEqual([
      'columns',
      'editorNote',
    ]);
  });
});

describe('a story’s front matter as qikan check reads it', () => {
  const example = (rel: string) => fs.readFileSync(path.join(projectDir, 'examples/xinchao', rel), 'utf8');
  const newspaper = { 'publication.yaml': example('publication.yaml') };
  const newspaperIssue = { 'issues/2025-01/issue.yaml': example('issues/2026-11-06/issue.yaml') };
  const check = (frontMatter: string, files: Record<string, string> = { ...newspaper, ...newspaperIssue }) => {
    try {
      loadModel(
        writePublication({
          'issues/2025-01/01-story.md': article(`title: 稿件\nsection: yaowen\n${frontMatter}`),
          ...files,
        }),
      );
    } catch (e) {
      if (e instanceof ContentError)
        return e.findings.map((f) => (f.message.includes('只用于') ? [f.rule, f.field, f.message] : [f.rule, f.field]));
      throw e;
    }
    return [];
  };

  it('reports the kind’s problems with the schema’s, each field once', () => {
    expect(check('page: 1\ncolumns: 0\njumpTo: 1')).toEqual([
      ['invalid-value', 'columns'],
      ['invalid-value', 'jumpTo'],
    ]);
    expect(check('page: 0\ntitle2: x')).toEqual([
      ['invalid-value', 'page'],
      ['unknown-key', 'title2'],
    ]);
  });

  it('reads only the schema’s own fields, and no kind rule where the front matter is no map of fields', () => {
    expect(check('page: 1\nconstructor: x')).toEqual([['unknown-key', 'constructor']]);
    const list = check('', {
      ...newspaper,
      ...newspaperIssue,
      'issues/2025-01/01-story.md': '---\n- 稿件\n---\n正文。\n',
    });
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter(([, field]) => field === 'page')).toEqual([]);
  });

  it('refuses a newspaper’s fields in a magazine, as fields it does not know', () => {
    const magazine = { 'publication.yaml': PUBLICATION_YAML.replace('id: news', 'id: yaowen') };
    expect(check('page: 1', magazine)).toEqual([['unknown-key', 'page', '字段“page”只用于报纸']]);
  });
});

describe('pages and jumps', () => {
  const facts = (starts: string[]) => pageFacts({ starts });

  it('numbers every page as its 版, a story starting where its headline is', () => {
    const layout = layoutPages([facts(['a', 'b']), facts([]), facts(['c'])]);
    expect(layout.pages.map((p) => [p.folio, p.decorated])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(layout.articles).toEqual([
      { anchor: 'a', pdfPage: 1, folio: 1 },
      { anchor: 'b', pdfPage: 1, folio: 1 },
      { anchor: 'c', pdfPage: 3, folio: 3 },
    ]);
  });

  it('reads 下转 and 上接 with the pages they join', () => {
    expect(jumpsIn(['正文（下转第4版）', '', '', '（上接第1版）续文'])).toEqual([
      { from: 1, to: 4, kind: 'down' },
      { from: 1, to: 4, kind: 'up' },
    ]);
  });
});

describe('a paragraph a jump cuts in two', () => {
  it('is found in its two parts, in order, with other text between them', () => {
    const text = '头条正文前半段（下转第4版）别的稿件（上接第1版）后半段。其后';
    expect(splitAt(text, '正文前半段后半段。', 0)).toBe(text.indexOf('其后'));
    expect(splitAt(text, '正文前半段后半段。', text.indexOf('别的'))).toBeUndefined();
    expect(splitAt(text, '正文前半段丢了一句后半段。', 0)).toBeUndefined();
    expect(splitAt(text, '后半段。正文前半段', 0)).toBeUndefined();
  });
});

describe('the 报眼 (slot: ear)', () => {
  it('is on page 1, does not jump, and is one story an issue', () => {
    expect(frontMatterProblems(story({ page: 1, slot: 'ear' }), publication)).toEqual([]);
    expect(frontMatterProblems(story({ page: 2, slot: 'ear', jumpTo: 3 }), publication).map((p) => p.field)).toEqual([
      'slot',
      'jumpTo',
    ]);
    const ears = ['a.md', 'b.md', 'c.md'].map((file) => ({ ...story({ page: 1, slot: 'ear' }), file }));
    expect(issueProblems(meta, ears, publication).map((p) => [p.file, p.path.join('.')])).toEqual([
      ['b.md', 'slot'],
      ['c.md', 'slot'],
    ]);
  });
});

describe('an issue’s own rules', () => {
  it('refuses stories, jumps and advertisements past the issue’s pages, and ads wider than the grid', () => {
    const withAds = issueSchema.parse({
      ...issueYaml,
      ads: [{ page: 3, columns: 9, height: '50mm', advertiser: '某公司', lines: ['电话'] }],
    });
    const stories = [
      { ...story({ page: 2, jumpTo: 5 }), file: 'a.md' },
      { ...story({ page: 1 }), file: 'b.md' },
    ];
    expect(issueProblems(withAds, stories, publication).map((p) => [p.file ?? 'issue.yaml', p.path.join('.')])).toEqual(
      [
        ['issue.yaml', 'ads.0.page'],
        ['issue.yaml', 'ads.0.columns'],
        ['a.md', 'jumpTo'],
      ],
    );
  });
});
