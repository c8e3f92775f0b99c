import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Model } from '../../src/lib/model.ts';
import { build, projectDir, type Built } from '../helpers/build.ts';
import { printedIssueChecks } from '../helpers/printed-issue.ts';

// The repository's own sample issues, built as the README's first command builds them.
let built: Built;
let model: Model;

beforeAll(() => {
  model = loadModel(projectDir);
  built = build(projectDir, 'sample');
});

describe('the sample publication', () => {
  it('has two issues, the first with at least 18 articles in all six sections, printing to 32 pages or more', () => {
    expect(model.issues.length).toBeGreaterThanOrEqual(2);
    const first = model.issues.find((i) => i.id === '2026-10')!;
    expect(first.articles.length).toBeGreaterThanOrEqual(18);
    expect(new Set(first.articles.map((a) => a.section)).size).toBe(6);
    expect(built.manifest.issues.find((i) => i.id === '2026-10')!.pages).toBeGreaterThanOrEqual(32);
  });

  for (const id of ['2026-10', '2026-11']) describe(id, () => printedIssueChecks(() => ({ built, model }), id));
});
