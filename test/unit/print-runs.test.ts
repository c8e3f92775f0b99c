import { pageFacts } from '../helpers/page-facts.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../src/print/pipeline.ts';
import type { PageFacts } from '../../src/print/layout.ts';
import { PrintCache } from '../../src/print/print-cache.ts';
import { placeRuns, splitRuns, tightenedRuns } from '../../src/print/runs.ts';
import { WorkerPool } from '../../src/print/worker-pool.ts';
import { issuesOfShard, parseShard } from '../../src/cli/shard.ts';

const page = (kind: PageFacts['kind'] = 'content', starts: string[] = []): PageFacts => pageFacts({ kind, starts });

describe('splitRuns', () => {
  const html =
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="/_astro/a.1.css"></head><body>' +
    '<section id="cover">封面</section><nav id="toc"><a href="#a">甲</a></nav>' +
    '<article id="a" class="article"><h1 id="a-h">甲</h1></article>' +
    '<article id="b" class="article run-on"><img src="/_astro/b.2.webp"></article>' +
    '<article id="c" class="article">丙</article><script src="/x.js"></script></body></html>';

  it('starts a run at every element of the body but one that runs on, and keeps each run as written', () => {
    const { head, runs } = splitRuns(html);
    expect(head).toContain('/_astro/a.1.css');
    expect(head).not.toContain('封面');
    expect(runs.map((r) => [...r.ids])).toEqual([['cover'], ['toc'], ['a', 'a-h', 'b'], ['c']]);
    expect(runs[2]!.html).toBe(
      '<article id="a" class="article"><h1 id="a-h">甲</h1></article><article id="b" class="article run-on"><img src="/_astro/b.2.webp"></article>',
    );
  });

  it('finds a change of text or of an image (named by its content) in its run only', () => {
    const before = splitRuns(html).runs.map((r) => r.html);
    const after = splitRuns(html.replace('b.2.webp', 'b.3.webp')).runs.map((r) => r.html);
    expect(before.map((h, i) => h === after[i])).toEqual([true, true, false, true]);
  });
});

describe('placeRuns', () => {
  it('numbers sides from a right-hand first page and adds a blank where a run asks for the other side', () => {
    const placed = placeRuns([
      { facts: [page('cover')], startSide: null },
      { facts: [page('front')], startSide: null },
      // Would start on page 3, a right-hand page: no blank.
      { facts: [page('opener')], startSide: 'right' },
      // Would start on page 4, a left-hand page: a blank first.
      { facts: [page('content', ['a']), page()], startSide: 'right' },
      // Page 7 is right-hand: a blank for a left-hand start.
      { facts: [page('back')], startSide: 'left' },
    ]);
    expect(placed.first).toEqual([0, 1, 2, 4, 7]);
    expect(placed.blankBefore).toEqual([false, false, false, true, true]);
    expect(placed.facts.map((f) => `${f.kind}:${f.side}`)).toEqual([
      'cover:right',
      'front:left',
      'opener:right',
      'blank:left',
      'content:right',
      'content:left',
      'blank:right',
      'back:left',
    ]);
  });

  it('never starts the issue with a blank', () => {
    expect(placeRuns([{ facts: [page('cover')], startSide: 'left' }]).blankBefore).toEqual([false]);
  });
});

describe('tightenedRuns', () => {
  it('gives each run the copyfit set tighter as its own range of PDF pages, next to another one or not', () => {
    const tight = (leading: number) => ({ ...page(), tightened: leading });
    const runs = [
      { facts: [page('cover')], startSide: null },
      { facts: [tight(0.96), tight(0.96)], startSide: null },
      // Right after it, at the same leading: a run of its own all the same.
      { facts: [tight(0.96)], startSide: null },
      { facts: [page()], startSide: null },
      // After a blank (PDF page 6), for its right-hand start.
      { facts: [tight(0.98), tight(0.98)], startSide: 'right' as const },
    ];
    const { first } = placeRuns(runs);
    expect(tightenedRuns(runs, first)).toEqual([
      { from: 2, to: 3, leading: 0.96 },
      { from: 4, to: 4, leading: 0.96 },
      { from: 7, to: 8, leading: 0.98 },
    ]);
  });
});

