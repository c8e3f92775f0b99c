import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/core/model.ts';
import { neighbours } from '../../src/core/route-data.ts';
import { articlesFor, buildToc } from '../../src/core/toc.ts';
import { placementOf, startsNewPage, startsOnRight } from '../../src/kinds/magazine/page-layout.ts';
import { article, writePublication } from '../helpers/publication.ts';

const model = loadModel(
  writePublication({
    'issues/2025-01/01-a.md': article('title: 甲\nsection: views'),
    'issues/2025-01/02-b.md': article('title: 乙\nsection: news'),
    'issues/2025-01/03-c.md': article('title: 丙\nsection: news\nnewPage: false'),
    'issues/2025-01/04-d.md': article('title: 丁\nsection: news\nprint: false'),
    'issues/2025-01/05-e.md': article('title: 戊\nsection: views\nweb: false'),
  }),
);
const issue = model.issues[0]!;
const titles = (toc: ReturnType<typeof buildToc>) => toc.map((s) => [s.section.title, s.articles.map((a) => a.title)]);

describe('buildToc', () => {
  it('groups articles under sections in the configured order, each in its order', () => {
    expect(titles(buildToc(model.publication, issue, 'web'))).toEqual([
      ['新闻', ['乙', '丙', '丁']],
      ['观点', ['甲']],
    ]);
  });

  it('leaves out what a medium does not show', () => {
    expect(titles(buildToc(model.publication, issue, 'print'))).toEqual([
      ['新闻', ['乙', '丙']],
      ['观点', ['甲', '戊']],
    ]);
    expect(articlesFor(issue, 'print').map((a) => a.title)).toEqual(['乙', '丙', '甲', '戊']);
  });

  it('leaves out a section with no article', () => {
    const onlyNews = { ...issue, articles: issue.articles.filter((a) => a.section === 'news') };
    expect(buildToc(model.publication, onlyNews, 'print').map((s) => s.section.id)).toEqual(['news']);
  });
});

describe('startsNewPage', () => {
  const toc = buildToc(model.publication, issue, 'print');
  const byTitle = (t: string) => issue.articles.find((a) => a.title === t)!;

  it('runs a newPage: false article on after the previous one', () => {
    expect(startsNewPage(toc, byTitle('丙'))).toBe(false);
    expect(startsNewPage(toc, byTitle('戊'))).toBe(true);
  });

  it('runs an article on where its section says so, unless it sets newPage', () => {
    const runOn = toc.map((s) => ({ ...s, section: { ...s.section, runOn: true } }));
    expect(startsNewPage(runOn, byTitle('戊'))).toBe(false);
    expect(startsNewPage(runOn, { ...byTitle('戊'), newPage: true })).toBe(true);
    expect(startsNewPage(runOn, byTitle(runOn[0]!.articles[0]!.title))).toBe(true);
  });

  it('always starts the first article of a section on a new page', () => {
    const first = { ...byTitle('乙'), newPage: false };
    const withFirst = [{ ...toc[0]!, articles: [first, ...toc[0]!.articles.slice(1)] }];
    expect(startsNewPage(withFirst, first)).toBe(true);
  });
});

describe('startsOnRight', () => {
  const toc = buildToc(model.publication, issue, 'print');
  const [first, runOn, second] = ['乙', '丙', '戊'].map((t) => issue.articles.find((a) => a.title === t)!);
  const withOpener = toc.map((s) => ({ ...s, section: { ...s.section, opener: true } }));

  it("puts a section's first article on the right, or every article that starts a page", () => {
    expect([first, runOn, second].map((a) => startsOnRight(toc, a!, 'sections'))).toEqual([true, false, false]);
    expect([first, runOn, second].map((a) => startsOnRight(toc, a!, 'articles'))).toEqual([true, false, true]);
    expect([first, runOn, second].map((a) => startsOnRight(toc, a!, 'none'))).toEqual([false, false, false]);
  });

  it("lets the first article face its section's opener, which takes the right-hand page", () => {
    expect(startsOnRight(withOpener, first!, 'sections')).toBe(false);
    expect(startsOnRight(withOpener, first!, 'articles')).toBe(false);
    expect(startsOnRight(withOpener, second!, 'articles')).toBe(true);
  });
});

describe('placementOf', () => {
  const toc = buildToc(model.publication, issue, 'print');
  const of = (title: string, t = toc) =>
    placementOf(
      t,
      issue.articles.find((a) => a.title === title)!,
      'none',
    );

  it("puts a section's name in a band over its first article, as a label over the others that start a page", () => {
    expect([of('乙'), of('丙'), of('甲'), of('戊')].map((p) => [p.band, p.label, p.above])).toEqual([
      [true, false, '新闻'],
      [false, false, ''],
      [true, false, '观点'],
      [false, true, '观点'],
    ]);
  });

  it('gives a section with an opener no band: its first article carries the label', () => {
    const withOpener = toc.map((s) => ({ ...s, section: { ...s.section, opener: true, english: 'NEWS' } }));
    expect(of('乙', withOpener)).toMatchObject({ band: false, label: true, above: '新闻' });
    expect(
      of(
        '乙',
        toc.map((s) => ({ ...s, section: { ...s.section, english: 'NEWS' } })),
      ).above,
    ).toBe('新闻NEWS');
  });

  it('counts the kicker into what stands above the title, after the band or label', () => {
    const first = issue.articles.find((a) => a.title === '乙')!;
    const later = issue.articles.find((a) => a.title === '丙')!;
    expect(placementOf(toc, { ...first, kicker: '聚焦封装' }, 'none').above).toBe('新闻聚焦封装');
    expect(placementOf(toc, { ...later, kicker: '聚焦封装' }, 'none').above).toBe('聚焦封装');
  });

  it('sets an article with a table of more than six columns in one column, unless it asks for two', () => {
    const twoColumns = toc.map((s) => ({ ...s, section: { ...s.section, columns: 2 as const } }));
    const first = issue.articles.find((a) => a.title === '乙')!;
    expect(placementOf(twoColumns, first, 'none').columns).toBe(2);
    expect(placementOf(twoColumns, { ...first, widestTable: 7 }, 'none').columns).toBe(1);
    expect(placementOf(twoColumns, { ...first, widestTable: 7, columns: 2 }, 'none').columns).toBe(2);
  });
});

describe('neighbours', () => {
  it('gives the previous and next article of the same medium', () => {
    const c = issue.articles.find((a) => a.title === '丙')!;
    const { prev, next } = neighbours(issue, c, 'web');
    expect([prev?.title, next?.title]).toEqual(['乙', '丁']);
    const a = issue.articles.find((x) => x.title === '甲')!;
    expect(neighbours(issue, a, 'web').next).toBeUndefined();
  });
});
