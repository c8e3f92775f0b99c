import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPublication } from '../../src/check/index.ts';
import { stopsBuild } from '../../src/core/findings.ts';
import { fileName, frontMatter, lostWithoutFinding, markdownBody, problemsOf } from '../helpers/fuzz.ts';
import { writePublication } from '../helpers/publication.ts';

// Random contributions (front matter, Markdown, file names) through `qikan check`, as a build runs it first: each
// must end, within seconds, in findings that name their file and line, or in an article whose every word the
// rendered page keeps. A bounded run here; `npm run bench:fuzz` runs many more.
const RUNS = Number(process.env.QIKAN_FUZZ_RUNS ?? 40);
const SECONDS = 10;

describe('any contribution', () => {
  it(`ends in findings or a whole article (${RUNS} random cases)`, { timeout: RUNS * SECONDS * 1000 }, async () => {
    await fc.assert(
      fc.asyncProperty(frontMatter, markdownBody, fileName, async (head, body, name) => {
        const root = writePublication({ [`issues/2025-01/${name}`]: head + body });
        const started = Date.now();
        const findings = await checkPublication(root);
        expect(Date.now() - started, 'seconds for one check').toBeLessThan(SECONDS * 1000);
        expect(problemsOf(root, findings)).toEqual([]);
        if (!findings.some(stopsBuild)) expect(await lostWithoutFinding(root)).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.QIKAN_FUZZ_SEED ?? 20261201) },
    );
  });

  it(
    `keeps every word of any body under valid front matter, or says why not (${RUNS} random cases)`,
    { timeout: RUNS * SECONDS * 1000 },
    async () => {
      let whole = 0;
      await fc.assert(
        fc.asyncProperty(markdownBody, async (body) => {
          const root = writePublication({ 'issues/2025-01/01-a.md': `---\ntitle: 标题\nsection: news\n---\n${body}` });
          const findings = await checkPublication(root);
          expect(problemsOf(root, findings)).toEqual([]);
          if (findings.some(stopsBuild)) return;
          whole++;
          expect(await lostWithoutFinding(root)).toEqual([]);
        }),
        { numRuns: RUNS, seed: Number(process.env.QIKAN_FUZZ_SEED ?? 20261201) },
      );
      // The property says something only if many bodies pass the check.
      expect(whole).toBeGreaterThan(RUNS / 4);
    },
  );
});