describe('WorkerPool', () => {
  const tick = () => new Promise((r) => setTimeout(r, 5));

  it('runs one job per worker at a time, and gives a worker that comes free to a job that asked for it first', async () => {
    const pool = new WorkerPool(['A', 'B']);
    const log: string[] = [];
    const job = (name: string) => async (w: string) => {
      log.push(`${name}@${w}+`);
      await tick();
      log.push(`${name}@${w}-`);
    };
    await Promise.all([pool.use(job('1')), pool.use(job('2')), pool.use(job('3')), pool.use(job('4 wants A'), 'A')]);
    // 1 and 2 take A and B; when A comes free, the job that named it goes before job 3.
    expect(log.slice(0, 2)).toEqual(['1@A+', '2@B+']);
    expect(log.indexOf('4 wants A@A+')).toBeLessThan(log.indexOf('3@B+'));
    expect(log.filter((l) => l.endsWith('+')).length).toBe(4);
  });

  it('frees a worker when its job fails', async () => {
    const pool = new WorkerPool(['A']);
    await expect(pool.use(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await pool.use(async (w) => w)).toBe('A');
  });
});

describe('PrintCache', () => {
  it('keeps JSON and PDFs under the root, and removes what no build used for a month', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qikan-cache-'));
    const cache = new PrintCache(root);
    expect(cache.dir).toBe(path.join(root, '.qikan', 'cache', 'print'));
    cache.saveJson('abc123', { pages: 3 });
    const pdf = new TextEncoder().encode('%PDF-1.7\n…\n%%EOF\n');
    cache.savePdf('abc123', pdf);
    expect(cache.json('abc123')).toEqual({ pages: 3 });
    expect(cache.pdf('abc123')).toEqual(pdf);
    expect(cache.json('missing')).toBeUndefined();
    // A file cut short (a disk full, a copy stopped) is not taken for a PDF.
    fs.writeFileSync(path.join(cache.dir, 'ab', 'abc123.pdf'), '%PDF-1.7\n1 0 obj');
    expect(cache.pdf('abc123')).toBeUndefined();
    fs.writeFileSync(path.join(cache.dir, 'ab', 'abc123.json'), '{"pages":');
    expect(cache.json('abc123')).toBeUndefined();
    cache.saveJson('abc123', { pages: 3 });
    cache.saveJson('old456', {});
    const file = path.join(cache.dir, 'ol', 'old456.json');
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    fs.utimesSync(file, longAgo, longAgo);
    cache.prune();
    expect(fs.existsSync(file)).toBe(false);
    expect(cache.json('abc123')).toEqual({ pages: 3 });
  });
});

describe('--shard', () => {
  it('gives every issue to exactly one of N shares, the same on every machine', () => {
    const ids = ['2026-03', '2025-12', '2026-01', '2026-02', '2025-11'];
    const shares = [1, 2, 3].map((index) => issuesOfShard(ids, { index, count: 3 }));
    expect(shares).toEqual([['2025-11', '2026-02'], ['2025-12', '2026-03'], ['2026-01']]);
    expect(issuesOfShard([...ids].reverse(), { index: 2, count: 3 })).toEqual(shares[1]);
  });

  it('refuses a share that is not K of N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});

describe('defaultWorkers', () => {
  it('takes one browser page per core but one, at least one and at most four, unless QIKAN_PRINT_WORKERS says', () => {
    expect([1, 2, 3, 8].map((cores) => defaultWorkers({}, cores))).toEqual([1, 1, 2, 4]);
    expect(defaultWorkers({ QIKAN_PRINT_WORKERS: '3' }, 2)).toBe(3);
    expect(defaultWorkers({ QIKAN_PRINT_WORKERS: 'many' }, 2)).toBe(1);
  });
});
